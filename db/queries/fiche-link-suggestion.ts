import { and, desc, eq, inArray, isNull, or } from "drizzle-orm";
import type { Db } from "../client";
import { fiche, ficheActeur } from "../schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { WikiLinkView } from "@/lib/editor/wiki-links";
import { displayTitre } from "@/lib/fiche/labels";
import { isModerator, type Viewer } from "@/lib/policies/viewer";
import { canReadFiche } from "@/lib/policies/fiche";
import { searchFold } from "./acteur";
import { fichesOfViewerWhere } from "./fiche-access";

/** A fiche the editor offers to link to, after "[[" or from "Lier une fiche". */
export type FicheLinkSuggestion = { id: number; slug: string; titre: string; type: FicheType; statut: FicheStatut };

/** What the editor shows for a linked fiche: its current title as the viewer may see it (href null: none). */
export type FicheLinkLabel = WikiLinkView & { id: number };

/**
 * Published fiches, and the viewer's own drafts (theirs and their acteurs'), whose title holds every
 * word of the query, accents and case ignored, titles starting with it first; at most `limit`.
 * Hidden, archived and merged fiches are not offered.
 */
export function searchFicheLinkSuggestions(db: Db, query: string, viewer: Viewer | null, limit = 10): FicheLinkSuggestion[] {
  const folded = searchFold(query);
  const words = folded.split(" ").filter(Boolean).slice(0, 8);
  if (words.length === 0) return [];
  const statuts = viewer ? or(eq(fiche.statut, "publiee"), and(eq(fiche.statut, "brouillon"), fichesOfViewerWhere(viewer))) : eq(fiche.statut, "publiee");
  // SQLite's LIKE does not fold accents; titles are few enough to scan.
  const rows = db
    .select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, type: fiche.type, statut: fiche.statut })
    .from(fiche)
    .where(and(statuts, eq(fiche.masquee, false), isNull(fiche.redirectToId)))
    .orderBy(desc(fiche.contentUpdatedAt), desc(fiche.id))
    .all();
  const starts: FicheLinkSuggestion[] = [];
  const contains: FicheLinkSuggestion[] = [];
  for (const row of rows) {
    const titre = searchFold(row.titre);
    if (!words.every((w) => titre.includes(w))) continue;
    (titre.startsWith(folded) ? starts : contains).push(row);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/**
 * The current titles of linked fiches, for the editor: what the viewer may read is named (with its
 * statut when it is not published), a merged fiche by the fiche that replaced it; anything else
 * says why it names nothing. Unknown ids say "fiche supprimée".
 */
export function getFicheLinkLabels(db: Db, ids: number[], viewer: Viewer | null): FicheLinkLabel[] {
  if (ids.length === 0) return [];
  const load = (wanted: number[]) =>
    db
      .select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, statut: fiche.statut, masquee: fiche.masquee, createdBy: fiche.createdBy, redirectToId: fiche.redirectToId })
      .from(fiche)
      .where(inArray(fiche.id, wanted))
      .all();
  const rows = new Map(load(ids).map((r) => [r.id, r]));
  const redirects = [...new Set([...rows.values()].map((r) => r.redirectToId).filter((id): id is number => id !== null && !rows.has(id)))];
  if (redirects.length) for (const r of load(redirects)) rows.set(r.id, r);
  const porteurs = db
    .select({ ficheId: ficheActeur.ficheId, acteurId: ficheActeur.acteurId })
    .from(ficheActeur)
    .where(and(inArray(ficheActeur.ficheId, [...rows.keys()]), eq(ficheActeur.role, "porteur")))
    .all();
  return ids.map((id) => {
    const linked = rows.get(id);
    const row = linked?.redirectToId != null ? rows.get(linked.redirectToId) : linked;
    if (!row) return { id, label: "fiche supprimée", href: null, note: null };
    const porteurIds = porteurs.filter((p) => p.ficheId === row.id).map((p) => p.acteurId);
    if (!canReadFiche(viewer, { statut: row.statut, verrouillee: false, createdBy: row.createdBy, masquee: row.masquee, porteurIds })) {
      return { id, label: row.masquee ? "fiche masquée" : "fiche non publiée", href: null, note: null };
    }
    const notes = [row.statut === "brouillon" ? "brouillon" : row.statut === "archivee" ? "fiche archivée" : null, row.masquee && isModerator(viewer) ? "masquée" : null];
    return { id, label: displayTitre(row.titre), href: `/fiches/${row.slug}`, note: notes.filter(Boolean).join(", ") || null };
  });
}
