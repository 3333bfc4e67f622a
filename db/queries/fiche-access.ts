import { and, eq, inArray, ne, or, sql, type SQL } from "drizzle-orm";
import { perConnection, type Db } from "@/db/client";
import { fiche, ficheActeur } from "@/db/schema";
import type { FicheAccessFacts } from "@/lib/policies/fiche";
import { isModerator, type Viewer } from "@/lib/policies/viewer";

// Read for every loaded fiche every few seconds by the collaboration server: prepare once per connection.
const statements = perConnection((db) => ({
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
}));

/** What the fiche policies need to know of a fiche; null when the fiche does not exist. */
export function getFicheAccessFacts(db: Db, ficheId: number): FicheAccessFacts | null {
  const prepared = statements(db);
  const row = prepared.fiche.get({ ficheId });
  if (!row) return null;
  const porteurIds = prepared.porteurs
    .all({ ficheId })
    .map((p) => p.acteurId)
    .sort((a, b) => a - b);
  return { statut: row.statut, verrouillee: row.verrouillee, createdBy: row.createdBy, porteurIds, masquee: row.masquee };
}

/** The fiches a viewer created or whose porteurs they are a member of, as a condition on `fiche`. */
export function fichesOfViewerWhere(viewer: Viewer): SQL {
  const conditions = [eq(fiche.createdBy, viewer.id)];
  if (viewer.acteurIds.length) {
    conditions.push(
      sql`exists (select 1 from ${ficheActeur} where ${ficheActeur.ficheId} = ${fiche.id} and ${ficheActeur.role} = 'porteur'
        and ${inArray(ficheActeur.acteurId, viewer.acteurIds)})`,
    );
  }
  return or(...conditions)!;
}

/**
 * The fiches canReadFiche lets this viewer read, as a condition on `fiche`: its rule in SQL, so
 * that a list never re-states it. fiche-access.test.ts checks the two agree.
 */
export function readableFichesWhere(viewer: Viewer | null): SQL {
  if (isModerator(viewer)) return sql`1`;
  const published = ne(fiche.statut, "brouillon");
  return and(eq(fiche.masquee, false), viewer ? or(published, fichesOfViewerWhere(viewer)) : published)!;
}
