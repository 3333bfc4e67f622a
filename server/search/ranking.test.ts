import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { fiche, ficheTerm, taxonomyTerm } from "@/db/schema";
import { emptyFilters } from "@/lib/search/params";
import { rebuildSearchIndex, searchWiki } from "./index";
import { rankCandidates } from "./ranking";

const db = getTestDb();
// A small bound keeps the fixture small: ranking is bounded beyond 3 × BOUND candidates.
const BOUND = 100;
const COMMON = 3 * BOUND + 200;
const search = (q: string, options: { page?: number; theme?: string[] } = {}) =>
  searchWiki(db, { q, page: options.page, filters: { ...emptyFilters(), theme: options.theme ?? [] }, rankBound: BOUND });

beforeAll(() => {
  const sante = db.select({ id: taxonomyTerm.id }).from(taxonomyTerm).where(and(eq(taxonomyTerm.taxonomy, "theme"), eq(taxonomyTerm.slug, "sante"))).get()!.id;
  db.transaction((tx) => {
    // The oldest fiche is the only one with the common word in its title.
    tx.insert(fiche).values({ slug: "titre", type: "pratique", statut: "publiee", titre: "Le numérique pour tous", texte: "Une fiche ancienne." }).run();
    for (let i = 0; i < COMMON; i++) {
      const created = tx
        .insert(fiche)
        .values({
          slug: `f-${i}`,
          type: i % 2 ? "pratique" : "idee",
          statut: "publiee",
          titre: `Atelier ${i}`,
          // The few fiches about santé differ in length, so that bm25 orders them without ties.
          texte: `Accompagnement au numérique, séance ${i}. ${i % 20 === 0 ? `Santé connectée.${" Prévention.".repeat(i / 20)}` : ""}`,
          commune: i % 3 ? "Bordeaux" : "Talence",
        })
        .returning()
        .get();
      if (i % 20 === 0) tx.insert(ficheTerm).values({ ficheId: created.id, termId: sante }).run();
    }
    tx.insert(fiche).values({ slug: "corps", type: "pratique", statut: "publiee", titre: "Repères", texte: "numérique ".repeat(30) }).run();
  });
  rebuildSearchIndex(db);
});

describe("ranking a very common word", () => {
  it("ranks a bounded set, keeps title matches first, and still counts every match", () => {
    const outcome = search("numérique");
    expect(outcome.bounded).toBe(true);
    expect(outcome.total).toBe(COMMON + 2);
    expect(outcome.results[0].href).toBe("/fiches/titre");
    expect(outcome.results.map((r) => r.href)).toContain("/fiches/corps");
    expect(outcome.facets.find((f) => f.facet === "commune")?.options.map((o) => [o.value, o.count])).toEqual([
      ["bordeaux", Math.floor((COMMON * 2) / 3)],
      ["talence", Math.ceil(COMMON / 3)],
    ]);
    // Two bounded sets of at most BOUND: the title match and the BOUND most recent.
    expect(outcome.pageCount).toBe(Math.ceil((BOUND + 1) / 20));
  });

  it("ranks every candidate exactly once filters bring them under the cap", () => {
    const outcome = search("numérique", { theme: ["sante"] });
    expect(outcome.bounded).toBe(false);
    expect(outcome.total).toBe(COMMON / 20);
    const raw = db.$client
      .prepare("SELECT rowid FROM search_fiche WHERE search_fiche MATCH ? ORDER BY rank LIMIT 20")
      .pluck()
      .all('{titre champs corps} : ("numer" *) AND {facettes} : ("fthemesante")') as number[];
    expect(outcome.results.map((r) => r.id)).toEqual(raw);
  });

  it("scores no more than the bounded sets", () => {
    const candidates = db.select({ id: fiche.id }).from(fiche).all().map((f) => f.id);
    const { ranked, available, bounded } = rankCandidates(db, "fiche", '"numer"', emptyFilters(), candidates, 1000, 10);
    expect(candidates.length).toBeGreaterThan(30);
    expect(bounded).toBe(true);
    expect(available).toBe(11);
    expect(ranked.length).toBe(11);
    expect(ranked.map((r) => r.id)).toContain(candidates[candidates.length - 1]);
  });

  it("pages through the bounded ranking without repeating a result", () => {
    const seen = new Set<string>();
    for (let page = 1; page <= 3; page++) for (const r of search("numérique", { page }).results) seen.add(r.href);
    expect(seen.size).toBe(60);
  });
});
