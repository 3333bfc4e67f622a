import { Link } from "@/components/ui/Link";

/**
 * Shown instead of an admin page to a signed-in person who is not an admin. Next's forbidden() would
 * also send a 403 status, but it needs experimental.authInterrupts, which this project leaves off.
 */
export function AdminOnly() {
  return (
    <>
      <h1>Accès réservé aux administrateurs</h1>
      <p>
        Votre compte n&apos;a pas les droits nécessaires pour afficher cette page. Si vous en avez besoin, demandez à un
        administrateur du wiki de vous les donner.
      </p>
      <p>
        <Link href="/">Revenir à l&apos;accueil</Link>
      </p>
    </>
  );
}
