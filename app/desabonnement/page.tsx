import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { UNSUBSCRIBE_POST_PATH } from "@/server/mail/outbox";
import { readUnsubscribeToken } from "@/server/mail/unsubscribe-token";

export const metadata: Metadata = { title: "Se désabonner des courriels", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ t?: string; fait?: string; erreur?: string }> };

/** The unsubscribe link of every mail: a button, so that a link scanner opening the page unsubscribes nobody. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { t = "", fait, erreur } = await searchParams;
  if (fait) {
    return (
      <>
        <h1>Vous êtes désabonné</h1>
        <p role="status">Le wiki ne vous enverra plus ces courriels.</p>
        <p>
          Avec un compte, vous pouvez les rétablir dans <Link href="/compte/notifications">vos préférences de notifications</Link>.
        </p>
      </>
    );
  }
  const subject = readUnsubscribeToken(t);
  if (erreur || !subject) {
    return (
      <>
        <h1>Se désabonner des courriels</h1>
        <p role="alert" className="alert alert--error">
          Ce lien de désabonnement n&apos;est pas valide ou a expiré. Utilisez le lien d&apos;un courriel plus récent, ou réglez vos courriels dans{" "}
          <Link href="/compte/notifications">vos préférences de notifications</Link>.
        </p>
      </>
    );
  }
  return (
    <>
      <h1>Se désabonner des courriels</h1>
      <p>
        {"userId" in subject
          ? "Vous ne recevrez plus ni le résumé de ce que vous suivez, ni les courriels quand on vous mentionne ou vous répond. Vos notifications restent visibles sur le wiki."
          : "Vous ne recevrez plus de courriel quand quelqu'un répond à votre question, et votre adresse sera effacée."}
      </p>
      <form method="post" action={`${UNSUBSCRIBE_POST_PATH}?t=${encodeURIComponent(t)}`}>
        <input type="hidden" name="depuis" value="page" />
        <button type="submit">Me désabonner</button>
      </form>
    </>
  );
}
