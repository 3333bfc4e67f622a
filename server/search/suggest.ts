import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur, fiche, type SearchKind } from "@/db/schema";
import { ACTEUR_CATEGORIE_LABELS } from "@/lib/acteur/labels";
import { FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { tokenize, toMatchExpression } from "@/lib/search/french";
import { parseStemmedQuery } from "@/lib/search/stemmer";
import { SUGGESTION_MAX, SUGGESTION_MIN_LENGTH, type Suggestion } from "@/lib/search/suggestion";
import { SEARCH_TABLES, statement } from "./tables";
import { expandSynonyms } from "./synonyms";
import { completePrefixes } from "./vocabulary";
import { isFicheSearchable } from "./visibility";

export type { Suggestion };

// Titles are matched by the most recent first: as the prefix grows, the set shrinks to what is meant.
const CANDIDATES = 60;

function folded(text: string): string {
  return tokenize(text)
    .map((t) => t.word)
    .filter(Boolean)
    .join(" ");
}

function titleMatches(db: Db, kind: SearchKind, expression: string): number[] {
  const t = SEARCH_TABLES[kind];
  return statement(db, `SELECT rowid FROM ${t.fts} WHERE ${t.fts} MATCH ? ORDER BY rowid DESC LIMIT ${CANDIDATES}`)
    .pluck()
    .all(`{${t.columns[0]}} : (${expression})`) as number[];
}

/**
 * Titles of published fiches and names of acteurs whose words start with what is being typed
 * (same folding, stemming, prefix and synonym rules as the search), at most eight: those that begin with
 * it first, then the shortest.
 */
export function suggestSearch(db: Db, prefix: string): Suggestion[] {
  if (folded(prefix).length < SUGGESTION_MIN_LENGTH) return [];
  const query = parseStemmedQuery(prefix, { minPrefixLength: SUGGESTION_MIN_LENGTH });
  // The same synonyms as the search: typing "e-administration" proposes the démarches en ligne.
  const expression = toMatchExpression(expandSynonyms(db, completePrefixes(db, query)));
  if (!expression) return [];
  const ficheIds = titleMatches(db, "fiche", expression);
  const acteurIds = titleMatches(db, "acteur", expression);
  const suggestions: Suggestion[] = [];
  if (ficheIds.length) {
    const rows = db
      .select({ slug: fiche.slug, titre: fiche.titre, type: fiche.type, statut: fiche.statut, masquee: fiche.masquee, redirectToId: fiche.redirectToId })
      .from(fiche)
      .where(inArray(fiche.id, ficheIds))
      .all();
    for (const row of rows) {
      if (isFicheSearchable(row) && row.titre.trim()) {
        suggestions.push({ kind: "fiche", label: row.titre, href: `/fiches/${row.slug}`, typeLabel: FICHE_TYPE_LABELS[row.type].singular });
      }
    }
  }
  if (acteurIds.length) {
    for (const row of db.select({ slug: acteur.slug, nom: acteur.nom, categorie: acteur.categorie }).from(acteur).where(inArray(acteur.id, acteurIds)).all()) {
      suggestions.push({ kind: "acteur", label: row.nom, href: `/acteurs/${row.slug}`, typeLabel: ACTEUR_CATEGORIE_LABELS[row.categorie] });
    }
  }
  const typed = folded(prefix);
  const rank = (s: Suggestion) => (folded(s.label).startsWith(typed) ? 0 : 1);
  return suggestions
    .sort((a, b) => rank(a) - rank(b) || a.label.length - b.label.length || a.label.localeCompare(b.label, "fr"))
    .slice(0, SUGGESTION_MAX);
}
