import { asc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { searchState, searchSynonym, type SearchSynonym } from "@/db/schema";
import { isAdmin } from "@/lib/policies/viewer";
import type { CreateSynonymInput, DeleteSynonymInput, UpdateSynonymInput } from "@/lib/schemas/synonym";
import { ELISIONS, isStopWord, tokenize, type ParsedQuery, type QueryTerm } from "@/lib/search/french";
import { stemFrench } from "@/lib/search/stemmer";
import { authorize, type Actor } from "../authorize";
import { DomainError } from "../errors";
import { statement } from "./tables";

/**
 * Synonym groups of the search, edited by admins and expanded at query time: a query word (or run
 * of words) that is one expression of a group also matches the others, multi-word ones as phrases.
 * Nothing of them is in the index, so an edit applies to the next search without reindexing.
 */

/** The groups a new wiki starts with: the words of its field that people search with. */
export const SHIPPED_SYNONYMS: string[][] = [
  ["e-administration", "démarches en ligne", "administration en ligne"],
  ["seniors", "personnes âgées"],
  ["EPN", "espace public numérique"],
  ["CAF", "caisse d'allocations familiales"],
  ["CPAM", "assurance maladie"],
  ["CCAS", "centre communal d'action sociale"],
  ["médiateur numérique", "conseiller numérique"],
  ["fracture numérique", "exclusion numérique", "illectronisme"],
  ["France Services", "MSAP", "maison de services au public"],
  ["Pôle emploi", "France Travail"],
  ["smartphone", "téléphone portable", "mobile"],
  ["ordinateur", "PC"],
  ["courriel", "e-mail", "mail", "adresse électronique"],
  ["tiers-lieu", "fablab"],
];

const SEEDED_KEY = "synonyms.seeded";

/**
 * Gives a new wiki the shipped groups, once: the mark stays after, so that groups an admin deleted
 * do not come back at the next start.
 */
export function seedSearchSynonyms(db: Db): number {
  return db.$client.transaction(() => {
    if (db.select().from(searchState).where(eq(searchState.key, SEEDED_KEY)).get()) return 0;
    for (const expressions of SHIPPED_SYNONYMS) db.insert(searchSynonym).values({ expressions }).run();
    db.insert(searchState).values({ key: SEEDED_KEY, value: "1" }).run();
    return SHIPPED_SYNONYMS.length;
  })();
}

/** Every synonym group, oldest first. */
export function listSearchSynonyms(db: Db): SearchSynonym[] {
  return db.select().from(searchSynonym).orderBy(asc(searchSynonym.id)).all();
}

function authorizeEdit(actor: Actor): void {
  authorize(actor, isAdmin, "Seuls les administrateurs modifient les synonymes de la recherche.", "Only admins edit search synonyms.");
}

/** Adds a synonym group (admins only). */
export function createSearchSynonym(db: Db, actor: Actor, input: CreateSynonymInput): SearchSynonym {
  authorizeEdit(actor);
  return db.insert(searchSynonym).values({ expressions: input.expressions }).returning().get();
}

/** Replaces a group's expressions (admins only). */
export function updateSearchSynonym(db: Db, actor: Actor, input: UpdateSynonymInput): SearchSynonym {
  authorizeEdit(actor);
  const row = db
    .update(searchSynonym)
    .set({ expressions: input.expressions, updatedAt: new Date() })
    .where(eq(searchSynonym.id, input.synonymId))
    .returning()
    .get();
  if (!row) throw new DomainError("not_found", "Ce groupe de synonymes n'existe plus.", undefined, "No such synonym group.");
  return row;
}

/** Deletes a group (admins only). */
export function deleteSearchSynonym(db: Db, actor: Actor, input: DeleteSynonymInput): void {
  authorizeEdit(actor);
  const result = db.delete(searchSynonym).where(eq(searchSynonym.id, input.synonymId)).run();
  if (result.changes === 0) throw new DomainError("not_found", "Ce groupe de synonymes n'existe plus.", undefined, "No such synonym group.");
}

type Expression = { stems: string[]; key: string };

function isContent(word: string): boolean {
  return !isStopWord(word) && !ELISIONS.has(word);
}

function expressionOf(text: string): Expression {
  const words = tokenize(text)
    .map((t) => t.word)
    .filter(Boolean);
  return { stems: words.map(stemFrench), key: words.filter(isContent).map(stemFrench).join(" ") };
}

// Stemmed groups per connection, kept while the table holds the same text: stemming them at every
// search cost more than the search. The table is small, so its whole text is the fingerprint,
// which follows writes from any process.
const cache = new WeakMap<object, { fingerprint: string; groups: Map<string, Expression[]> }>();

function synonymGroups(db: Db): Map<string, Expression[]> {
  const fingerprint = (statement(db, "SELECT group_concat(id || ':' || expressions, char(10)) FROM search_synonym").pluck().get() as string | null) ?? "";
  const cached = cache.get(db.$client);
  if (cached?.fingerprint === fingerprint) return cached.groups;
  const groups = new Map<string, Expression[]>();
  for (const row of listSearchSynonyms(db)) {
    const members = row.expressions.map(expressionOf).filter((e) => e.key !== "");
    for (const member of members) groups.set(member.key, [...(groups.get(member.key) ?? []), ...members.filter((m) => m !== member)]);
  }
  cache.set(db.$client, { fingerprint, groups });
  return groups;
}

// A run of query terms longer than this is never looked up: no expression has more content words.
const MAX_RUN = 4;

function runKey(terms: QueryTerm[]): string {
  return terms.flatMap((term) => term.stems.filter((_, i) => isContent(term.words[i]))).join(" ");
}

/**
 * The query with each run of terms that is an expression of a group matching the group's other
 * expressions too. A single term keeps its own match (and prefix); a run of several becomes the
 * phrase of the expression it spells, since that is what it was typed as.
 */
export function expandSynonyms(db: Db, query: ParsedQuery): ParsedQuery {
  if (query.terms.length === 0) return query;
  const groups = synonymGroups(db);
  if (groups.size === 0) return query;
  const terms: QueryTerm[] = [];
  for (let i = 0; i < query.terms.length; ) {
    let matched = false;
    for (let n = Math.min(MAX_RUN, query.terms.length - i); n >= 1 && !matched; n--) {
      const run = query.terms.slice(i, i + n);
      const others = groups.get(runKey(run));
      if (!others) continue;
      const synonyms = others.map((e) => e.stems);
      if (n === 1) {
        terms.push({ ...run[0], synonyms });
      } else {
        const own = expressionOf(run.flatMap((t) => t.words).join(" "));
        const spelled = [...groups.values()].flat().find((e) => e.key === own.key) ?? own;
        terms.push({ words: run.flatMap((t) => t.words), stems: spelled.stems, prefix: false, synonyms });
      }
      i += n;
      matched = true;
    }
    if (!matched) terms.push(query.terms[i++]);
  }
  return { ...query, terms };
}
