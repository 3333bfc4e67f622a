import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { AdminBreadcrumb } from "@/components/admin/AdminBreadcrumb";
import { AdminOnly } from "@/components/admin/AdminOnly";
import { OutboxTable } from "@/components/notification/OutboxTable";
import { MAIL_STATUT_LABELS } from "@/lib/notification/labels";
import { MAIL_STATUTS, type MailStatut } from "@/lib/notification/values";
import { isAdmin } from "@/lib/policies/viewer";
import { smtpUrl } from "@/server/config";
import { countOutboxMails, listOutboxMails } from "@/server/mail/outbox-list";
import { getAdminViewer } from "../access";

export const metadata: Metadata = { title: "Courriels · Administration", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ statut?: string }> };

export default async function CourrielsAdminPage({ searchParams }: Props) {
  const viewer = await getAdminViewer("/admin/courriels", isAdmin);
  if (!viewer) return <AdminOnly />;
  const { statut: asked } = await searchParams;
  const statut = MAIL_STATUTS.includes(asked as MailStatut) ? (asked as MailStatut) : null;
  const db = getDb();
  const counts = countOutboxMails(db);
  const mails = listOutboxMails(db, statut);
  return (
    <>
      <AdminBreadcrumb current="Courriels" />
      <h1>Courriels</h1>
      <p>
        {smtpUrl()
          ? "Les courriels partent par le serveur SMTP configuré (SMTP_URL) ; un envoi qui échoue est retenté de plus en plus tard, puis abandonné."
          : "SMTP_URL n'est pas configuré : aucun courriel ne part. Ils restent ici, lisibles ; configurer un serveur SMTP plus tard n'enverra que les courriels écrits après."}
      </p>
      <nav aria-label="Filtrer par statut">
        <ul className="admin-filters">
          <li>
            <Link href="/admin/courriels" aria-current={statut === null ? "page" : undefined}>
              Tous
            </Link>
          </li>
          {MAIL_STATUTS.map((s) => (
            <li key={s}>
              <Link href={`/admin/courriels?statut=${s}`} aria-current={statut === s ? "page" : undefined}>
                {MAIL_STATUT_LABELS[s]} ({counts[s]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <OutboxTable mails={mails} />
    </>
  );
}
