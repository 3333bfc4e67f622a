import { describe, expect, it } from "vitest";
import { firstFreeSlug, foldText, slugify } from "./slug";

describe("foldText", () => {
  it("drops accents, ligatures and case", () => {
    expect(foldText("Œuvre ÉCOLE Mérignac Cœur")).toBe("oeuvre ecole merignac coeur");
  });
});

describe("slugify", () => {
  it("turns a French name into a URL part", () => {
    expect(slugify("Médiathèque de Mériadeck !")).toBe("mediatheque-de-meriadeck");
    expect(slugify("L'Atelier d’Emmaüs Connect")).toBe("l-atelier-d-emmaus-connect");
    expect(slugify("CCAS  de  Bègles -- centre")).toBe("ccas-de-begles-centre");
  });

  it("falls back when nothing remains and cuts long names at a word boundary", () => {
    expect(slugify("!!!", "acteur")).toBe("acteur");
    const long = slugify("association ".repeat(20));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith("-")).toBe(false);
    expect(long.endsWith("association")).toBe(true);
  });
});

describe("firstFreeSlug", () => {
  it("numbers from 2 until a slug is free", () => {
    const taken = new Set(["ccas", "ccas-2"]);
    expect(firstFreeSlug("ccas", (s) => taken.has(s))).toBe("ccas-3");
    expect(firstFreeSlug("libre", (s) => taken.has(s))).toBe("libre");
  });
});
