import { asc, inArray } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, lieu } from "../schema";
import { foldText } from "@/lib/slug";

/** An acteur as the fiche editor's picker offers it. */
export type ActeurSuggestion = { id: number; slug: string; nom: string; typologie: string };

/** An acteur linked to a fiche, with the lieux the fiche may name. */
export type LinkedActeur = ActeurSuggestion & { lieux: { id: number; nom: string; commune: string }[] };

/**
 * Acteurs whose name contains the query, ignoring case and accents ("medi" finds "Médiathèque"),
 * names starting with it first; at most `limit`.
 */
export function searchActeurSuggestions(db: Db, query: string, limit = 10): ActeurSuggestion[] {
  const folded = foldText(query.trim());
  if (folded === "") return [];
  // Folding accents is not something SQLite's LIKE does; the directory stays small enough to scan.
  const rows = db
    .select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom, typologie: acteur.typologie })
    .from(acteur)
    .orderBy(asc(acteur.nom))
    .all();
  const starts: ActeurSuggestion[] = [];
  const contains: ActeurSuggestion[] = [];
  for (const row of rows) {
    const name = foldText(row.nom);
    if (name.startsWith(folded)) starts.push(row);
    else if (name.includes(folded)) contains.push(row);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** The acteurs with these ids, with their lieux; unknown ids are left out. */
export function getLinkedActeurs(db: Db, ids: number[]): LinkedActeur[] {
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom, typologie: acteur.typologie })
    .from(acteur)
    .where(inArray(acteur.id, ids))
    .orderBy(asc(acteur.nom))
    .all();
  const lieux = rows.length
    ? db
        .select({ id: lieu.id, nom: lieu.nom, commune: lieu.commune, acteurId: lieu.acteurId })
        .from(lieu)
        .where(inArray(lieu.acteurId, rows.map((r) => r.id)))
        .orderBy(asc(lieu.nom))
        .all()
    : [];
  return rows.map((r) => ({ ...r, lieux: lieux.filter((l) => l.acteurId === r.id).map(({ id, nom, commune }) => ({ id, nom, commune })) }));
}

