import { describe, expect, it } from "vitest";
import { buildCasingVocabulary } from "./casing";
import { isBrokenWord, rejoinHyphenation } from "./hyphenation";

// A document's words are all the evidence: these few lines stand for the Livre blanc.
const vocabulary = buildCasingVocabulary(
  [
    "Les localisations des lieux sont publiées.",
    "Un écosystème et la réinsertion des jeunes.",
    "DANS CETTE ÈRE NUMÉRIQUE QUAND VOUS POUVEZ POSTULER",
    "La médiation est une expérimentation.",
  ].join("\n"),
);

describe("rejoinHyphenation", () => {
  it("rejoins a word the PDF broke, when the document writes its second half inside a word", () => {
    expect(rejoinHyphenation("Création de données (géolo-calisation, cartes)", vocabulary)).toBe("Création de données (géolocalisation, cartes)");
  });

  it("rejoins a word the document writes whole elsewhere", () => {
    expect(rejoinHyphenation("une expéri- mentation", vocabulary)).toBe("une expérimentation");
  });

  it("keeps compounds: a half is a word of the document, or the document never vouches for the joined word", () => {
    // "vous" is a word of the document, if only in a capital line.
    expect(rejoinHyphenation("une série de rendez-vous", vocabulary)).toBe("une série de rendez-vous");
    expect(rejoinHyphenation("un temps de remue-méninges", vocabulary)).toBe("un temps de remue-méninges");
  });

  it("keeps a hyphen after a prefix, a one-letter half, a capital and an address", () => {
    expect(rejoinHyphenation("éco-système, ré-insertion, e-inclusion, Royaume-Uni", vocabulary)).toBe("éco-système, ré-insertion, e-inclusion, Royaume-Uni");
    expect(rejoinHyphenation("→ www.geolo-calisation.fr", vocabulary)).toBe("→ www.geolo-calisation.fr");
  });

  it("judges the halves, not the spelling of the whole", () => {
    expect(isBrokenWord("géolo", "calisation", vocabulary)).toBe(true);
    expect(isBrokenWord("rendez", "vous", vocabulary)).toBe(false);
  });
});
