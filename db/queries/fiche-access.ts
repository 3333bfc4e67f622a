import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fiche, ficheActeur } from "@/db/schema";
import type { FicheAccessFacts } from "@/lib/policies/fiche";

/** What the fiche policies need to know of a fiche; null when the fiche does not exist. */
export function getFicheAccessFacts(db: Db, ficheId: number): FicheAccessFacts | null {
  const row = db
    .select({ statut: fiche.statut, verrouillee: fiche.verrouillee, createdBy: fiche.createdBy })
    .from(fiche)
    .where(eq(fiche.id, ficheId))
    .get();
  if (!row) return null;
  const porteurIds = db
    .select({ acteurId: ficheActeur.acteurId })
    .from(ficheActeur)
    .where(and(eq(ficheActeur.ficheId, ficheId), eq(ficheActeur.role, "porteur")))
    .all()
    .map((p) => p.acteurId)
    .sort((a, b) => a - b);
  return { statut: row.statut, verrouillee: row.verrouillee, createdBy: row.createdBy, porteurIds };
}
