import { asc, count, eq, inArray, max } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteurTheme, ficheTerm, taxonomyTerm, type TaxonomyTerm } from "@/db/schema";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { TAXONOMY_LABELS } from "@/db/taxonomies";
import { canEditTaxonomies } from "@/lib/policies/user";
import type { CreateTermInput, UpdateTermInput } from "@/lib/schemas/taxonomy";
import { firstFreeSlug, slugify } from "@/lib/slug";
import { authorize, type Actor } from "./authorize";
import { DomainError } from "./errors";
import { removeFollowsOfTarget } from "./follow";
import { indexDocumentsOfTerm } from "./search";

// better-sqlite3 runs everything synchronously on one connection, so queries made through db inside
// db.transaction(() => …) belong to that transaction.

export type TermUsage = { acteurs: number; fiches: number };
export type TermWithUsage = TaxonomyTerm & { usage: TermUsage };

function getTerm(db: Db, termId: number): TaxonomyTerm {
  const found = db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, termId)).get();
  if (!found) throw new DomainError("term_not_found", "Ce terme n'existe plus.", undefined, `No taxonomy term with id ${termId}.`);
  return found;
}

// Two labels that give the same slug ("Santé", "sante", "SANTÉ !") would look like one term to readers.
function assertLabelFree(db: Db, taxonomy: Taxonomy, label: string, exceptId?: number): void {
  const key = slugify(label, "");
  if (!key) {
    throw new DomainError("invalid_label", "Le libellé doit contenir au moins une lettre ou un chiffre.", "label", "The label must contain a letter or a digit.");
  }
  const twin = db
    .select({ id: taxonomyTerm.id, label: taxonomyTerm.label })
    .from(taxonomyTerm)
    .where(eq(taxonomyTerm.taxonomy, taxonomy))
    .all()
    .find((t) => t.id !== exceptId && slugify(t.label, "") === key);
  if (twin) {
    const list = TAXONOMY_LABELS[taxonomy].plural.toLowerCase();
    throw new DomainError("label_taken", `Le terme « ${twin.label} » existe déjà dans les ${list}.`, "label", `The term "${twin.label}" already exists in ${taxonomy}.`);
  }
}

// A renamed term keeps its slug, so a new term may want a slug that an older one still holds.
function freeSlug(db: Db, taxonomy: Taxonomy, base: string): string {
  const taken = new Set(
    db.select({ slug: taxonomyTerm.slug }).from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, taxonomy)).all().map((t) => t.slug),
  );
  return firstFreeSlug(base, (slug) => taken.has(slug));
}

function orderedTermIds(db: Db, taxonomy: Taxonomy): number[] {
  return db
    .select({ id: taxonomyTerm.id })
    .from(taxonomyTerm)
    .where(eq(taxonomyTerm.taxonomy, taxonomy))
    .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.label), asc(taxonomyTerm.id))
    .all()
    .map((t) => t.id);
}

// Moving a term renumbers the whole list 0…n-1, so positions never tie and a rank means what it says.
function mayEditTaxonomies(actor: Actor): void {
  authorize(
    actor,
    canEditTaxonomies,
    "Seuls les administrateurs peuvent modifier les thèmes, publics, enjeux et objectifs.",
    "Only administrators may change taxonomies.",
  );
}

function placeTerm(db: Db, taxonomy: Taxonomy, termId: number, rank: number): void {
  const ids = orderedTermIds(db, taxonomy).filter((id) => id !== termId);
  ids.splice(Math.min(rank - 1, ids.length), 0, termId);
  ids.forEach((id, position) => {
    db.update(taxonomyTerm).set({ position }).where(eq(taxonomyTerm.id, id)).run();
  });
}

/** Adds a term to a taxonomy, at the given rank (from 1) or last; its slug comes from the label. */
export function createTerm(db: Db, actor: Actor, input: CreateTermInput): TaxonomyTerm {
  mayEditTaxonomies(actor);
  return db.transaction(() => {
    assertLabelFree(db, input.taxonomy, input.label);
    const last = db.select({ position: max(taxonomyTerm.position) }).from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, input.taxonomy)).get();
    const term = db
      .insert(taxonomyTerm)
      .values({
        taxonomy: input.taxonomy,
        slug: freeSlug(db, input.taxonomy, slugify(input.label, "terme")),
        label: input.label,
        description: input.description,
        position: last?.position == null ? 0 : last.position + 1,
      })
      .returning()
      .get();
    if (input.rank === undefined) return term;
    placeTerm(db, term.taxonomy, term.id, input.rank);
    if (input.label !== term.label) indexDocumentsOfTerm(db, term.id);
    return getTerm(db, term.id);
  });
}

/**
 * Changes a term's label, description and rank (from 1). The slug stays: links such as
 * /acteurs?theme=sante and the seed, which recognises terms by slug, must keep finding it.
 */
export function updateTerm(db: Db, actor: Actor, input: UpdateTermInput): TaxonomyTerm {
  mayEditTaxonomies(actor);
  return db.transaction(() => {
    const term = getTerm(db, input.termId);
    assertLabelFree(db, term.taxonomy, input.label, term.id);
    db.update(taxonomyTerm).set({ label: input.label, description: input.description }).where(eq(taxonomyTerm.id, term.id)).run();
    placeTerm(db, term.taxonomy, term.id, input.rank);
    return getTerm(db, term.id);
  });
}

/** How many acteurs and fiches each of these terms classifies. */
export function countTermUsage(db: Db, termIds: number[]): Map<number, TermUsage> {
  const usage = new Map<number, TermUsage>(termIds.map((id) => [id, { acteurs: 0, fiches: 0 }]));
  if (termIds.length === 0) return usage;
  const acteurs = db
    .select({ termId: acteurTheme.termId, n: count() })
    .from(acteurTheme)
    .where(inArray(acteurTheme.termId, termIds))
    .groupBy(acteurTheme.termId)
    .all();
  const fiches = db
    .select({ termId: ficheTerm.termId, n: count() })
    .from(ficheTerm)
    .where(inArray(ficheTerm.termId, termIds))
    .groupBy(ficheTerm.termId)
    .all();
  for (const row of acteurs) usage.get(row.termId)!.acteurs = row.n;
  for (const row of fiches) usage.get(row.termId)!.fiches = row.n;
  return usage;
}

/** The terms of a taxonomy in display order, each with the number of acteurs and fiches it classifies. */
export function listTermsWithUsage(db: Db, taxonomy: Taxonomy): TermWithUsage[] {
  const terms = db
    .select()
    .from(taxonomyTerm)
    .where(eq(taxonomyTerm.taxonomy, taxonomy))
    .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.label), asc(taxonomyTerm.id))
    .all();
  const usage = countTermUsage(
    db,
    terms.map((t) => t.id),
  );
  return terms.map((t) => ({ ...t, usage: usage.get(t.id)! }));
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** Describes a usage in French, e.g. "2 acteurs et 1 fiche"; "" when unused. */
export function describeTermUsage(usage: TermUsage): string {
  return [usage.acteurs ? plural(usage.acteurs, "acteur", "acteurs") : null, usage.fiches ? plural(usage.fiches, "fiche", "fiches") : null]
    .filter(Boolean)
    .join(" et ");
}

/**
 * Deletes a term that classifies no acteur and no fiche. A used term is refused rather than
 * silently unlinked: removing a theme from contents is an editorial decision, made on each of them.
 */
export function deleteTerm(db: Db, actor: Actor, termId: number): TaxonomyTerm {
  mayEditTaxonomies(actor);
  return db.transaction(() => {
    const term = getTerm(db, termId);
    const usage = countTermUsage(db, [term.id]).get(term.id)!;
    if (usage.acteurs || usage.fiches) {
      throw new DomainError(
        "term_in_use",
        `« ${term.label} » est utilisé par ${describeTermUsage(usage)} : retirez-le d'abord de ces contenus, puis supprimez-le.`,
        undefined,
        `Term "${term.label}" is used by ${usage.acteurs} acteur(s) and ${usage.fiches} fiche(s).`,
      );
    }
    db.delete(taxonomyTerm).where(eq(taxonomyTerm.id, term.id)).run();
    if (term.taxonomy === "theme") removeFollowsOfTarget(db, "theme", term.id);
    return term;
  });
}
