import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listAllTerms } from "@/db/queries/taxonomy";
import { acteur, fiche, type SearchKind } from "@/db/schema";
import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { FICHE_TYPES } from "@/lib/fiche/values";
import { TAXONOMY_LABELS } from "@/db/taxonomies";
import { ACTEUR_CATEGORIE_LABELS } from "@/lib/acteur/labels";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { displayTitre, ETAT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { MARK_CLOSE, MARK_OPEN, markedTextToHtml, markedWords } from "@/lib/search/highlight";
import { SEARCH_FACETS, type SearchFacet, type SearchFilters } from "@/lib/search/params";
import type { FacetCounts, SearchCatalog } from "./catalog";
import { textMatch, type Ranked } from "./ranking";
import { rowid, SEARCH_TABLES, statement } from "./tables";
import { isFicheSearchable } from "./visibility";

export type SearchResult = {
  kind: SearchKind;
  id: number;
  href: string;
  /** The title or name, plain. */
  title: string;
  /** HTML: the title with <mark>s, everything else escaped. */
  titleHtml: string;
  /** HTML: a passage around the matches with <mark>s, everything else escaped. */
  excerptHtml: string;
  /** "Pratique observée", "Acteur public"… */
  typeLabel: string;
  /** The words the marks cover, as written in the texts. */
  matchedWords: string[];
};

const EXCERPT_TOKENS = 28;

function excerpts(db: Db, kind: SearchKind, id: number, match: string) {
  const fts = SEARCH_TABLES[kind].fts;
  const row = statement(
    db,
    `SELECT highlight(${fts}, 0, ?, ?), snippet(${fts}, 1, ?, ?, '…', ${EXCERPT_TOKENS}), snippet(${fts}, 2, ?, ?, '…', ${EXCERPT_TOKENS})
     FROM ${fts} WHERE ${fts} MATCH ? AND rowid = ?`,
  )
    .raw()
    .get(MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, MARK_OPEN, MARK_CLOSE, match, rowid(id)) as [string, string, string] | undefined;
  if (!row) return null;
  const [title, fields, body] = row;
  // The body tells most about a result; the fields (acteurs, themes, commune) when only they match.
  const excerpt = body.includes(MARK_OPEN) || !fields.includes(MARK_OPEN) ? body || fields : fields;
  return { title, excerpt, words: [...markedWords(title), ...markedWords(excerpt)] };
}

/** The displayed rows of a page of ranked documents, with their highlighted title and excerpt. */
export function loadResults(db: Db, ranked: Ranked[], expression: string): SearchResult[] {
  const ficheIds = ranked.filter((r) => r.kind === "fiche").map((r) => r.id);
  const acteurIds = ranked.filter((r) => r.kind === "acteur").map((r) => r.id);
  const fiches = new Map(
    (ficheIds.length
      ? db
          .select({ id: fiche.id, slug: fiche.slug, type: fiche.type, statut: fiche.statut, masquee: fiche.masquee, redirectToId: fiche.redirectToId })
          .from(fiche)
          .where(inArray(fiche.id, ficheIds))
          .all()
      : []
    ).map((f) => [f.id, f]),
  );
  const acteurs = new Map(
    (acteurIds.length ? db.select({ id: acteur.id, slug: acteur.slug, categorie: acteur.categorie }).from(acteur).where(inArray(acteur.id, acteurIds)).all() : []).map(
      (a) => [a.id, a],
    ),
  );
  const results: SearchResult[] = [];
  for (const { kind, id } of ranked) {
    const found = excerpts(db, kind, id, textMatch(kind, expression));
    if (!found) continue;
    const title = found.title.replace(/[\u0002\u0003]/g, "");
    const common = { kind, id, title, titleHtml: markedTextToHtml(found.title), excerptHtml: markedTextToHtml(found.excerpt), matchedWords: found.words };
    if (kind === "fiche") {
      const row = fiches.get(id);
      // The index follows the fiche within its own transaction; this guards against a writer that forgot to call it.
      if (!row || !isFicheSearchable(row)) continue;
      results.push({ ...common, title: displayTitre(title), href: `/fiches/${row.slug}`, typeLabel: FICHE_TYPE_LABELS[row.type].singular });
    } else {
      const row = acteurs.get(id);
      if (!row) continue;
      results.push({ ...common, href: `/acteurs/${row.slug}`, typeLabel: ACTEUR_CATEGORIE_LABELS[row.categorie] });
    }
  }
  return results;
}

export type FacetOption = { value: string; label: string; count: number; selected: boolean };
export type FacetGroup = { facet: SearchFacet; label: string; options: FacetOption[] };

export const FACET_LABELS: Record<SearchFacet, string> = {
  type: "Type",
  theme: TAXONOMY_LABELS.theme.singular,
  public: TAXONOMY_LABELS.public.singular,
  enjeu: TAXONOMY_LABELS.enjeu.singular,
  commune: "Commune",
  categorie: "Catégorie d'acteur",
  etat: "État de l'action",
  reprise: "Reprises",
};

/** Every known value of each facet, with its label, in display order (communes: by name). */
function facetChoices(db: Db, catalog: SearchCatalog): Record<SearchFacet, { value: string; label: string }[]> {
  const terms = listAllTerms(db);
  const termsOf = (taxonomy: string) => terms.filter((t) => t.taxonomy === taxonomy).map((t) => ({ value: t.slug, label: t.label }));
  return {
    type: [...FICHE_TYPES.map((t) => ({ value: t as string, label: FICHE_TYPE_LABELS[t].plural })), { value: "acteur", label: "Acteurs" }],
    theme: termsOf("theme"),
    public: termsOf("public"),
    enjeu: termsOf("enjeu"),
    commune: [...catalog.communes].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label, "fr")),
    categorie: ACTEUR_CATEGORIES.map((c) => ({ value: c as string, label: ACTEUR_CATEGORIE_LABELS[c] })),
    etat: ETATS_ACTION.map((e) => ({ value: e as string, label: ETAT_LABELS[e] })),
    reprise: [{ value: "oui", label: "Pratiques reprises" }],
  };
}

/** The facets as shown: values that have results or are selected; communes most frequent first. */
export function describeFacets(db: Db, catalog: SearchCatalog, counts: FacetCounts, filters: SearchFilters): FacetGroup[] {
  const choices = facetChoices(db, catalog);
  return SEARCH_FACETS.map((facet) => {
    const options = choices[facet]
      .map(({ value, label }) => ({ value, label, count: counts[facet].get(value) ?? 0, selected: filters[facet].includes(value) }))
      .filter((o) => o.count > 0 || o.selected);
    if (facet === "commune") options.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, "fr"));
    return { facet, label: FACET_LABELS[facet], options };
  }).filter((group) => group.options.length > 0);
}
