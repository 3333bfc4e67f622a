import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { bodyToMarkdown } from "./markdown-body";

const text = (value: string, ...marks: JSONContent["marks"] & object): JSONContent => ({ type: "text", text: value, ...(marks.length ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const li = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const bold = { type: "bold" };
const italic = { type: "italic" };
const link = (href: string) => ({ type: "link", attrs: { href } });

describe("bodyToMarkdown", () => {
  it("writes headings at their level and paragraphs separated by a blank line, leaving empty ones out", () => {
    const body = doc({ type: "heading", attrs: { level: 3 }, content: [text("Contact")] }, p(), p(text("Un café.")));
    expect(bodyToMarkdown(body)).toBe("### Contact\n\nUn café.");
  });

  it("nests marks across text nodes and keeps spaces outside the markers", () => {
    const body = doc(p(text("Un "), text("café ", bold), text("très", bold, italic), text(" fort", italic), text(" et "), text("le site", link("https://exemple.org/a b(c)"))));
    expect(bodyToMarkdown(body)).toBe("Un **café *très*** *fort* et [le site](https://exemple.org/a%20b%28c%29)");
  });

  it("escapes what Markdown would read as syntax", () => {
    const body = doc(p(text("# pas un titre")), p(text("1. pas une liste, *ni* [un lien]")), p(text("- ni une puce")));
    expect(bodyToMarkdown(body)).toBe("\\# pas un titre\n\n1\\. pas une liste, \\*ni\\* \\[un lien\\]\n\n\\- ni une puce");
  });

  it("writes bullet and ordered lists, nested ones indented under their item", () => {
    const body = doc(
      { type: "bulletList", content: [li(p(text("un")), { type: "orderedList", attrs: { start: 3 }, content: [li(p(text("trois"))), li(p(text("quatre")))] }), li(p(text("deux")))] },
    );
    expect(bodyToMarkdown(body)).toBe("- un\n  3. trois\n  4. quatre\n- deux");
  });

  it("writes a table with its first row as header, pipes escaped", () => {
    const cell = (type: string, value: string): JSONContent => ({ type, content: [p(text(value))] });
    const body = doc({
      type: "table",
      content: [
        { type: "tableRow", content: [cell("tableHeader", "Jour"), cell("tableHeader", "A | B")] },
        { type: "tableRow", content: [cell("tableCell", "Mardi"), cell("tableCell", "10 h")] },
      ],
    });
    expect(bodyToMarkdown(body)).toBe("| Jour | A \\| B |\n| --- | --- |\n| Mardi | 10 h |");
  });

  it("turns a hard break into a backslash line end", () => {
    expect(bodyToMarkdown(doc(p(text("ligne 1"), { type: "hardBreak" }, text("ligne 2"))))).toBe("ligne 1\\\nligne 2");
  });
});
