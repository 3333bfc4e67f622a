import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { FeedLinkForm } from "@/components/notification/FeedLinkForm";
import { PreferencesForm } from "@/components/notification/PreferencesForm";
import { getNotificationPreferences } from "@/server/notification-setting";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Mes notifications · Mon compte", robots: { index: false } };
export const dynamic = "force-dynamic";

export default async function NotificationPreferencesPage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/compte/notifications"));
  const preferences = getNotificationPreferences(getDb(), viewer.id);
  return (
    <>
      <nav aria-label="Fil d'Ariane" className="admin-breadcrumb">
        <ol>
          <li>
            <Link href="/compte">Mon compte</Link>
          </li>
          <li aria-current="page">Mes notifications</li>
        </ol>
      </nav>
      <h1>Mes notifications</h1>
      <p>
        Les nouveautés de ce que vous suivez arrivent dans <Link href="/notifications">vos notifications</Link>. Choisissez ici ce qui vous est aussi
        envoyé par courriel.
      </p>
      <section aria-labelledby="titre-courriels">
        <h2 id="titre-courriels">Courriels</h2>
        <PreferencesForm digest={preferences.digest} mailMentions={preferences.mailMentions} />
      </section>
      <section aria-labelledby="titre-flux">
        <h2 id="titre-flux">Flux Atom personnel</h2>
        <p>
          Suivez vos notifications dans un lecteur de flux. L&apos;adresse est secrète : quiconque la connaît lit vos notifications. Renouvelez-la si
          elle a circulé.
        </p>
        <FeedLinkForm hasFeed={preferences.hasFeed} />
      </section>
    </>
  );
}
