import { describe, expect, it } from "vitest";
import { diffWords, sideOf, tokenizeWords } from "./words";

describe("tokenizeWords", () => {
  it("splits words, spaces and punctuation, and loses nothing", () => {
    const text = "L'atelier numérique, le mardi  à 14 h !";
    const tokens = tokenizeWords(text);
    expect(tokens.join("")).toBe(text);
    expect(tokens).toContain("numérique");
    expect(tokens).toContain("'");
    expect(tokens).toContain("  ");
  });
});

describe("diffWords", () => {
  it("marks an inserted word alone", () => {
    expect(diffWords("Accueil le mardi", "Accueil libre le mardi")).toEqual([
      { op: "equal", text: "Accueil " },
      { op: "insert", text: "libre " },
      { op: "equal", text: "le mardi" },
    ]);
  });

  it("reads a replaced phrase as the old wording then the new one", () => {
    const segments = diffWords("Ouvert le mardi matin.", "Ouvert chaque jeudi soir.");
    expect(segments).toEqual([
      { op: "equal", text: "Ouvert " },
      { op: "delete", text: "le mardi matin" },
      { op: "insert", text: "chaque jeudi soir" },
      { op: "equal", text: "." },
    ]);
  });

  it("gives back both sides exactly", () => {
    const before = "Des ateliers pour les seniors, à la médiathèque.";
    const after = "Des ateliers gratuits pour tous, à la médiathèque de Cenon.";
    const segments = diffWords(before, after);
    expect(sideOf(segments, "before")).toBe(before);
    expect(sideOf(segments, "after")).toBe(after);
  });

  it("returns one equal segment for identical texts and nothing for two empty ones", () => {
    expect(diffWords("même texte", "même texte")).toEqual([{ op: "equal", text: "même texte" }]);
    expect(diffWords("", "")).toEqual([]);
    expect(diffWords("", "nouveau")).toEqual([{ op: "insert", text: "nouveau" }]);
  });
});
