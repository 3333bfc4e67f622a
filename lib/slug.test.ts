import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("strips accents, ligatures, case and punctuation", () => {
    expect(slugify("Mettre en œuvre et évaluer")).toBe("mettre-en-oeuvre-et-evaluer");
    expect(slugify("  Personnes allophones / migrantes !  ")).toBe("personnes-allophones-migrantes");
    expect(slugify("E-inclusion")).toBe("e-inclusion");
    expect(slugify("Ça, c'est l'Été 2024")).toBe("ca-c-est-l-ete-2024");
  });

  it("returns an empty slug when nothing is left, and never ends on a dash when cut", () => {
    expect(slugify("?!… —")).toBe("");
    expect(slugify("abc def", 4)).toBe("abc");
  });
});
