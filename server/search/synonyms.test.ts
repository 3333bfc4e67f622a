import { beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { fiche, searchSynonym } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { createSynonymSchema } from "@/lib/schemas/synonym";
import { toMatchExpression } from "@/lib/search/french";
import { parseStemmedQuery } from "@/lib/search/stemmer";
import { SYSTEM } from "../authorize";
import { DomainError } from "../errors";
import { indexFiche, searchWiki, suggestSearch } from "./index";
import {
  createSearchSynonym,
  deleteSearchSynonym,
  expandSynonyms,
  listSearchSynonyms,
  seedSearchSynonyms,
  SHIPPED_SYNONYMS,
  updateSearchSynonym,
} from "./synonyms";

const db = getTestDb();
let sequence = 0;

function insertFiche(titre: string, texte: string): string {
  const slug = `synonymes-${++sequence}`;
  const { id } = db.insert(fiche).values({ slug, type: "pratique", statut: "publiee", titre, texte }).returning({ id: fiche.id }).get();
  indexFiche(db, id);
  return `/fiches/${slug}`;
}

function refusal(act: () => unknown): string | null {
  try {
    act();
    return null;
  } catch (error) {
    return error instanceof DomainError ? error.messageFr : String(error);
  }
}

const hrefs = (q: string) => searchWiki(db, { q }).results.map((r) => r.href);
const expression = (q: string) => toMatchExpression(expandSynonyms(db, parseStemmedQuery(q)));

let administratives: string;
let enLigne: string;
let ateliers: string;

beforeAll(() => {
  seedSearchSynonyms(db);
  administratives = insertFiche("Aide aux démarches administratives", "Un accompagnement pour remplir les dossiers.");
  enLigne = insertFiche("Faire ses démarches en ligne", "Impôts, retraite : un pas à pas sur le site des services publics.");
  ateliers = insertFiche("Ateliers pour les aînés", "Des séances d'initiation à la tablette pour les retraités.");
});

describe("stemming at query and index time", () => {
  it("finds a fiche about démarches administratives from 'administration'", () => {
    expect(hrefs("administration")).toContain(administratives);
    expect(hrefs("administratif ")).toContain(administratives);
  });
});

describe("shipped synonyms", () => {
  it("are seeded once: a deleted group does not come back at the next start", () => {
    expect(listSearchSynonyms(db)).toHaveLength(SHIPPED_SYNONYMS.length);
    const first = listSearchSynonyms(db)[0];
    deleteSearchSynonym(db, SYSTEM, { synonymId: first.id });
    expect(seedSearchSynonyms(db)).toBe(0);
    expect(listSearchSynonyms(db)).toHaveLength(SHIPPED_SYNONYMS.length - 1);
    createSearchSynonym(db, SYSTEM, { expressions: first.expressions });
  });

  it("let 'e-administration' find a fiche about démarches en ligne", () => {
    const found = hrefs("e-administration");
    expect(found).toContain(enLigne);
    expect(found).not.toContain(ateliers);
  });

  it("let the header's suggestions propose a démarches en ligne fiche for 'e-administration'", () => {
    const labels = suggestSearch(db, "e-administration").map((s) => s.label);
    expect(labels).toContain("Faire ses démarches en ligne");
    expect(labels).not.toContain("Ateliers pour les aînés");
  });

  it("expand a run of words that spells an expression, as a phrase, and a single word keeps its prefix", () => {
    expect(expression("personnes âgées")).toBe('("person age" OR "senior")');
    expect(expression("CAF")).toBe('("caf" * OR "caiss d alloc familial")');
    expect(expression("atelier CAF ")).toBe('"ateli" AND ("caf" OR "caiss d alloc familial")');
  });
});

describe("editing a group", () => {
  it("changes the results at the next search, without reindexing", () => {
    expect(hrefs("aînés ")).toEqual([ateliers]);
    expect(hrefs("seniors ")).not.toContain(ateliers);
    const seniors = listSearchSynonyms(db).find((row) => row.expressions.includes("seniors"))!;
    updateSearchSynonym(db, SYSTEM, { synonymId: seniors.id, expressions: ["seniors", "personnes âgées", "aînés"] });
    expect(hrefs("seniors ")).toContain(ateliers);
    deleteSearchSynonym(db, SYSTEM, { synonymId: seniors.id });
    expect(hrefs("seniors ")).not.toContain(ateliers);
  });

  it("is refused to anyone but an admin", () => {
    const input = { expressions: ["tablette", "iPad"] };
    expect(refusal(() => createSearchSynonym(db, null, input))).toBe("Seuls les administrateurs modifient les synonymes de la recherche.");
    for (const role of ["contributeur", "moderateur"] as const) {
      const viewer = getViewerById(db, buildUser({ role }).id);
      expect(refusal(() => createSearchSynonym(db, viewer, input))).toBe("Seuls les administrateurs modifient les synonymes de la recherche.");
      expect(refusal(() => deleteSearchSynonym(db, viewer, { synonymId: 1 }))).toBe("Seuls les administrateurs modifient les synonymes de la recherche.");
    }
    const before = db.select().from(searchSynonym).all().length;
    const admin = getViewerById(db, buildUser({ role: "admin" }).id);
    expect(createSearchSynonym(db, admin, input).expressions).toEqual(["tablette", "iPad"]);
    expect(db.select().from(searchSynonym).all()).toHaveLength(before + 1);
  });

  it("reports a group that no longer exists", () => {
    expect(refusal(() => updateSearchSynonym(db, SYSTEM, { synonymId: 999_999, expressions: ["a1", "b2"] }))).toBe("Ce groupe de synonymes n'existe plus.");
  });
});

describe("synonym group validation", () => {
  const errors = (expressions: unknown) => {
    const parsed = createSynonymSchema.safeParse({ expressions });
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it("reads one expression per line and needs at least two", () => {
    expect(createSynonymSchema.parse({ expressions: " CAF \r\n\n caisse  d'allocations familiales\n" }).expressions).toEqual([
      "CAF",
      "caisse d'allocations familiales",
    ]);
    expect(errors("CAF\n\n")).toEqual(["Un groupe réunit au moins deux expressions, une par ligne."]);
  });

  it("refuses duplicates, signs alone and overlong expressions, in French", () => {
    expect(errors("Démarches en ligne\ndemarches en ligne")).toEqual(["Chaque expression ne figure qu'une fois dans le groupe."]);
    expect(errors("CAF\n---")).toEqual(["Une expression doit contenir au moins une lettre ou un chiffre."]);
    expect(errors(`CAF\n${"a".repeat(81)}`)).toEqual(["Une expression compte 80 caractères au maximum."]);
  });
});
