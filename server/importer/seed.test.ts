import fs from "node:fs";
import path from "node:path";
import { and, count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { acteur, fiche, ficheLink, taxonomyTerm } from "@/db/schema";
import { seedDatabase } from "@/server/importer/seed";
import { getTestDb } from "@/db/testing";
import { listFiches } from "@/db/queries/fiche";
import { searchWiki } from "@/server/search";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";
import { markdownDocumentId, SEED_MARKDOWN_FILES, seedLivreBlanc, seedMarkdownFiles } from "./seed";

const counts = () => {
  const db = getTestDb();
  return { fiches: db.select({ n: count() }).from(fiche).get()!.n, acteurs: db.select({ n: count() }).from(acteur).get()!.n };
};

// The acteurs each file adds depend on how acteur names are read (acteur-names.ts): counted, not pinned.
const SEEDED = [
  { file: "journees-bnr-2019.md", fiches: 5, acteurs: expect.any(Number) },
  { file: "inclusion-numerique-en-bibliotheque-2020.md", fiches: 5, acteurs: expect.any(Number) },
  { file: "accompagnement-demarches-administratives-2021.md", fiches: 25, acteurs: expect.any(Number) },
  { file: "bordeaux-conseillers-numeriques-2022.md", fiches: 9, acteurs: expect.any(Number) },
];
const FICHES = 121 + SEEDED.reduce((n, d) => n + d.fiches, 0);

const objectifOf = (ficheId: number) =>
  getTestDb()
    .select({ slug: taxonomyTerm.slug })
    .from(taxonomyTerm)
    .where(and(eq(taxonomyTerm.taxonomy, "objectif"), sql`${taxonomyTerm.id} in (select term_id from fiche_term where fiche_id = ${ficheId})`))
    .get()?.slug;

describe("the first start", () => {
  it("imports the Livre blanc, then each shipped Markdown file, into an empty wiki once; then costs two queries at every start", () => {
    const db = getTestDb();
    // The unit tests' database holds the taxonomies only: tests build their own fiches.
    expect(counts()).toEqual({ fiches: 0, acteurs: 0 });

    const seeded = seedDatabase(db);
    expect(seeded).toEqual({ terms: 0, livreBlanc: { fiches: 121, acteurs: expect.any(Number) }, documents: SEEDED });
    const acteurs = seeded.livreBlanc!.acteurs + seeded.documents.reduce((n, d) => n + d.acteurs, 0);
    expect(counts()).toEqual({ fiches: FICHES, acteurs });

    const statements: string[] = [];
    const prepare = db.$client.prepare;
    db.$client.prepare = function (this: typeof db.$client, source: string) {
      statements.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    try {
      expect(seedLivreBlanc(db)).toBeNull();
      expect(seedMarkdownFiles(db)).toEqual([]);
    } finally {
      db.$client.prepare = prepare;
    }
    expect(statements).toHaveLength(2);
    expect(statements[0]).toBe('select "id" from "fiche" limit ?');

    expect(seedDatabase(db)).toEqual({ terms: 0, livreBlanc: null, documents: [] });
    expect(counts()).toEqual({ fiches: FICHES, acteurs });
  });

  it("gives the nine fiches pratiques of Mathilde Herrero's study their objectif, their credit and the ébauche flag", () => {
    const pratiques = getTestDb().select().from(fiche).where(eq(fiche.type, "fiche_pratique")).orderBy(fiche.id).all();
    const herrero = pratiques.filter((f) => String(f.fields.source).startsWith("Mathilde Herrero"));
    expect(herrero.map((f) => [f.titre.slice(0, 40), objectifOf(f.id), f.ebauche])).toEqual([
      ["L'accompagnement aux démarches administr", "sensibiliser", true],
      ["Quels outils pour analyser le territoire", "analyser", true],
      ["Connaître les dispositifs dans lesquels ", "analyser", true],
      ["Comment préciser les contours du service", "concevoir-organiser-service", true],
      ["Co-produire un service d'accompagnement ", "concevoir-organiser-service", true],
      ["Mettre en œuvre un service d'accompagnem", "concevoir-organiser-service", true],
      ["Accompagner les équipes dans la mise en ", "accompagner-equipes", true],
      ["La mutualisation du service public d'acc", "mettre-en-oeuvre-evaluer", true],
      ["Evaluer le service d'accompagnement aux ", "mettre-en-oeuvre-evaluer", true],
    ]);
    for (const f of herrero) {
      expect(f.fields.source).toContain("Enssib, mars 2018");
      expect(f.fields.lienWeb).toMatch(/^https:\/\/www\.enssib\.fr\//);
      expect(f.commune).toBeNull();
    }
  });

  it("links a fiche of the 2022 offer to the Livre blanc fiches it continues", () => {
    const db = getTestDb();
    const soluces = db.select().from(fiche).where(eq(fiche.titre, "Soluces, rendez-vous individuels en bibliothèque")).get()!;
    const garage = db.select().from(fiche).where(eq(fiche.titre, "Garage informatique")).get()!;
    expect(db.select({ target: ficheLink.targetFicheId }).from(ficheLink).where(eq(ficheLink.ficheId, soluces.id)).all()).toEqual([{ target: garage.id }]);
    expect(soluces.html).toContain(`<strong>Dans la suite de : </strong>`);
    expect(soluces.html).toContain(`href="/fiches/${garage.slug}"`);
  });

  it("gives every seeded fiche a source, and re-importing a shipped file changes nothing and reports no bad line", () => {
    const db = getTestDb();
    const withoutSource = db.select({ titre: fiche.titre }).from(fiche).where(sql`coalesce(json_extract(${fiche.fields}, '$.source'), '') = ''`).all();
    expect(withoutSource).toEqual([]);
    for (const file of SEED_MARKDOWN_FILES) {
      const read = readImportFile(fs.readFileSync(file), path.basename(file));
      if (!read.ok) throw new Error(read.error.message);
      expect(read.document.id).toBe(markdownDocumentId(file));
      const plan = planImport(db, read);
      expect(plan.fiches.filter((f) => f.action !== "unchanged").map((f) => f.fiche.titre)).toEqual([]);
      const bad = plan.report.filter((entry) => ["line_invalid", "type_missing", "objectif_unknown", "suite_unresolved", "suite_ambiguous"].includes(entry.code));
      expect(bad.map((entry) => entry.messageEn)).toEqual([]);
    }
  });
});

describe("what a mediator finds on a fresh install", () => {
  it("lists fiches on every theme page, and gives at least 90 % of the Livre blanc fiches a theme", () => {
    const db = getTestDb();
    const viewer = null;
    for (const theme of db.select({ slug: taxonomyTerm.slug }).from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, "theme")).all()) {
      expect({ theme: theme.slug, listed: listFiches(db, { theme: theme.slug }, viewer).total > 0 }).toEqual({ theme: theme.slug, listed: true });
    }
    const livreBlanc = sql`json_extract(${fiche.fields}, '$.importKey') like 'livre-blanc%'`;
    const all = db.select({ n: count() }).from(fiche).where(livreBlanc).get()!.n;
    const themed = db
      .select({ n: count() })
      .from(fiche)
      .where(and(livreBlanc, sql`exists (select 1 from fiche_term join taxonomy_term t on t.id = fiche_term.term_id where fiche_term.fiche_id = ${fiche.id} and t.taxonomy = 'theme')`))
      .get()!.n;
    expect(all).toBe(121);
    expect(themed / all).toBeGreaterThanOrEqual(0.9);
  });

  it("finds the démarches fiches when searching « administration »", () => {
    const db = getTestDb();
    const found = new Set(searchWiki(db, { q: "administration", pageSize: 100 }).results.map((r) => r.title));
    // Every Livre blanc fiche whose text says administratif, administratives or administration: the stemmer folds them together.
    const demarches = db
      .select({ titre: fiche.titre })
      .from(fiche)
      .where(sql`json_extract(${fiche.fields}, '$.importKey') like 'livre-blanc%' and ${fiche.texte} like '%administrati%'`)
      .all()
      .map((f) => f.titre);
    expect(demarches.length).toBeGreaterThanOrEqual(2);
    expect(demarches.filter((titre) => !found.has(titre))).toEqual([]);
    expect([...found].some((titre) => /démarches administratives/.test(titre))).toBe(true);
  });
});
