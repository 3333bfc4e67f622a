import { Link } from "@/components/ui/Link";

/** The page shown to a signed-in person who is neither a member of the acteur nor a moderator. */
export function AccessDenied({ nom, slug }: { nom: string; slug: string }) {
  return (
    <>
      <h1>Accès refusé</h1>
      <div className="alert alert--error">
        <p>
          Seuls les membres de « {nom} » et les modérateurs peuvent modifier cet acteur, ses lieux et ses membres (erreur
          403).
        </p>
      </div>
      <p>
        Vous faites partie de cette organisation ? Demandez à l&apos;un de ses membres de vous ajouter : il lui suffit de
        l&apos;adresse électronique de votre compte. Si elle n&apos;a pas encore de membre, demandez à la gérer depuis{" "}
        <Link href={`/acteurs/${slug}#titre-membres`}>sa page</Link> : un modérateur examinera votre demande.
      </p>
      <ul>
        <li>
          <Link href={`/acteurs/${slug}`}>Revenir à la page de « {nom} »</Link>
        </li>
        <li>
          <Link href="/acteurs/nouveau">Présenter votre propre organisation</Link>
        </li>
      </ul>
    </>
  );
}
