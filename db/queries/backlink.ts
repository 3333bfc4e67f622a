import { and, asc, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { fiche, ficheLink } from "../schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { Viewer } from "@/lib/policies/viewer";
import { readableFichesWhere } from "./fiche-access";

/** A fiche whose body cites the fiche or acteur being shown ("Cité dans…"). */
export type Backlink = { id: number; slug: string; titre: string; type: FicheType; statut: FicheStatut };

function citingFiches(db: Db, cites: SQL, viewer: Viewer | null): Backlink[] {
  // Driven by fiche_link's target indexes: a page shows its backlinks without scanning every fiche.
  return db
    .selectDistinct({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, type: fiche.type, statut: fiche.statut })
    .from(ficheLink)
    .innerJoin(fiche, eq(fiche.id, ficheLink.ficheId))
    // A hidden fiche cites nothing in public, not even for moderators, nor does a merged one, whose page is the other's.
    .where(and(cites, readableFichesWhere(viewer), eq(fiche.masquee, false), isNull(fiche.redirectToId)))
    .orderBy(asc(fiche.titre), asc(fiche.id))
    .all();
}

/**
 * The fiches citing this fiche (or a fiche merged into it, whose links now lead here) that the
 * viewer may read, hidden and merged ones left out; by title.
 */
export function listFichesCitingFiche(db: Db, ficheId: number, viewer: Viewer | null): Backlink[] {
  // Two indexed lookups rather than an OR over a subquery, which would scan every link.
  const merged = db.select({ id: fiche.id }).from(fiche).where(eq(fiche.redirectToId, ficheId)).all();
  const cites = inArray(ficheLink.targetFicheId, [ficheId, ...merged.map((m) => m.id)]);
  // A fiche linking to itself is not "cited elsewhere".
  return citingFiches(db, and(cites, ne(ficheLink.ficheId, ficheId))!, viewer);
}

/** The fiches mentioning this acteur in their body that the viewer may read, hidden and merged ones left out; by title. */
export function listFichesCitingActeur(db: Db, acteurId: number, viewer: Viewer | null): Backlink[] {
  return citingFiches(db, eq(ficheLink.targetActeurId, acteurId), viewer);
}
