import { Link } from "@/components/ui/Link";
import type { OwnActeurClaimItem } from "@/server/acteur-claim";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

function status(claim: OwnActeurClaimItem): string {
  if (claim.decision === "acceptee") return `Acceptée le ${dateTime.format(claim.decidedAt!)} : vous êtes membre de cet acteur.`;
  if (claim.decision === "refusee") return `Refusée le ${dateTime.format(claim.decidedAt!)}.`;
  return "En attente : un modérateur va l'examiner.";
}

/**
 * "Mes demandes de gestion": the person's requests to manage an acteur and the moderators' answers.
 * There is no notification yet: this list is where they learn the outcome.
 */
export function ActeurClaimsSection({ claims }: { claims: OwnActeurClaimItem[] }) {
  if (claims.length === 0) return null;
  return (
    <section aria-labelledby="titre-demandes-gestion">
      <h2 id="titre-demandes-gestion">Mes demandes de gestion</h2>
      <ul>
        {claims.map((c) => (
          <li key={c.id}>
            <Link href={`/acteurs/${c.acteur.slug}`}>{c.acteur.nom}</Link>, demandée le {dateTime.format(c.createdAt)}. {status(c)}
            {c.decisionNote && (
              <>
                {" "}
                Note du modérateur : <q className="pre-line">{c.decisionNote}</q>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
