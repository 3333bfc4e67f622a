import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { databaseFile } from "@/db/client";
import { getTestDb } from "@/db/testing";
import { acteur, acteurTheme, fiche, ficheActeur, ficheTerm, lieu, searchState, taxonomyTerm } from "@/db/schema";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { emptyFilters, type SearchFilters } from "@/lib/search/params";
import { ensureSearchIndex, indexActeur, indexFiche, rebuildSearchIndex, searchWiki, suggestSearch } from "./index";

const db = getTestDb();
let sequence = 0;

function termIds(taxonomy: Taxonomy, slugs: string[]): number[] {
  if (slugs.length === 0) return [];
  const ids = db
    .select({ id: taxonomyTerm.id })
    .from(taxonomyTerm)
    .where(and(eq(taxonomyTerm.taxonomy, taxonomy), inArray(taxonomyTerm.slug, slugs)))
    .all()
    .map((t) => t.id);
  if (ids.length !== slugs.length) throw new Error(`Unknown ${taxonomy} among ${slugs.join(", ")}`);
  return ids;
}

type FicheFixture = Partial<typeof fiche.$inferInsert> & { themes?: string[]; publics?: string[]; acteurIds?: number[] };

function insertFiche({ themes = [], publics = [], acteurIds = [], ...values }: FicheFixture): number {
  const n = ++sequence;
  const { id } = db
    .insert(fiche)
    .values({ slug: `fiche-${n}`, type: "pratique", statut: "publiee", titre: `Fiche ${n}`, ...values })
    .returning({ id: fiche.id })
    .get();
  const terms = [...termIds("theme", themes), ...termIds("public", publics)];
  if (terms.length) db.insert(ficheTerm).values(terms.map((termId) => ({ ficheId: id, termId }))).run();
  if (acteurIds.length) db.insert(ficheActeur).values(acteurIds.map((acteurId) => ({ ficheId: id, acteurId, role: "porteur" as const }))).run();
  indexFiche(db, id);
  return id;
}

function insertActeur(values: Partial<typeof acteur.$inferInsert> & { themes?: string[]; communes?: string[] }): number {
  const n = ++sequence;
  const { themes = [], communes = [], ...columns } = values;
  const { id } = db
    .insert(acteur)
    .values({ slug: `acteur-${n}`, nom: `Acteur ${n}`, categorie: "non_lucratif", typologie: "association", ...columns })
    .returning({ id: acteur.id })
    .get();
  const ids = termIds("theme", themes);
  if (ids.length) db.insert(acteurTheme).values(ids.map((termId) => ({ acteurId: id, termId }))).run();
  communes.forEach((commune, i) =>
    db.insert(lieu).values({ acteurId: id, nom: `${columns.nom ?? "Lieu"} ${i + 1}`, adresse: `${i + 1} rue Sainte-Catherine`, codePostal: "33000", commune }).run(),
  );
  indexActeur(db, id);
  return id;
}

const filters = (values: Partial<SearchFilters>): SearchFilters => ({ ...emptyFilters(), ...values });
const hrefs = (q: string, f?: Partial<SearchFilters>) => searchWiki(db, { q, filters: filters(f ?? {}) }).results.map((r) => r.href);

const ids: Record<string, number> = {};

beforeAll(() => {
  ids.bibliotheque = insertActeur({
    slug: "bibliotheque-meriadeck",
    nom: "Bibliothèque Mériadeck",
    categorie: "public",
    typologie: "bibliotheque_mediatheque",
    description: "Prêt de livres, accès à internet et ateliers autour du numérique.",
    themes: ["culture"],
    communes: ["Bordeaux"],
  });
  ids.emmaus = insertActeur({
    slug: "emmaus-connect",
    nom: "Emmaüs Connect",
    description: "Accompagne les personnes en précarité vers l'autonomie numérique.",
    themes: ["e-inclusion"],
    communes: ["Bordeaux"],
  });
  ids.centreSocial = insertActeur({ slug: "centre-social-merignac", nom: "Centre social du Burck", typologie: "centre_social", communes: ["Mérignac"] });
  ids.seniors = insertFiche({
    slug: "demarches-seniors",
    titre: "Démarches administratives en ligne pour les séniors",
    texte: "Chaque mardi, le centre social accompagne les personnes âgées dans leurs démarches numériques : impôts, retraite, santé.",
    commune: "Mérignac",
    etat: "en_cours",
    themes: ["service-public"],
    publics: ["seniors"],
    acteurIds: [ids.centreSocial],
  });
  ids.atelier = insertFiche({
    slug: "atelier-bibliotheque",
    titre: "Atelier numérique à la bibliothèque",
    texte: "Les bibliothécaires animent un atelier de découverte de la tablette. <script>alert('x')</script> & compagnie.",
    commune: "Bordeaux",
    themes: ["culture"],
    publics: ["tout-public"],
    acteurIds: [ids.bibliotheque],
  });
  ids.droits = insertFiche({
    slug: "point-acces-droits",
    type: "fiche_pratique",
    titre: "Ouvrir un point d'accès aux droits",
    texte: "Pourquoi ? Parce que les démarches administratives se font en ligne et que les seniors restent à l'écart du numérique.",
    commune: "Bordeaux",
    themes: ["service-public"],
    publics: ["personnes-precarite"],
  });
  ids.jeux = insertFiche({
    slug: "jeux-video",
    type: "idee",
    titre: "Jeux vidéo entre générations",
    texte: "Un journal de quartier raconte les travaux du local associatif, où le numérique réunit petits et grands.",
    commune: "Pessac",
    etat: "en_projet",
    themes: ["lien-social", "intergenerationnel"],
  });
  ids.brouillon = insertFiche({ slug: "brouillon", statut: "brouillon", titre: "Bibliothèque secrète des démarches seniors", texte: "numérique" });
  ids.archivee = insertFiche({ slug: "archivee", statut: "archivee", titre: "Bibliothèque d'hier", texte: "numérique" });
  ids.masquee = insertFiche({ slug: "masquee", masquee: true, titre: "Bibliothèque masquée", texte: "numérique" });
});

describe("searchWiki: French queries", () => {
  it("finds the accented fiche first for a query typed without accents", () => {
    const outcome = searchWiki(db, { q: "demarches administratives seniors" });
    expect(outcome.results[0].href).toBe("/fiches/demarches-seniors");
    expect(outcome.results.map((r) => r.href)).toContain("/fiches/point-acces-droits");
    expect(outcome.results[0].titleHtml).toBe("<mark>Démarches</mark> <mark>administratives</mark> en ligne pour les <mark>séniors</mark>");
  });

  it("shows each result with its own title and excerpt", () => {
    const outcome = searchWiki(db, { q: "numérique" });
    const titres = new Map(db.select({ slug: fiche.slug, titre: fiche.titre }).from(fiche).all().map((f) => [`/fiches/${f.slug}`, f.titre]));
    const noms = new Map(db.select({ slug: acteur.slug, nom: acteur.nom }).from(acteur).all().map((a) => [`/acteurs/${a.slug}`, a.nom]));
    expect(outcome.results.length).toBeGreaterThan(3);
    for (const result of outcome.results) expect(result.title).toBe(titres.get(result.href) ?? noms.get(result.href));
    expect(new Set(outcome.results.map((r) => r.excerptHtml)).size).toBe(outcome.results.length);
  });

  it("finds a bibliothèque acteur and the fiches about bibliothèques, never drafts, archives or hidden fiches", () => {
    const outcome = searchWiki(db, { q: "bibliothèque" });
    const byHref = Object.fromEntries(outcome.results.map((r) => [r.href, r.typeLabel]));
    expect(byHref).toEqual({ "/acteurs/bibliotheque-meriadeck": "Acteur public", "/fiches/atelier-bibliotheque": "Pratique observée" });
    expect(outcome.total).toBe(2);
  });

  it("matches singular and plural both ways", () => {
    expect(hrefs("journaux")).toEqual(["/fiches/jeux-video"]);
    expect(hrefs("travail")).toEqual(["/fiches/jeux-video"]);
    expect(hrefs("locaux")).toEqual(["/fiches/jeux-video"]);
    expect(hrefs("jeu")).toEqual(["/fiches/jeux-video"]);
    expect(hrefs("bibliothecaire")).toEqual(["/fiches/atelier-bibliotheque"]);
  });

  it("matches the last word as a prefix", () => {
    expect(hrefs("emmaus conn")).toEqual(["/acteurs/emmaus-connect"]);
    expect(hrefs("mérig").sort()).toEqual(["/acteurs/centre-social-merignac", "/fiches/demarches-seniors"]);
  });

  it("corrects a typo when nothing matches as typed", () => {
    const swapped = searchWiki(db, { q: "bilbiotheque" });
    expect(swapped.results.map((r) => r.href)).toContain("/acteurs/bibliotheque-meriadeck");
    expect(swapped.correction?.text.toLowerCase()).toBe("bibliothèque");
    // A typo before the last word, which no prefix can save; the fiche shows the acteur's name.
    const missing = searchWiki(db, { q: "bibliotheqe meriadeck" });
    expect(missing.results.map((r) => r.href).sort()).toEqual(["/acteurs/bibliotheque-meriadeck", "/fiches/atelier-bibliotheque"]);
    expect(missing.correction?.text.toLowerCase()).toBe("bibliothèque meriadeck");
    expect(hrefs("bibliotheqe")).toContain("/acteurs/bibliotheque-meriadeck");
  });

  it("gives up on words too far from anything indexed", () => {
    const outcome = searchWiki(db, { q: "zzyzx" });
    expect(outcome.results).toEqual([]);
    expect(outcome.correction).toBeNull();
  });

  it("escapes the excerpt and keeps only the marks", () => {
    const [result] = searchWiki(db, { q: "tablette" }).results;
    expect(result.excerptHtml).toContain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; compagnie");
    expect(result.excerptHtml).toContain("<mark>tablette</mark>");
    expect(result.excerptHtml.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
  });

  it("never breaks on FTS5 syntax typed by the user", () => {
    for (const q of ['"', '"numérique', "NEAR(a b)", "a OR b NOT c", "-numérique", "*", "titre:x", "{titre}: x", "(", "')"]) {
      expect(() => searchWiki(db, { q }), q).not.toThrow();
    }
    expect(hrefs("numérique OR bibliothèque")).toEqual([]);
  });
});

describe("searchWiki: facets", () => {
  const counts = (outcome: ReturnType<typeof searchWiki>, facet: string) =>
    Object.fromEntries(outcome.facets.find((f) => f.facet === facet)?.options.map((o) => [o.value, o.count]) ?? []);

  it("counts every facet over the matches", () => {
    const outcome = searchWiki(db, { q: "numérique" });
    expect(outcome.total).toBe(6);
    expect(counts(outcome, "type")).toEqual({ pratique: 2, fiche_pratique: 1, idee: 1, acteur: 2 });
    expect(counts(outcome, "commune")).toEqual({ bordeaux: 4, merignac: 1, pessac: 1 });
    expect(counts(outcome, "categorie")).toEqual({ public: 1, non_lucratif: 1 });
    expect(counts(outcome, "etat")).toEqual({ en_cours: 1, en_projet: 1 });
    expect(counts(outcome, "public")).toEqual({ seniors: 1, "tout-public": 1, "personnes-precarite": 1 });
  });

  it("counts each facet with the other facets' filters applied", () => {
    const outcome = searchWiki(db, { q: "numérique", filters: filters({ theme: ["service-public"] }) });
    expect(outcome.total).toBe(2);
    expect(outcome.results.map((r) => r.href).sort()).toEqual(["/fiches/demarches-seniors", "/fiches/point-acces-droits"]);
    expect(counts(outcome, "type")).toEqual({ pratique: 1, fiche_pratique: 1 });
    // The theme facet itself ignores the theme filter, so that other themes can be added.
    expect(counts(outcome, "theme")).toEqual({ "service-public": 2, culture: 2, "e-inclusion": 1, "lien-social": 1, intergenerationnel: 1 });
    expect(outcome.facets.find((f) => f.facet === "theme")?.options.find((o) => o.value === "service-public")?.selected).toBe(true);
  });

  it("applies filters across kinds: a fiche-only facet leaves acteurs out, and the other way round", () => {
    expect(hrefs("numérique", { type: ["acteur"], theme: ["culture"] })).toEqual(["/acteurs/bibliotheque-meriadeck"]);
    expect(hrefs("numérique", { public: ["seniors"] })).toEqual(["/fiches/demarches-seniors"]);
    expect(hrefs("numérique", { categorie: ["non_lucratif"] })).toEqual(["/acteurs/emmaus-connect"]);
    expect(hrefs("numérique", { commune: ["bordeaux"], type: ["pratique", "fiche_pratique"] }).sort()).toEqual(["/fiches/atelier-bibliotheque", "/fiches/point-acces-droits"]);
    const none = searchWiki(db, { q: "numérique", filters: filters({ etat: ["terminee"] }) });
    expect(none.total).toBe(0);
    expect(counts(none, "etat")).toEqual({ en_cours: 1, en_projet: 1, terminee: 0 });
  });
});

describe("the index follows the wiki", () => {
  it("adds a fiche when it is published, removes it when hidden, archived or deleted", () => {
    const id = insertFiche({ slug: "cycle", statut: "brouillon", titre: "Fablab solidaire", texte: "Imprimante 3D." });
    expect(hrefs("fablab")).toEqual([]);
    db.update(fiche).set({ statut: "publiee" }).where(eq(fiche.id, id)).run();
    indexFiche(db, id);
    expect(hrefs("fablab")).toEqual(["/fiches/cycle"]);
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, id)).run();
    indexFiche(db, id);
    expect(hrefs("fablab")).toEqual([]);
    db.update(fiche).set({ masquee: false, statut: "archivee" }).where(eq(fiche.id, id)).run();
    indexFiche(db, id);
    expect(hrefs("fablab")).toEqual([]);
    db.update(fiche).set({ statut: "publiee" }).where(eq(fiche.id, id)).run();
    indexFiche(db, id);
    db.delete(fiche).where(eq(fiche.id, id)).run();
    indexFiche(db, id);
    expect(hrefs("fablab")).toEqual([]);
    expect(searchWiki(db, { q: "numérique" }).total).toBe(6);
  });

  it("indexes inside the caller's transaction, and rolls back with it", () => {
    const id = db.transaction(() => {
      const created = insertFiche({ slug: "dans-transaction", titre: "Ressourcerie informatique" });
      expect(hrefs("ressourcerie")).toEqual(["/fiches/dans-transaction"]);
      return created;
    });
    expect(hrefs("ressourcerie")).toEqual(["/fiches/dans-transaction"]);
    expect(() =>
      db.transaction(() => {
        db.update(fiche).set({ titre: "Recyclerie informatique" }).where(eq(fiche.id, id)).run();
        indexFiche(db, id);
        throw new Error("rollback");
      }),
    ).toThrow("rollback");
    expect(hrefs("recyclerie")).toEqual([]);
    expect(hrefs("ressourcerie")).toEqual(["/fiches/dans-transaction"]);
    db.update(fiche).set({ statut: "brouillon" }).where(eq(fiche.id, id)).run();
    indexFiche(db, id);
  });

  it("writes nothing when a fiche is reindexed unchanged", () => {
    expect(indexFiche(db, ids.jeux)).toBe(false);
  });

  it("shows a renamed acteur under its new name, in its fiches too", () => {
    db.update(acteur).set({ nom: "Les Capucins connectés" }).where(eq(acteur.id, ids.bibliotheque)).run();
    indexActeur(db, ids.bibliotheque);
    expect(hrefs("capucins").sort()).toEqual(["/acteurs/bibliotheque-meriadeck", "/fiches/atelier-bibliotheque"]);
    db.update(acteur).set({ nom: "Bibliothèque Mériadeck" }).where(eq(acteur.id, ids.bibliotheque)).run();
    indexActeur(db, ids.bibliotheque);
    expect(hrefs("capucins")).toEqual([]);
    expect(hrefs("meriadeck").sort()).toEqual(["/acteurs/bibliotheque-meriadeck", "/fiches/atelier-bibliotheque"]);
  });

  it("lets another connection see a change at its next search", () => {
    const other = openDatabase(databaseFile());
    try {
      expect(searchWiki(other, { q: "numérique", filters: filters({ commune: ["pessac"] }) }).total).toBe(1);
      const id = insertFiche({ slug: "pessac-2", titre: "Numérique à Pessac", commune: "Pessac" });
      expect(searchWiki(other, { q: "numérique", filters: filters({ commune: ["pessac"] }) }).total).toBe(2);
      db.update(fiche).set({ statut: "brouillon" }).where(eq(fiche.id, id)).run();
      indexFiche(db, id);
      expect(searchWiki(other, { q: "numérique", filters: filters({ commune: ["pessac"] }) }).total).toBe(1);
    } finally {
      other.$client.close();
    }
  });

  it("rebuilds to the same results, and only when the index is out of date", () => {
    db.delete(searchState).run();
    expect(ensureSearchIndex(db)).toBe(true);
    const before = searchWiki(db, { q: "numérique" });
    expect(rebuildSearchIndex(db)).toEqual({ fiches: 4, acteurs: 3 });
    const after = searchWiki(db, { q: "numérique" });
    expect(after.results.map((r) => r.href)).toEqual(before.results.map((r) => r.href));
    expect(after.facets).toEqual(before.facets);
    expect(ensureSearchIndex(db)).toBe(false);
  });
});

describe("suggestSearch", () => {
  it("suggests titles and names that start with what is typed, those starting with it first", () => {
    const suggestions = suggestSearch(db, "bibli");
    expect(suggestions.map((s) => s.label)).toEqual(["Bibliothèque Mériadeck", "Atelier numérique à la bibliothèque"]);
    expect(suggestions[0]).toMatchObject({ kind: "acteur", href: "/acteurs/bibliotheque-meriadeck", typeLabel: "Acteur public" });
  });

  it("needs two letters, and never suggests what the search would not show", () => {
    expect(suggestSearch(db, "b")).toEqual([]);
    expect(suggestSearch(db, "secrète")).toEqual([]);
    expect(suggestSearch(db, "sén").map((s) => s.label)).toEqual(["Démarches administratives en ligne pour les séniors"]);
  });

  it("stops at eight", () => {
    for (let i = 0; i < 10; i++) insertFiche({ titre: `Repair café numéro ${i}` });
    expect(suggestSearch(db, "repair")).toHaveLength(8);
  });
});
