import type { FichesByRole } from "@/db/queries/fiche";
import { FICHE_ACTEUR_ROLES } from "@/lib/fiche/values";
import { ACTEUR_ROLE_LABELS } from "@/lib/fiche/labels";
import { FicheCards } from "./FicheCard";

/** The published fiches an acteur takes part in, by role, for the acteur's page. */
export function FichesOfActeur({ byRole }: { byRole: FichesByRole }) {
  const roles = FICHE_ACTEUR_ROLES.filter((role) => byRole[role].length > 0);
  return (
    <section aria-labelledby="fiches-de-l-acteur">
      <h2 id="fiches-de-l-acteur">Fiches</h2>
      {roles.length === 0 ? (
        <p className="muted">Cet acteur n&apos;apparaît encore dans aucune fiche publiée.</p>
      ) : (
        roles.map((role) => (
          <section key={role} aria-labelledby={`fiches-role-${role}`}>
            <h3 id={`fiches-role-${role}`}>
              {role === "pressenti" ? "Pressenti pour" : `${ACTEUR_ROLE_LABELS[role].singular} de`} {byRole[role].length} fiche{byRole[role].length > 1 ? "s" : ""}
            </h3>
            <FicheCards fiches={byRole[role]} empty="" headingLevel={4} />
          </section>
        ))
      )}
    </section>
  );
}
