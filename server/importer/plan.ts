import { createHash } from "node:crypto";
import { inArray, isNotNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur, fiche, taxonomyTerm } from "@/db/schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import { acteurSchema, type ActeurInput } from "@/lib/schemas/acteur";
import { foldText, slugify } from "@/lib/slug";
import { getFicheDocuments } from "../collab/write";
import { normaliseActeurName } from "./acteur-names";
import { buildImportedBody, type SuiteLink } from "./body";
import { collectActeurs } from "./directory";
import { issue, sortIssues } from "./issues";
import { IMPORT_FIELDS, type ImportField } from "@/lib/import/preview";
import type { ImportedValues } from "./merge";
import type { ImportDocument } from "./read-file";
import type { ActeurDirectoryEntry, ImportedFiche, ImportIssue, ImportResult } from "./types";

/** An acteur of the document: created in the directory, reused from it, or skipped (its name cannot be stored). */
export type PlannedActeur = ActeurDirectoryEntry & {
  action: "create" | "reuse" | "skip";
  existing: { id: number; nom: string; slug: string } | null;
  input: ActeurInput | null;
};

/** A fiche of the document: created, updated (matched by the key of a previous import) or unchanged. */
export type PlannedFiche = {
  fiche: ImportedFiche;
  importKey: string;
  action: "create" | "update" | "unchanged";
  existing: { id: number; slug: string; titre: string; statut: FicheStatut } | null;
  /** The fields the import writes (all of them for a new fiche). */
  changes: ImportField[];
  /** Fields people edited since the last import: their version stays. */
  kept: ImportField[];
  /** What the document gives the fiche; acteurs still to be created stand as negative ids until applyImport. */
  values: ImportedValues;
};

/** A taxonomy term an imported fiche is linked to, for the preview. */
export type PlannedTerm = { id: number; label: string };

/** Everything an import will do, computed without writing; `digest` tells whether it changed since a preview. */
export type ImportPlan = {
  document: ImportDocument;
  fiches: PlannedFiche[];
  acteurs: PlannedActeur[];
  report: ImportIssue[];
  terms: Map<number, PlannedTerm>;
  digest: string;
};

/** The key under which an imported fiche is found again: its document and its key in it. */
export function importKeyOf(document: ImportDocument, fiche: ImportedFiche): string {
  return `${document.id}#${fiche.key}`;
}

/** The source citation of an imported fiche: its own "Source :" line, else the document and its section. */
export function sourceCitation(fiche: ImportedFiche): string {
  return fiche.citation || `${fiche.source.document}, ${fiche.source.section}`;
}

type ExistingActeur = { id: number; nom: string; slug: string };

/** Directory acteurs by normalised name, oldest first: the key the importer deduplicates on. */
export function indexActeurs(db: Db): Map<string, ExistingActeur[]> {
  const index = new Map<string, ExistingActeur[]>();
  for (const row of db.select({ id: acteur.id, nom: acteur.nom, slug: acteur.slug }).from(acteur).orderBy(acteur.id).all()) {
    const key = normaliseActeurName(row.nom);
    index.set(key, [...(index.get(key) ?? []), row]);
  }
  return index;
}

type TermIndex = { ids: Map<string, number>; terms: Map<number, PlannedTerm>; objectifs: { id: number; slug: string; label: string }[] };

/** The taxonomy terms of the seed the parser suggests, by "taxonomy:slug", and the objectifs a Markdown fiche may name. */
export function indexTerms(db: Db): TermIndex {
  const rows = db
    .select({ id: taxonomyTerm.id, taxonomy: taxonomyTerm.taxonomy, slug: taxonomyTerm.slug, label: taxonomyTerm.label })
    .from(taxonomyTerm)
    .where(inArray(taxonomyTerm.taxonomy, ["theme", "public", "enjeu", "objectif"]))
    .orderBy(taxonomyTerm.position, taxonomyTerm.id)
    .all();
  return {
    ids: new Map(rows.map((row) => [`${row.taxonomy}:${row.slug}`, row.id])),
    terms: new Map(rows.map((row) => [row.id, { id: row.id, label: row.label }])),
    objectifs: rows.filter((row) => row.taxonomy === "objectif"),
  };
}

// "Mettre en œuvre… : renforcer la visibilité" and "mettre en oeuvre ... renforcer la visibilite" are the same label.
const termWords = (text: string) => foldText(text.replace(/œ/gi, "oe").replace(/æ/gi, "ae")).replace(/[^a-z0-9]+/g, " ").trim();

/** The objectif term a Markdown fiche names by its label or its slug, or null. */
export function findObjectif(terms: TermIndex, written: string): { id: number; label: string } | null {
  const wanted = termWords(written);
  return terms.objectifs.find((term) => termWords(term.label) === wanted || termWords(term.slug) === wanted) ?? null;
}

type FicheRow = { id: number; slug: string; titre: string; type: FicheType; redirectToId: number | null };

/** Where "Dans la suite de" titles are looked up: every fiche by the slug of its current title and of the title it was imported with. */
type SuiteIndex = { byTitle: Map<string, FicheRow[]>; byImportedTitle: Map<string, FicheRow[]> };

function indexSuite(rows: FicheRow[], imported: Map<string, { id: number }[]>): SuiteIndex {
  const live = rows.filter((row) => row.redirectToId === null);
  const byId = new Map(live.map((row) => [row.id, row]));
  const byTitle = new Map<string, FicheRow[]>();
  for (const row of live) byTitle.set(slugify(row.titre), [...(byTitle.get(slugify(row.titre)) ?? []), row]);
  // A fiche people renamed is still found under the title its document gave it ("…#pratique:garage-informatique").
  const byImportedTitle = new Map<string, FicheRow[]>();
  for (const [key, matches] of imported) {
    const titleSlug = key.slice(key.lastIndexOf(":") + 1);
    for (const { id } of matches) {
      const row = byId.get(id);
      if (row) byImportedTitle.set(titleSlug, [...(byImportedTitle.get(titleSlug) ?? []), row]);
    }
  }
  return { byTitle, byImportedTitle };
}

/** The fiches a fiche's "Dans la suite de" titles name, as links; a title found nowhere, or twice, is reported. */
function resolveSuite(f: ImportedFiche, index: SuiteIndex, report: ImportIssue[]): SuiteLink[] {
  return (f.suite ?? []).map(({ titre, line }): SuiteLink => {
    const key = slugify(titre);
    const matches = index.byTitle.get(key) ?? index.byImportedTitle.get(key) ?? [];
    const at = { ficheKey: f.key, line };
    if (matches.length === 0) {
      report.push(
        issue("warning", "suite_unresolved", at, {
          fr: `« Dans la suite de » : aucune fiche « ${titre} » sur le wiki. Le titre reste écrit sur la fiche, sans lien ; corrigez-le (titre exact d'une fiche existante) et importez à nouveau.`,
          en: `"Dans la suite de": no fiche titled "${titre}" on the wiki. The title stays written on the fiche, unlinked; correct it (the exact title of an existing fiche) and import again.`,
        }),
      );
      return { titre, ficheId: null };
    }
    const [target] = matches;
    if (matches.length > 1) {
      report.push(
        issue("warning", "suite_ambiguous", at, {
          fr: `« Dans la suite de » : ${matches.length} fiches s'appellent « ${titre} » (${matches.map((m) => `/fiches/${m.slug}`).join(", ")}) : le lien mène à la plus ancienne.`,
          en: `"Dans la suite de": ${matches.length} fiches are titled "${titre}" (${matches.map((m) => `/fiches/${m.slug}`).join(", ")}): the link leads to the oldest.`,
        }),
      );
    }
    return { titre: target.titre, ficheId: target.id };
  });
}

/** Imported fiches already in the database, by import key, oldest first. */
export function findImportedFiches(db: Db): Map<string, { id: number; slug: string; titre: string; statut: FicheStatut }[]> {
  const rows = db
    .select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, statut: fiche.statut, key: sql<string>`json_extract(${fiche.fields}, '$.importKey')` })
    .from(fiche)
    .where(isNotNull(sql`json_extract(${fiche.fields}, '$.importKey')`))
    .orderBy(fiche.id)
    .all();
  const found = new Map<string, { id: number; slug: string; titre: string; statut: FicheStatut }[]>();
  for (const { key, ...row } of rows) found.set(key, [...(found.get(key) ?? []), row]);
  return found;
}

/** The description an imported acteur starts with: its acronym, its parent organisation and where it was read. */
function acteurDescription(entry: ActeurDirectoryEntry, document: ImportDocument): string {
  return [
    entry.sigle && entry.sigle !== entry.nom ? `Sigle : ${entry.sigle}.` : null,
    entry.organisation && entry.organisation !== entry.nom ? `Service de : ${entry.organisation}.` : null,
    `Cité dans : ${document.title}.`,
  ]
    .filter(Boolean)
    .join("\n");
}

/**
 * A fiche's acteurs with their role (the first one met when a fiche names an acteur twice);
 * `acteurId` gives an acteur's id, or null when it is not in the directory (generic, skipped).
 */
export function acteurLinksOf(f: ImportedFiche, acteurId: (key: string) => number | null): ImportedValues["acteurs"] {
  const acteurs = new Map<number, ImportedValues["acteurs"][number]>();
  for (const parsed of f.acteurs) {
    const id = parsed.generic ? null : acteurId(parsed.key);
    if (id !== null && !acteurs.has(id)) acteurs.set(id, { acteurId: id, role: parsed.role });
  }
  return [...acteurs.values()].sort((a, b) => a.acteurId - b.acteurId);
}

/** The objectif a fiche names, as a term id; a name that is no objectif is reported. */
function objectifOf(f: ImportedFiche, terms: TermIndex, report: ImportIssue[]): number | null {
  if (!f.objectif) return null;
  const { value, line } = f.objectif;
  const found = findObjectif(terms, value);
  if (!found) {
    const known = terms.objectifs.map((term) => `« ${term.label} »`).join(", ");
    report.push(
      issue("warning", "objectif_unknown", { ficheKey: f.key, line }, {
        fr: `Ligne ${line} : objectif « ${value} » inconnu, la fiche est importée sans objectif. Écrivez le libellé ou l'identifiant d'un de ces objectifs : ${known}.`,
        en: `Line ${line}: unknown objectif "${value}", the fiche is imported without one. Write the label or slug of one of: ${terms.objectifs.map((term) => term.slug).join(", ")}.`,
      }),
    );
  }
  return found?.id ?? null;
}

/** The values an import writes into a fiche: titre, source citation, first link, objectif, ébauche, publics, suggested themes, enjeux, acteurs and body. */
function valuesOf(f: ImportedFiche, terms: TermIndex, acteurId: (key: string) => number | null, suite: SuiteLink[], report: ImportIssue[]): ImportedValues {
  const termIds = (taxonomy: string, slugs: string[]) =>
    [...new Set(slugs.map((slug) => terms.ids.get(`${taxonomy}:${slug}`)).filter((id): id is number => id !== undefined))].sort((a, b) => a - b);
  return {
    type: f.type,
    titre: f.titre,
    source: sourceCitation(f),
    lienWeb: f.liens[0]?.url ?? "",
    commune: f.commune ?? "",
    objectif: objectifOf(f, terms, report),
    ebauche: f.ebauche ?? false,
    publics: termIds("public", f.publics.map((term) => term.slug)),
    themesSuggeres: termIds("theme", f.themes.map((term) => term.slug)),
    enjeux: termIds("enjeu", f.enjeux),
    acteurs: acteurLinksOf(f, acteurId),
    body: buildImportedBody(f, { suite }),
  };
}

function planActeurs(db: Db, document: ImportDocument, result: ImportResult, report: ImportIssue[]): PlannedActeur[] {
  const index = indexActeurs(db);
  const lineOf = new Map(result.fiches.map((f) => [f.key, f.source.line]));
  return collectActeurs(result.fiches).map((entry): PlannedActeur => {
    const at = { ficheKey: entry.fiches[0], line: lineOf.get(entry.fiches[0]) };
    const matches = index.get(entry.key) ?? [];
    if (matches.length) {
      const [existing] = matches;
      report.push(
        matches.length === 1
          ? issue("info", "acteur_existing", at, {
              fr: `« ${entry.nom} » est déjà dans l'annuaire (« ${existing.nom} ») : cet acteur est relié aux fiches, il n'est pas recréé.`,
              en: `"${entry.nom}" is already in the directory ("${existing.nom}", /acteurs/${existing.slug}): linked, not created again.`,
            })
          : issue("warning", "acteur_existing", at, {
              fr: `Plusieurs acteurs de l'annuaire répondent au nom « ${entry.nom} » (${matches.map((m) => `« ${m.nom} »`).join(", ")}) : le plus ancien, « ${existing.nom} », est relié aux fiches.`,
              en: `Several directory acteurs match "${entry.nom}" (${matches.map((m) => `"${m.nom}"`).join(", ")}): the oldest, "${existing.nom}", is linked.`,
            }),
      );
      return { ...entry, action: "reuse", existing, input: null };
    }
    const parsed = acteurSchema.safeParse({ nom: entry.nom, categorie: entry.categorie, typologie: entry.typologie, description: acteurDescription(entry, document), themes: [] });
    if (!parsed.success) {
      report.push(
        issue("warning", "acteur_invalid", at, {
          fr: `« ${entry.nom} » ne peut pas entrer dans l'annuaire (${parsed.error.issues[0].message}) : il reste écrit sur ses fiches.`,
          en: `"${entry.nom}" cannot be added to the directory (${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].code}): it stays written on its fiches.`,
        }),
      );
      return { ...entry, action: "skip", existing: null, input: null };
    }
    return { ...entry, action: "create", existing: null, input: parsed.data };
  });
}

const FIELD_LABELS: Record<ImportField, { fr: string; en: string }> = {
  titre: { fr: "le titre", en: "the title" },
  source: { fr: "la source", en: "the source" },
  commune: { fr: "la commune", en: "the commune" },
  objectif: { fr: "l'objectif", en: "the objectif" },
  ebauche: { fr: "la mention « ébauche »", en: "the ébauche flag" },
  lienWeb: { fr: "le lien web", en: "the web link" },
  publics: { fr: "les publics", en: "the publics" },
  themesSuggeres: { fr: "les thèmes suggérés", en: "the suggested themes" },
  enjeux: { fr: "les enjeux", en: "the enjeux" },
  acteurs: { fr: "les acteurs", en: "the acteurs" },
  body: { fr: "le texte de la fiche", en: "the body" },
};

function planFiches(db: Db, document: ImportDocument, result: ImportResult, acteurs: PlannedActeur[], terms: TermIndex, report: ImportIssue[]): PlannedFiche[] {
  const imported = findImportedFiches(db);
  const all = db.select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, type: fiche.type, redirectToId: fiche.redirectToId }).from(fiche).orderBy(fiche.id).all();
  const suiteIndex = result.fiches.some((f) => f.suite?.length) ? indexSuite(all, imported) : null;
  const bySlug = new Map<string, { slug: string; titre: string; type: FicheType }>();
  for (const row of all) for (const key of [row.slug.replace(/-\d+$/, ""), slugify(row.titre)]) if (!bySlug.has(key)) bySlug.set(key, row);
  // Acteurs still to be created have no id yet: a negative stand-in never matches a stored one.
  const ids = new Map(acteurs.map((a, index) => [a.key, a.existing?.id ?? (a.action === "create" ? -(index + 1) : null)]));

  return result.fiches.map((f): PlannedFiche => {
    const importKey = importKeyOf(document, f);
    const suite = suiteIndex ? resolveSuite(f, suiteIndex, report) : [];
    const values = valuesOf(f, terms, (key) => ids.get(key) ?? null, suite, report);
    const at = { ficheKey: f.key, line: f.source.line };
    const matches = imported.get(importKey) ?? [];
    if (matches.length === 0) {
      const similar = bySlug.get(slugify(f.titre));
      if (similar) {
        report.push(
          issue("warning", "similar_fiche", at, {
            fr: `Une fiche « ${similar.titre} » existe déjà sur le wiki (/fiches/${similar.slug}) : celle-ci est créée à côté. Fusionnez-les si c'est la même action.`,
            en: `A fiche "${similar.titre}" already exists (/fiches/${similar.slug}): this one is created beside it. Merge them if they are the same.`,
          }),
        );
      }
      return { fiche: f, importKey, action: "create", existing: null, changes: [...IMPORT_FIELDS], kept: [], values };
    }
    const [existing] = matches;
    if (matches.length > 1) {
      report.push(
        issue("warning", "import_key_duplicate", at, {
          fr: `${matches.length} fiches viennent de « ${f.titreSource} » (${matches.map((m) => `/fiches/${m.slug}`).join(", ")}) : seule la plus ancienne est mise à jour.`,
          en: `${matches.length} fiches come from "${f.titreSource}" (${matches.map((m) => `/fiches/${m.slug}`).join(", ")}): only the oldest is updated.`,
        }),
      );
    }
    const { changes, kept } = getFicheDocuments(db).decideImport(db, existing.id, values);
    if (kept.length) {
      const fr = kept.map((field) => FIELD_LABELS[field].fr).join(", ");
      const en = kept.map((field) => FIELD_LABELS[field].en).join(", ");
      report.push(
        issue("warning", "edit_kept", at, {
          fr: `« ${existing.titre} » a été modifiée sur le wiki depuis le dernier import : ${fr} ${kept.length > 1 ? "restent" : "reste"} comme les contributeurs l'ont écrit, la version du document n'y est pas appliquée.`,
          en: `"${existing.titre}" was edited on the wiki since the last import: ${en} keep the contributors' version; the document's is not applied there.`,
        }),
      );
    }
    return { fiche: f, importKey, action: changes.length ? "update" : "unchanged", existing, changes, kept, values };
  });
}

function digestOf(plan: Omit<ImportPlan, "digest">, text: string): string {
  const summary = {
    document: plan.document.id,
    text: createHash("sha256").update(text).digest("base64url"),
    fiches: plan.fiches.map((f) => [f.importKey, f.action, f.existing?.id ?? null, f.changes, f.kept]),
    acteurs: plan.acteurs.map((a) => [a.key, a.action, a.existing?.id ?? null]),
  };
  return createHash("sha256").update(JSON.stringify(summary)).digest("base64url");
}

/**
 * What importing a read file would do, without writing: the acteurs to create or reuse (matched by
 * normalised name against the whole directory), the fiches to create, update (matched by the key
 * of a previous import of the same document) or leave unchanged, and the report, the parser's
 * entries and the planning's together.
 */
export function planImport(db: Db, file: { document: ImportDocument; text: string; result: ImportResult }): ImportPlan {
  const report: ImportIssue[] = [...file.result.report];
  const terms = indexTerms(db);
  const acteurs = planActeurs(db, file.document, file.result, report);
  const fiches = planFiches(db, file.document, file.result, acteurs, terms, report);
  const plan = { document: file.document, fiches, acteurs, report: sortIssues(report), terms: terms.terms };
  return { ...plan, digest: digestOf(plan, file.text) };
}
