import { describe, expect, it } from "vitest";
import { Node } from "@tiptap/pm/model";
import { FICHE_TYPES } from "@/lib/fiche/values";
import { getBaseExtensions, getBodyTemplate, getFicheSchema, isSafeHref } from "./extensions";

function headingsOf(json: ReturnType<typeof getBodyTemplate>) {
  return (json.content ?? []).filter((n) => n.type === "heading").map((n) => n.content?.[0]?.text);
}

describe("the fiche schema", () => {
  it("has headings 2 to 4 only, lists, links and tables, and no ProseMirror history", () => {
    const schema = getFicheSchema();
    for (const name of ["heading", "bulletList", "orderedList", "listItem", "table", "tableRow", "tableCell", "tableHeader"]) {
      expect(schema.nodes[name], name).toBeDefined();
    }
    expect(schema.marks.link).toBeDefined();
    expect(schema.nodes.codeBlock).toBeUndefined();
    const kit = getBaseExtensions().find((e) => e.name === "starterKit")!;
    expect(kit.options.undoRedo).toBe(false);
    expect(kit.options.heading.levels).toEqual([2, 3, 4]);
  });
});

describe("getBodyTemplate", () => {
  it("gives each type its sections, valid against the schema", () => {
    for (const type of FICHE_TYPES) {
      const node = Node.fromJSON(getFicheSchema(), getBodyTemplate(type));
      expect(() => node.check()).not.toThrow();
    }
    expect(headingsOf(getBodyTemplate("pratique"))).toEqual(["Descriptif de l'action", "Éléments spécifiques", "Cible", "Contact"]);
    expect(headingsOf(getBodyTemplate("idee"))).toEqual(["L'idée", "Les pistes"]);
    expect(headingsOf(getBodyTemplate("fiche_pratique"))).toEqual(["Pourquoi ?", "Comment faire, étape par étape", "Ressources"]);
  });

  it("follows each heading with an empty block to write in", () => {
    expect(getBodyTemplate("pratique").content!.map((n) => n.type)).toEqual(["heading", "paragraph", "heading", "paragraph", "heading", "paragraph", "heading", "paragraph"]);
    expect(getBodyTemplate("idee").content!.map((n) => n.type)).toEqual(["heading", "paragraph", "heading", "bulletList"]);
    expect(getBodyTemplate("fiche_pratique").content!.map((n) => n.type)).toEqual([
      "heading",
      "paragraph",
      "heading",
      "orderedList",
      "heading",
      "paragraph",
    ]);
  });
});

describe("isSafeHref", () => {
  it("accepts web, mail and phone links and same-site paths", () => {
    for (const href of ["https://bordeaux.fr", "http://exemple.org/a?b=c", "mailto:contact@exemple.fr", "tel:+33556000000", "/fiches/atelier", "#contact", "HTTPS://EXEMPLE.FR"]) {
      expect(isSafeHref(href), href).toBe(true);
    }
  });

  it("refuses scripts, data, protocol-relative and disguised schemes", () => {
    for (const href of ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " javascript:alert(1)", "data:text/html,<script>", "vbscript:x", "//evil.example", "/\\evil.example", "", "exemple.fr", null, 42]) {
      expect(isSafeHref(href), String(href)).toBe(false);
    }
  });
});
