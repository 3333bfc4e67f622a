import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fiche, ficheActeur } from "@/db/schema";
import type { FicheAccessFacts } from "@/lib/policies/fiche";

// Read for every loaded fiche every few seconds by the collaboration server: prepare once per connection.
const statements = new WeakMap<Db, ReturnType<typeof prepare>>();
function prepare(db: Db) {
  return {
    fiche: db
      .select({ statut: fiche.statut, verrouillee: fiche.verrouillee, createdBy: fiche.createdBy, masquee: fiche.masquee })
      .from(fiche)
      .where(eq(fiche.id, sql.placeholder("ficheId")))
      .prepare(),
    porteurs: db
      .select({ acteurId: ficheActeur.acteurId })
      .from(ficheActeur)
      .where(and(eq(ficheActeur.ficheId, sql.placeholder("ficheId")), eq(ficheActeur.role, "porteur")))
      .prepare(),
  };
}

/** What the fiche policies need to know of a fiche; null when the fiche does not exist. */
export function getFicheAccessFacts(db: Db, ficheId: number): FicheAccessFacts | null {
  let prepared = statements.get(db);
  if (!prepared) {
    prepared = prepare(db);
    statements.set(db, prepared);
  }
  const row = prepared.fiche.get({ ficheId });
  if (!row) return null;
  const porteurIds = prepared.porteurs
    .all({ ficheId })
    .map((p) => p.acteurId)
    .sort((a, b) => a - b);
  return { statut: row.statut, verrouillee: row.verrouillee, createdBy: row.createdBy, porteurIds, masquee: row.masquee };
}
