import { describe, expect, it } from "vitest";
import { parseSearchQuery } from "./french";
import { escapeHtml, highlightSegments, MARK_CLOSE as C, MARK_OPEN as O, markedTextToHtml, markedWords } from "./highlight";

describe("markedTextToHtml", () => {
  it("escapes the text and turns only the FTS5 marks into <mark>", () => {
    expect(markedTextToHtml(`<script>alert("x")</script> ${O}Bibliothèque${C} & 'co'`)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Bibliothèque</mark> &amp; &#39;co&#39;",
    );
  });

  it("never lets a <mark> typed in the text through", () => {
    expect(markedTextToHtml("<mark>faux</mark>")).toBe("&lt;mark&gt;faux&lt;/mark&gt;");
  });

  it("balances marks whatever their order", () => {
    expect(markedTextToHtml(`${C}a ${O}b${O}c`)).toBe("a <mark>bc</mark>");
  });

  it("lists the marked words", () => {
    expect(markedWords(`Les ${O}ateliers${C} du ${O}numérique${C}`)).toEqual(["ateliers", "numérique"]);
  });

  it("escapes quotes for attributes", () => {
    expect(escapeHtml(`"'<>&`)).toBe("&quot;&#39;&lt;&gt;&amp;");
  });
});

describe("highlightSegments", () => {
  it("marks the words a query finds, with the index's folding, stemming and prefix", () => {
    const segments = highlightSegments("Les bibliothèques de Mérignac", parseSearchQuery("bibliotheque meri"));
    expect(segments).toEqual([
      { text: "Les ", mark: false },
      { text: "bibliothèques", mark: true },
      { text: " de ", mark: false },
      { text: "Mérignac", mark: true },
    ]);
  });

  it("leaves a text without match whole", () => {
    expect(highlightSegments("Atelier numérique", parseSearchQuery("emploi "))).toEqual([{ text: "Atelier numérique", mark: false }]);
  });
});
