import type { Db } from "@/db/client";
import { listAllTerms, listTermsByTaxonomy } from "@/db/queries/taxonomy";
import type { TaxonomyTerm } from "@/db/schema";
import { TAXONOMIES, type Taxonomy } from "@/lib/taxonomy/values";
import { notFound } from "./http";

/** What each shared list classifies, in English for the API's readers. */
export const TAXONOMY_DESCRIPTIONS: Record<Taxonomy, string> = {
  theme: "Themes of fiches and acteurs (fiches: themes; acteurs: themes).",
  public: "Target publics of fiches (fiches: publics).",
  enjeu: "Stakes a fiche addresses (fiches: enjeux).",
  objectif: "Aim of a fiche pratique (fiches: objectif).",
};

const termResource = (t: TaxonomyTerm) => ({ id: t.id, slug: t.slug, label: t.label, description: t.description, position: t.position });

/** Every taxonomy with its terms in display order. */
export function listTaxonomiesForApi(db: Db) {
  const terms = listAllTerms(db);
  return TAXONOMIES.map((name) => ({
    name,
    description: TAXONOMY_DESCRIPTIONS[name],
    terms: terms.filter((t) => t.taxonomy === name).sort((a, b) => a.position - b.position || a.label.localeCompare(b.label, "fr")).map(termResource),
  }));
}

/** One taxonomy with its terms, or 404 for a name that is none of theme, public, enjeu, objectif. */
export function getTaxonomyForApi(db: Db, name: string) {
  if (!(TAXONOMIES as readonly string[]).includes(name)) throw notFound(`Taxonomy "${name}" (one of ${TAXONOMIES.join(", ")})`);
  const taxonomy = name as Taxonomy;
  return { name: taxonomy, description: TAXONOMY_DESCRIPTIONS[taxonomy], terms: listTermsByTaxonomy(db, taxonomy).map(termResource) };
}
