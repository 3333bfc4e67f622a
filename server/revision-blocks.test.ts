import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bodyBlocks } from "./revision-blocks";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });

describe("bodyBlocks", () => {
  it("reads headings, paragraphs, nested lists and table rows in order, skipping empty blocks", () => {
    const body: JSONContent = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Descriptif")] },
        { type: "paragraph" },
        p(text("Un café "), text("chaque mardi", [{ type: "bold" }]), { type: "hardBreak" }, text("à 10 h.")),
        {
          type: "orderedList",
          attrs: { start: 3 },
          content: [item(p(text("s'inscrire")), p(text("sur place")), { type: "bulletList", content: [item(p(text("ou par téléphone")))] }), item(p(text("venir")))],
        },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", content: [p(text("Jour"))] }, { type: "tableHeader", content: [p(text("Heure"))] }] },
            { type: "tableRow", content: [{ type: "tableCell", content: [p(text("Mardi"))] }, { type: "tableCell", content: [p()] }] },
          ],
        },
      ],
    };
    expect(bodyBlocks(body)).toEqual([
      { kind: "heading", text: "Descriptif" },
      { kind: "paragraph", text: "Un café chaque mardi\nà 10 h." },
      { kind: "item", depth: 0, marker: "3.", text: "s'inscrire" },
      { kind: "item", depth: 0, marker: "", text: "sur place" },
      { kind: "item", depth: 1, marker: "•", text: "ou par téléphone" },
      { kind: "item", depth: 0, marker: "4.", text: "venir" },
      { kind: "row", text: "Jour | Heure" },
      { kind: "row", text: "Mardi | " },
    ]);
  });

  it("shows a link's address after its words, once, so that a changed target shows in a diff", () => {
    const link = (href: string) => [{ type: "link", attrs: { href } }];
    const body: JSONContent = {
      type: "doc",
      content: [
        p(text("Voir "), text("le ", link("https://exemple.org/a")), text("site", [...link("https://exemple.org/a"), { type: "bold" }]), text(".")),
        p(text("https://exemple.org/b", link("https://exemple.org/b"))),
        p(text("www.exemple.org/c", link("http://www.exemple.org/c/"))),
        p(text("Écrire à "), text("l'accueil", link("mailto:accueil@exemple.org"))),
      ],
    };
    expect(bodyBlocks(body).map((b) => b.text)).toEqual([
      "Voir le site (https://exemple.org/a).",
      "https://exemple.org/b",
      "www.exemple.org/c",
      "Écrire à l'accueil (accueil@exemple.org)",
    ]);
  });
});
