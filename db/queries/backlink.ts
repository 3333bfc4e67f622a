import { and, asc, eq, inArray, isNull, ne, type SQL } from "drizzle-orm";
import type { Db } from "../client";
import { fiche, ficheActeur, ficheLink } from "../schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { Viewer } from "@/lib/policies/viewer";
import { canReadFiche } from "@/lib/policies/fiche";

/** A fiche whose body cites the fiche or acteur being shown ("Cité dans…"). */
export type Backlink = { id: number; slug: string; titre: string; type: FicheType; statut: FicheStatut };

function citingFiches(db: Db, cites: SQL, viewer: Viewer | null): Backlink[] {
  // Driven by fiche_link's target indexes: a page shows its backlinks without scanning every fiche.
  const rows = db
    .selectDistinct({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, type: fiche.type, statut: fiche.statut, createdBy: fiche.createdBy })
    .from(ficheLink)
    .innerJoin(fiche, eq(fiche.id, ficheLink.ficheId))
    // A hidden fiche cites nothing in public, nor does a merged one, whose page is the other's.
    .where(and(cites, eq(fiche.masquee, false), isNull(fiche.redirectToId)))
    .orderBy(asc(fiche.titre), asc(fiche.id))
    .all();
  const draftIds = rows.filter((r) => r.statut === "brouillon").map((r) => r.id);
  const porteurs = draftIds.length
    ? db
        .select({ ficheId: ficheActeur.ficheId, acteurId: ficheActeur.acteurId })
        .from(ficheActeur)
        .where(and(inArray(ficheActeur.ficheId, draftIds), eq(ficheActeur.role, "porteur")))
        .all()
    : [];
  return rows
    .filter((r) =>
      canReadFiche(viewer, {
        statut: r.statut,
        verrouillee: false,
        createdBy: r.createdBy,
        masquee: false,
        porteurIds: porteurs.filter((p) => p.ficheId === r.id).map((p) => p.acteurId),
      }),
    )
    .map(({ createdBy: _createdBy, ...r }) => r);
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
