import { describe, expect, it } from "vitest";
import { renderFicheHtml } from "./fiche-html";
import { decodeEntities, htmlToBlocks } from "./html-blocks";

const text = (value: string) => ({ type: "text", text: value });
const p = (...content: object[]) => ({ type: "paragraph", content });

describe("htmlToBlocks", () => {
  it("reads the renderer's headings, paragraphs, nested lists, links and tables", () => {
    const html = renderFicheHtml({
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [text("Pourquoi ?")] },
        p(text("L’atelier « Clic & déclic » aide les "), { type: "text", text: "seniors", marks: [{ type: "bold" }] }, text(".")),
        {
          type: "orderedList",
          content: [
            { type: "listItem", content: [p(text("Accueillir")), { type: "bulletList", content: [{ type: "listItem", content: [p(text("Écouter"))] }] }] },
            { type: "listItem", content: [p(text("Voir "), { type: "text", text: "le site", marks: [{ type: "link", attrs: { href: "https://exemple.fr/a?b=1&c=2" } }] })] },
          ],
        },
        {
          type: "table",
          content: [
            { type: "tableRow", content: [{ type: "tableHeader", content: [p(text("Jour"))] }, { type: "tableHeader", content: [p(text("Lieu"))] }] },
            { type: "tableRow", content: [{ type: "tableCell", content: [p(text("Mardi"))] }, { type: "tableCell", content: [p(text("Bègles"))] }] },
          ],
        },
      ],
    });
    expect(htmlToBlocks(html)).toEqual([
      { kind: "heading", level: 2, text: "Pourquoi ?" },
      { kind: "paragraph", text: "L’atelier « Clic & déclic » aide les seniors." },
      { kind: "item", depth: 0, marker: "1.", text: "Accueillir" },
      { kind: "item", depth: 1, marker: "•", text: "Écouter" },
      { kind: "item", depth: 0, marker: "2.", text: "Voir le site (https://exemple.fr/a?b=1&c=2)" },
      { kind: "row", header: true, cells: ["Jour", "Lieu"] },
      { kind: "row", header: false, cells: ["Mardi", "Bègles"] },
    ]);
  });

  it("keeps line breaks, leaves out empty blocks and does not repeat a link shown as its address", () => {
    expect(htmlToBlocks('<p>Un<br>deux</p><p></p><p><a href="https://exemple.fr">https://exemple.fr</a> <a href="http://www.exemple.fr/">www.exemple.fr</a></p><h3> </h3>')).toEqual([
      { kind: "paragraph", text: "Un\ndeux" },
      { kind: "paragraph", text: "https://exemple.fr www.exemple.fr" },
    ]);
  });
});

describe("decodeEntities", () => {
  it("decodes named, decimal and hexadecimal references and leaves unknown ones", () => {
    expect(decodeEntities("&lt;a&gt; &amp; &quot;b&quot; &#39;c&#39; &#x2019; &nbsp;&unknown;")).toBe("<a> & \"b\" 'c' ’ \u00a0&unknown;");
  });
});
