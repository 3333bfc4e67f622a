import { describe, expect, it } from "vitest";
import {
  cleanDisplayText,
  editDistance,
  foldWord,
  parseSearchQuery,
  tokenize,
  toMatchExpression,
  typoTolerance,
} from "./french";
import { parseStemmedQuery, prefixForms, stemFrench, stemmedText } from "./stemmer";

const stem = (word: string) => stemFrench(foldWord(word));
const match = (input: string, options?: Parameters<typeof parseStemmedQuery>[1]) => toMatchExpression(parseStemmedQuery(input, options));

describe("folding and tokens", () => {
  it("drops case, accents and ligatures", () => {
    expect(foldWord("ÉCOLE")).toBe("ecole");
    expect(foldWord("Mérignac")).toBe("merignac");
    expect(foldWord("Œuvre")).toBe("oeuvre");
    expect(foldWord("ﬁnancement")).toBe("financement");
    expect(foldWord("Straße")).toBe("strasse");
    expect(foldWord("e\u0301te\u0301")).toBe("ete");
  });

  it("cuts words at apostrophes, both straight and typographic, and at hyphens", () => {
    expect(tokenize("l'école d’été, Saint-Médard").map((t) => t.word)).toEqual(["l", "ecole", "d", "ete", "saint", "medard"]);
    const text = "L’accès aux droits";
    expect(tokenize(text).map((t) => text.slice(t.start, t.end))).toEqual(["L", "accès", "aux", "droits"]);
  });

  it("indexes one stem per original token, so FTS5 marks land on the original words", () => {
    const text = "L’accès des seniors aux démarches administratives, n°3";
    expect(stemmedText(text).split(" ")).toHaveLength(tokenize(text).length);
    expect(stemmedText(text)).toBe("l acce de senior aux demarch administr n 3");
  });

  it("turns control characters (the highlight marks) into spaces, which keeps tokens apart", () => {
    expect(cleanDisplayText("a\u0002b\u0003c")).toBe("a b c");
    expect(cleanDisplayText("e\u0301cole")).toBe("école");
  });
});

describe("stemFrench (Snowball): singular and plural meet", () => {
  const pairs: [string, string][] = [
    ["senior", "seniors"],
    ["démarche", "démarches"],
    ["administrative", "administratives"],
    ["bibliothèque", "bibliothèques"],
    ["journal", "journaux"],
    ["local", "locaux"],
    ["social", "sociaux"],
    ["cheval", "chevaux"],
    ["bureau", "bureaux"],
    ["réseau", "réseaux"],
    ["eau", "eaux"],
    ["jeu", "jeux"],
    ["lieu", "lieux"],
    ["genou", "genoux"],
    ["travail", "travaux"],
    ["vitrail", "vitraux"],
    ["tuyau", "tuyaux"],
    ["noyau", "noyaux"],
    ["mal", "maux"],
    ["atelier", "ateliers"],
    ["activité", "activités"],
  ];
  it.each(pairs)("%s = %s", (singular, plural) => {
    expect(stem(plural)).toBe(stem(singular));
  });

  it("meets masculine and feminine where it is cheap", () => {
    expect(stem("âgée")).toBe(stem("âgé"));
    expect(stem("âgées")).toBe(stem("âge"));
    expect(stem("médiatrice")).toBe(stem("médiateur"));
    expect(stem("médiatrices")).toBe(stem("médiateurs"));
    expect(stem("inclusive")).toBe(stem("inclusif"));
    expect(stem("professionnelle")).toBe(stem("professionnel"));
    expect(stem("salariée")).toBe(stem("salarié"));
    expect(stem("personnes")).toBe(stem("personne"));
  });

  it("meets the words of a family where Snowball does", () => {
    expect(stem("administration")).toBe("administr");
    expect(stem("administratives")).toBe("administr");
    expect(stem("administratif")).toBe("administr");
    expect(stem("numériques")).toBe(stem("numérique"));
    expect(stem("accompagner")).toBe(stem("accompagnement"));
    expect(stem("accompagnés")).toBe(stem("accompagnement"));
    // Folded first, as people type: with or without accents, one stem.
    expect(stem("activite")).toBe(stem("activités"));
  });

  it("leaves invariable words, short words and numbers alone", () => {
    expect(stem("prix")).toBe("prix");
    expect(stem("choix")).toBe("choix");
    expect(stem("taux")).toBe("taux");
    expect(stem("bus")).toBe("bus");
    expect(stem("2024")).toBe("2024");
    expect(stem("3d")).toBe("3d");
  });

  it("keeps words apart that only look alike", () => {
    expect(stem("journal")).not.toBe(stem("journée"));
    expect(stem("emploi")).not.toBe(stem("employeur"));
    expect(stem("santé")).not.toBe(stem("sans"));
  });
});

describe("prefixes while typing", () => {
  const lexicon = [
    "bibliothèques", "médiathèque", "journaux", "travaux", "bureaux", "chevaux", "réseaux", "médiatrices", "médiateur",
    "animatrice", "administratives", "administration", "administratif", "démarches", "seniors", "âgées", "personnes", "professionnelles", "inclusive",
    "numérique", "accompagnement", "ordinateurs", "tablettes", "lieux", "jeux", "activités", "formatrice", "adresses", "accompagner", "numériques",
    "informatique", "associations", "personnalisé", "professionnellement", "illectronisme", "allocations", "familiales",
  ];
  it("every start of a word (from 3 letters) is a prefix of the word's stem", () => {
    for (const word of lexicon.map(foldWord)) {
      const target = stemFrench(word);
      for (let n = 3; n <= word.length; n++) {
        const typed = word.slice(0, n);
        const forms = prefixForms(typed);
        const found = forms.starts.some((form) => target.startsWith(form)) || forms.stems.includes(target);
        expect(found, `${typed}… → ${target}`).toBe(true);
      }
    }
  });

  it("keeps the forms that add something", () => {
    expect(prefixForms("journau").starts).toEqual(["journau", "journal"]);
    expect(prefixForms("bibliotheque")).toEqual({ starts: ["bibliothequ"], stems: [] });
    expect(prefixForms("mediatr").starts).toContain("mediateur");
    expect(prefixForms("administrati")).toEqual({ starts: ["administrat"], stems: ["administr"] });
    expect(prefixForms("numeriq")).toEqual({ starts: ["numeriq"], stems: ["numer"] });
    // Never a stem so short that it would match unrelated words ("par" while typing "paris").
    expect(prefixForms("pari").stems).toEqual([]);
  });

  it("makes the last word a prefix, from the minimum length, unless the query ends with a space", () => {
    expect(match("bibliothèque munic")).toBe('"bibliothequ" AND "munic" *');
    expect(match("journau")).toBe('("journau" * OR "journal" * OR "journ" OR "journa")');
    expect(match("ateliers num")).toBe('"ateli" AND "num" *');
    expect(match("ateliers nu")).toBe('"ateli" AND "nu"');
    expect(match("ateliers nu", { minPrefixLength: 2 })).toBe('"ateli" AND "nu" *');
    expect(match("ateliers num ")).toBe('"ateli" AND "num"');
    expect(match("numérique", { prefixLast: false })).toBe('"numer"');
  });
});

describe("parseSearchQuery", () => {
  it("drops elisions and function words", () => {
    expect(match("l'accès aux droits ")).toBe('"acce" AND "droit"');
    expect(match("qu’il s'agisse d'emploi ")).toBe('"agiss" AND "emploi"');
    expect(match("démarches administratives pour les seniors")).toBe('"demarch" AND "administr" AND "senior" *');
  });

  it("keeps function words when nothing else is left", () => {
    expect(match("de la")).toBe('"de" AND "la"');
  });

  it("reads quoted phrases and compound words as phrases", () => {
    expect(match('"aide aux devoirs" seniors ')).toBe('"aid aux devoir" AND "senior"');
    expect(match("Saint-Médard-en-Jalles ")).toBe('"saint medard en jall"');
    expect(match("Saint-Méd")).toBe('"saint med" *');
  });

  it("ignores an unmatched quote", () => {
    expect(match('"fracture numérique ')).toBe('"fractur" AND "numer"');
    expect(match('"a b" "c ')).toBe('"a b" AND "c"');
  });

  it("keeps the query short", () => {
    expect(parseSearchQuery("mot ".repeat(100)).terms.length).toBeLessThanOrEqual(12);
    expect(parseSearchQuery("x".repeat(1000)).text.length).toBe(200);
  });

  it("finds nothing to search in signs alone", () => {
    expect(match("")).toBeNull();
    expect(match("  --- *** ()  ")).toBeNull();
  });
});

describe("query syntax safety", () => {
  // What toMatchExpression may produce: quoted phrases of letters and digits, optionally with a
  // prefix star, alternatives in parentheses, joined by AND. Nothing typed can add anything else.
  const PHRASE = String.raw`"[\p{L}\p{N} ]+"(?: \*)?`;
  const TERM = `(?:${PHRASE}|\\(${PHRASE}(?: OR ${PHRASE})*\\))`;
  const GRAMMAR = new RegExp(`^${TERM}(?: AND ${TERM})*$`, "u");
  const hostile = [
    'numérique" OR "x',
    "a AND b OR c NOT d",
    "NEAR(ateliers numérique, 5)",
    "-atelier +numérique",
    "titre:atelier {corps}: x",
    "^début *fin* **",
    "(parenthèse ouverte",
    "fermée)",
    "'; DROP TABLE fiche; --",
    'quote "" vide',
    "col : (a OR b)",
    "\u0002mark\u0003",
    "😀 émoji",
  ];
  it.each(hostile)("%s", (input) => {
    const expression = match(input);
    expect(expression).not.toBeNull();
    expect(expression).toMatch(GRAMMAR);
  });

  it("turns operators typed by the user into plain words", () => {
    expect(match("accès OR emploi NOT jeunes ")).toBe('"acce" AND "or" AND "emploi" AND "not" AND "jeun"');
    expect(match("NEAR(a b)")).toBe('"near a" AND "b"');
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and swaps", () => {
    expect(editDistance("bibliotheq", "bibliothequ", 2)).toBe(1);
    expect(editDistance("bilbiothequ", "bibliothequ", 2)).toBe(1);
    expect(editDistance("mediateur", "mediatuer", 2)).toBe(1);
    expect(editDistance("senior", "senior", 1)).toBe(0);
    expect(editDistance("atelier", "ateleir", 1)).toBe(1);
  });

  it("gives up beyond the maximum", () => {
    expect(editDistance("numerique", "emploi", 2)).toBe(3);
    expect(editDistance("a", "abcdef", 2)).toBe(3);
  });

  it("tolerates more errors in longer words", () => {
    expect(typoTolerance("cafe")).toBe(1);
    expect(typoTolerance("bus")).toBe(0);
    expect(typoTolerance("bibliotheqe")).toBe(2);
  });
});
