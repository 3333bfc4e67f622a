import fs from "node:fs";
import { and, count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { acteur, fiche, ficheActeur, ficheDocument, ficheTerm, ficheUpdate, membership, taxonomyTerm } from "@/db/schema";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { getTestDb } from "@/db/testing";
import { readFicheContent } from "@/lib/fiche/document";
import { loadDocument } from "../collab/persistence";
import { applyImport, type ImportOutcome } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";
import { LIVRE_BLANC_SEED_FILE } from "./seed";

const livreBlanc = fs.readFileSync(LIVRE_BLANC_SEED_FILE);
const SOURCE_PRATIQUES = "Livre blanc de la Solidarité numérique de Bordeaux (Ville de Bordeaux, 2016), Annexes – Pratiques observées, ici et ailleurs";

function read(bytes: Uint8Array | string, filename: string) {
  const file = readImportFile(typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes, filename);
  if (!file.ok) throw new Error(file.error.message);
  return file;
}
function importFile(bytes: Uint8Array | string, filename: string, viewerId: number | null = null): ImportOutcome {
  const db = getTestDb();
  return applyImport(db, planImport(db, read(bytes, filename)), { viewerId });
}
function ficheBySlug(slug: string) {
  const row = getTestDb().select().from(fiche).where(eq(fiche.slug, slug)).get();
  if (!row) throw new Error(`no fiche ${slug}`);
  return row;
}
function acteursOf(ficheId: number): [string, string][] {
  return getTestDb()
    .select({ nom: acteur.nom, role: ficheActeur.role })
    .from(ficheActeur)
    .innerJoin(acteur, eq(acteur.id, ficheActeur.acteurId))
    .where(eq(ficheActeur.ficheId, ficheId))
    .orderBy(acteur.nom)
    .all()
    .map((r) => [r.nom, r.role]);
}
/** The fiche's confirmed terms of a taxonomy, or (suggested) the themes only suggested. */
function termsOf(ficheId: number, taxonomy: Taxonomy, suggested = false): string[] {
  return getTestDb()
    .select({ slug: taxonomyTerm.slug })
    .from(ficheTerm)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
    .where(and(eq(ficheTerm.ficheId, ficheId), eq(taxonomyTerm.taxonomy, taxonomy), eq(ficheTerm.suggested, suggested)))
    .orderBy(taxonomyTerm.slug)
    .all()
    .map((r) => r.slug);
}
function suggestedThemes(ficheId: number): string[] {
  const loaded = loadDocument(getTestDb(), ficheId)!;
  const ids = readFicheContent(loaded.doc).themesSuggeres;
  loaded.doc.destroy();
  const labels = new Map(getTestDb().select().from(taxonomyTerm).all().map((t) => [t.id, t.slug]));
  return ids.map((id) => labels.get(id)!).sort();
}
function tableCounts() {
  const db = getTestDb();
  const n = (table: typeof fiche | typeof acteur | typeof ficheActeur | typeof ficheUpdate | typeof ficheDocument | typeof ficheTerm) =>
    db.select({ n: count() }).from(table).get()!.n;
  return { fiches: n(fiche), acteurs: n(acteur), liens: n(ficheActeur), termes: n(ficheTerm), documents: n(ficheDocument), updates: n(ficheUpdate) };
}

// The fiches the checks of this file read. The Livre blanc is read whole (titles are re-cased from its whole text,
// chapter copies merge into annex fiches), then only these are imported: importing all 121 takes seconds, and
// whole-livre-blanc.test.ts does it once.
const SELECTED = new Set([
  "pratique:dom-assist",
  "pratique:khan-academy",
  "pratique:bib-invaders",
  "pratique:mooc",
  "pratique:espace-public-numerique-multi-activites-ville-de-cenon",
  // Names the Ville de Bordeaux, which the Markdown import below finds in the directory.
  "pratique:annuaire-des-associations-sportives",
  // Fondation Orange's other fiches.
  "pratique:appel-a-projets-solidaires",
  "pratique:solicamp",
  "pratique:digital-society-forum",
  "pratique:benevolat-et-mecenat-de-competence",
  "pratique:fablabs-solidaires-coh-bit",
  "pratique:enfants-numeriques-mode-d-emploi",
  "idee:creer-des-poles-d-animation",
  "idee:voisins-referents",
]);

function readSelection(text: Uint8Array | string = livreBlanc): ReturnType<typeof read> {
  const file = read(text, "livre-blanc-solidarite-numerique-bordeaux-2016.txt");
  const selected = (key: string | undefined) => key === undefined || SELECTED.has(key);
  return { ...file, result: { fiches: file.result.fiches.filter((f) => selected(f.key)), report: file.result.report.filter((entry) => selected(entry.ficheKey)) } };
}

describe("importing fiches of the Livre blanc", () => {
  let outcome: ImportOutcome;
  let moderator: ReturnType<typeof buildUser>;
  beforeAll(() => {
    moderator = buildUser({ role: "moderateur" });
    outcome = applyImport(getTestDb(), planImport(getTestDb(), readSelection()), { viewerId: moderator.id });
  });

  it("creates every pratique and idée as a published fiche to check, and every named acteur once", () => {
    const db = getTestDb();
    const byType = db.select({ type: fiche.type, n: count() }).from(fiche).groupBy(fiche.type).orderBy(fiche.type).all();
    expect(byType).toEqual([
      { type: "idee", n: 2 },
      { type: "pratique", n: 12 },
    ]);
    expect(outcome.created).toHaveLength(14);
    expect(db.select({ n: count() }).from(fiche).where(and(eq(fiche.statut, "publiee"), eq(fiche.aVerifier, true), eq(fiche.createdBy, moderator.id))).get()!.n).toBe(14);
    // Digital Society Forum adds the two partners its text names ("Les partenaires du projet sont …").
    expect(outcome.acteursCreated).toHaveLength(23);
    expect(db.select({ n: count() }).from(acteur).get()!.n).toBe(23);
    // Imported acteurs have no member: the moderator who imported them does not become one.
    expect(db.select({ n: count() }).from(membership).get()!.n).toBe(0);
  });

  it("writes DOM Assist with its porteurs and the partners its text names, its public, its source, suggested themes and a readable body", () => {
    const dom = ficheBySlug("dom-assist");
    expect(dom).toMatchObject({ type: "pratique", titre: "DOM Assist", statut: "publiee", aVerifier: true });
    expect(dom.fields).toMatchObject({ source: SOURCE_PRATIQUES, importKey: "livre-blanc-solidarite-numerique-bordeaux-2016#pratique:dom-assist" });
    // "avec le soutien actif des instances locales (CARSAT, UDCCAS, Conseil départemental...)": the line's UDCCA is
    // that UDCCAS, and the Conseil départemental, named first on the line, carries the action.
    expect(acteursOf(dom.id)).toEqual([
      ["CARSAT", "partenaire"],
      ["Conseil départemental de la Gironde", "porteur"],
      ["INRIA", "porteur"],
      ["UDCCAS", "partenaire"],
    ]);
    expect(termsOf(dom.id, "public")).toEqual(["seniors"]);
    // Suggested themes stay suggestions: in the document, not among the fiche's themes.
    expect(suggestedThemes(dom.id)).toContain("sante");
    expect(termsOf(dom.id, "theme")).toEqual([]);
    // They are projected as suggested terms: theme pages and facets count them.
    expect(termsOf(dom.id, "theme", true)).toEqual(suggestedThemes(dom.id));
    expect(dom.html).toContain("<h2>Descriptif de l'action</h2><p>Maintien à domicile des personnes âgées par un équipement pérenne");
    expect(dom.html).toContain("<h2>Cible</h2><p>Personnes âgées</p>");
    expect(dom.html).toContain("<h2>Acteurs</h2><p><strong>Acteurs : </strong>Conseil Départemental de la Gironde et INRIA, CARSAT, UDCCA,...</p>");
    expect(dom.texte).toContain("chercheurs de l'INRIA");
  });

  it("gives Khan Academy its porteur and the Fondation Orange as partenaire", () => {
    const khan = ficheBySlug("khan-academy");
    expect(acteursOf(khan.id)).toEqual([
      ["Fondation Orange", "partenaire"],
      ["Khan Academy", "porteur"],
    ]);
    expect(termsOf(khan.id, "public")).toEqual(["jeunes"]);
    expect(suggestedThemes(khan.id)).toEqual(["education"]);
    expect(khan.html).toContain("<h2>Cible</h2><p>Élèves de l'élémentaire aux préparations grandes écoles ; Publics éloignés des apprentissages classiques</p>");
    expect(khan.html).toContain("<p><strong>Acteurs : </strong>KHAN Academy avec le soutien de la Fondation Orange</p>");
  });

  it("keeps one Fondation Orange, linked to its seven fiches, described with its acronym and source", () => {
    const rows = getTestDb().select().from(acteur).where(eq(acteur.nom, "Fondation Orange")).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ categorie: "non_lucratif", typologie: "fondation", createdBy: null });
    expect(rows[0].description).toBe("Sigle : FO.\nCité dans : Livre blanc de la Solidarité numérique de Bordeaux (Ville de Bordeaux, 2016).");
    const linked = getTestDb().select({ slug: fiche.slug }).from(ficheActeur).innerJoin(fiche, eq(fiche.id, ficheActeur.ficheId)).where(eq(ficheActeur.acteurId, rows[0].id)).all();
    expect(linked.map((r) => r.slug).sort()).toEqual([
      "appel-a-projets-solidaires",
      "benevolat-et-mecenat-de-competence",
      "digital-society-forum",
      "enfants-numeriques-mode-d-emploi",
      "fablabs-solidaires-coh-bit",
      "khan-academy",
      "solicamp",
    ]);
  });

  it("writes an idée with its pressentis, its pistes and its source", () => {
    const poles = ficheBySlug("creer-des-poles-d-animation");
    expect(poles.type).toBe("idee");
    expect(acteursOf(poles.id)).toEqual([
      ["Bordeaux Métropole", "pressenti"],
      ["Keolis", "pressenti"],
    ]);
    expect((poles.fields as { source: string }).source).toBe("Livre blanc de la Solidarité numérique de Bordeaux (Ville de Bordeaux, 2016), Annexes – Idées à explorer");
    expect(poles.html).toContain("<h2>Acteurs pressentis</h2><p>Bordeaux Métropole et Keolis</p>");

    const voisins = ficheBySlug("voisins-referents");
    // Its acteurs are all generic: none in the directory, the line stays readable on the fiche.
    expect(acteursOf(voisins.id)).toEqual([]);
    expect(voisins.html).toContain("<h2>Acteurs pressentis</h2><p>Par la collectivité avec les citoyens</p>");
    expect(voisins.html).toMatch(/<h2>Les pistes<\/h2><ul><li><p>Sur le modèle du « Guide composteur »/);
    expect(voisins.html).toContain("<p>Elle y est aussi appelée « L'internaute public ».</p>");
    expect(termsOf(voisins.id, "enjeu")).toEqual(["former-les-mediateurs"]);
    expect(termsOf(voisins.id, "public")).toEqual([]);
  });

  it("turns web addresses into the fiche's link and safe links of the body", () => {
    const bib = ficheBySlug("bib-invaders");
    expect((bib.fields as { lienWeb: string }).lienWeb).toBe("http://mediatheques.bordeaux-metropole.fr/zoom/bibinvaders");
    expect(bib.html).toContain(
      '<h2>Acteurs</h2><p><strong>Acteurs : </strong>Bibliothèque de Bordeaux Métropole, Média Cité et Bordeaux Games</p><ul><li><p><a rel="noopener noreferrer nofollow" href="http://mediatheques.bordeaux-metropole.fr/zoom/bibinvaders">mediatheques.bordeaux-metropole.fr/zoom/bibinvaders</a></p></li></ul>',
    );
    // The line's "Bibliothèque de Bordeaux Métropole" is the municipal library network (acteur-names.ts).
    expect(acteursOf(bib.id).map(([nom]) => nom)).toEqual(["Bibliothèques de Bordeaux", "Bordeaux Games", "Média Cité"]);
  });

  it("reports what is uncertain: joined titles, missing fields, generic acteurs", () => {
    const codes = (code: string) => outcome.report.filter((entry) => entry.code === code);
    expect(codes("title_joined").map((entry) => entry.ficheKey)).toEqual(["pratique:espace-public-numerique-multi-activites-ville-de-cenon"]);
    expect(codes("missing_acteur").map((entry) => entry.ficheKey)).toContain("pratique:mooc");
    expect(codes("acteur_generic").find((entry) => entry.ficheKey === "idee:voisins-referents")?.messageFr).toContain("« collectivité », « citoyens »");
    expect(codes("acteur_existing")).toEqual([]);
  });
});

describe("importing Markdown written with the Livre blanc's headings", () => {
  const markdown = `# Pratiques observées

## Café numérique du Grand Parc
Acteurs : Association Le Lien, Ville de Bordeaux et Fondation Orange (FO)
Cible : Seniors du quartier, personnes isolées
Descriptif de l'action : Un café chaque mardi matin
pour apprendre à se servir d'une tablette.

- atelier tablette
- aide aux démarches en ligne
→ https://exemple.org/cafe-numerique

# Idées à explorer

## Bus numérique sur les marchés
- aller à la rencontre des habitants sur les marchés
Acteurs : Bordeaux Métropole et associations de quartier
Public concerné : Habitants éloignés du numérique
`;

  it("creates its fiches, reuses the directory's acteurs (one created by a person before) and reports it", () => {
    const person = buildUser();
    const lien = buildActeur({ nom: "Association Le Lien", slug: "association-le-lien", members: [person] });
    const before = getTestDb().select({ n: count() }).from(acteur).get()!.n;
    const result = importFile(markdown, "cafes-numeriques.md");
    expect(result.created.map((f) => [f.type, f.titre])).toEqual([
      ["pratique", "Café numérique du Grand Parc"],
      ["idee", "Bus numérique sur les marchés"],
    ]);
    expect(result.acteursCreated).toEqual([]);
    expect(result.acteursReused.map((a) => a.nom).sort()).toEqual(["Association Le Lien", "Bordeaux Métropole", "Fondation Orange", "Ville de Bordeaux"]);
    expect(getTestDb().select({ n: count() }).from(acteur).get()!.n).toBe(before);
    const existing = result.report.filter((entry) => entry.code === "acteur_existing");
    expect(existing.map((entry) => entry.messageFr)).toContain(
      "« Association Le Lien » est déjà dans l'annuaire (« Association Le Lien ») : cet acteur est relié aux fiches, il n'est pas recréé.",
    );

    const cafe = ficheBySlug("cafe-numerique-du-grand-parc");
    expect(acteursOf(cafe.id)).toEqual([
      ["Association Le Lien", "porteur"],
      ["Fondation Orange", "porteur"],
      ["Ville de Bordeaux", "porteur"],
    ]);
    expect(cafe.fields).toMatchObject({ source: "cafes-numeriques.md, Pratiques observées", lienWeb: "https://exemple.org/cafe-numerique" });
    expect(cafe).toMatchObject({ statut: "publiee", aVerifier: true });
    expect(termsOf(cafe.id, "public")).toEqual(["seniors"]);
    expect(cafe.html).toContain("<ul><li><p>atelier tablette</p></li><li><p>aide aux démarches en ligne</p></li></ul>");
    // The person's acteur keeps its member and its data.
    expect(getTestDb().select().from(acteur).where(eq(acteur.id, lien.id)).get()!.description).toBe("");

    const bus = ficheBySlug("bus-numerique-sur-les-marches");
    expect(acteursOf(bus.id)).toEqual([["Bordeaux Métropole", "pressenti"]]);
    expect(bus.html).toContain("<h2>Acteurs pressentis</h2><p>Bordeaux Métropole et associations de quartier</p>");
  });

  it("updates instead of duplicating when the same file comes back", () => {
    const again = importFile(markdown.replace("Un café chaque mardi matin", "Un café chaque mardi et jeudi matin"), "cafes-numeriques.md");
    expect(again.created).toEqual([]);
    expect(again.updated.map((f) => [f.slug, f.changes])).toEqual([["cafe-numerique-du-grand-parc", ["body"]]]);
    expect(ficheBySlug("cafe-numerique-du-grand-parc").texte).toContain("Un café chaque mardi et jeudi matin pour apprendre");
    expect(getTestDb().select({ n: count() }).from(fiche).where(eq(fiche.slug, "cafe-numerique-du-grand-parc-2")).get()!.n).toBe(0);
  });
});

describe("fiches of different documents", () => {
  it("are keyed by their document: a same-titled fiche of another file is created beside, and reported", () => {
    const result = importFile("# Pratiques observées\n\n## DOM ASSIST\nActeurs : INRIA\nCible : Personnes âgées\n", "gironde.md");
    expect(result.created.map((f) => f.slug)).toEqual(["dom-assist-2"]);
    expect(result.report.find((entry) => entry.code === "similar_fiche")).toMatchObject({
      severity: "warning",
      ficheKey: "pratique:dom-assist",
      messageFr: "Une fiche « DOM Assist » existe déjà sur le wiki (/fiches/dom-assist) : celle-ci est créée à côté. Fusionnez-les si c'est la même action.",
    });
    expect(ficheBySlug("dom-assist-2").fields).toMatchObject({ importKey: "markdown:gironde#pratique:dom-assist" });
  });
});

describe("an import is one transaction", () => {
  it("leaves the database as it was when it fails halfway", () => {
    const db = getTestDb();
    const before = tableCounts();
    const plan = planImport(db, readSelection(livreBlanc.toString("utf8").replaceAll("Maintien à domicile", "Maintien chez soi")));
    expect(plan.fiches.filter((f) => f.action === "update")).toHaveLength(1);
    const markdown = planImport(db, read("# Idées à explorer\n\n## Prêt de tablettes\nActeurs : Emmaüs Connect\nPublic concerné : Familles\n", "pret.md"));
    expect(() =>
      applyImport(db, markdown, {
        viewerId: null,
        onProgress: ({ phase }) => {
          if (phase === "fiches") throw new Error("disk full");
        },
      }),
    ).toThrow("disk full");
    expect(() =>
      applyImport(db, plan, {
        viewerId: null,
        onProgress: ({ done, phase }) => {
          if (phase === "fiches" && done === 7) throw new Error("disk full");
        },
      }),
    ).toThrow("disk full");
    expect(tableCounts()).toEqual(before);
    expect(ficheBySlug("dom-assist").texte).toContain("Maintien à domicile");
  });
});
