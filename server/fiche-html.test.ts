import { describe, expect, it } from "vitest";
import type { JSONContent } from "@tiptap/core";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import { getBaseExtensions } from "@/lib/editor/extensions";
import { createHtmlRenderer, parseBody, renderFicheBody, renderFicheExtrait, renderFicheHtml, renderFicheTexte } from "./fiche-html";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, marks });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

describe("renderFicheHtml", () => {
  it("renders headings, marks and lists", () => {
    const html = renderFicheHtml(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Descriptif")] },
        { type: "heading", attrs: { level: 4 }, content: [text("Détail")] },
        p(text("Un "), text("atelier", [{ type: "bold" }]), text(" "), text("mensuel", [{ type: "italic" }])),
        { type: "bulletList", content: [{ type: "listItem", content: [p(text("un"))] }, { type: "listItem", content: [p(text("deux"))] }] },
        { type: "orderedList", attrs: { start: 3 }, content: [{ type: "listItem", content: [p(text("trois"))] }] },
      ),
    );
    expect(html).toBe(
      "<h2>Descriptif</h2><h4>Détail</h4><p>Un <strong>atelier</strong> <em>mensuel</em></p>" +
        "<ul><li><p>un</p></li><li><p>deux</p></li></ul>" +
        '<ol start="3"><li><p>trois</p></li></ol>',
    );
  });

  it("turns a heading level outside 2–4 into a level 2 heading", () => {
    expect(renderFicheHtml(doc({ type: "heading", attrs: { level: 1 }, content: [text("Titre")] }))).toBe("<h2>Titre</h2>");
  });

  it("renders safe links with rel and drops unsafe ones, keeping their text", () => {
    const html = renderFicheHtml(
      doc(
        p(
          text("site", [{ type: "link", attrs: { href: "https://exemple.fr/?a=1&b=2", target: "_blank", class: "x", rel: "" } }]),
          text(" et "),
          text("piège", [{ type: "link", attrs: { href: "javascript:alert(1)" } }]),
        ),
      ),
    );
    expect(html).toBe('<p><a rel="noopener noreferrer nofollow" href="https://exemple.fr/?a=1&amp;b=2">site</a> et piège</p>');
  });

  it("renders tables with header cells", () => {
    const cell = (type: string, value: string): JSONContent => ({ type, content: [p(text(value))] });
    const html = renderFicheHtml(
      doc({
        type: "table",
        content: [
          { type: "tableRow", content: [cell("tableHeader", "Jour"), cell("tableHeader", "Lieu")] },
          { type: "tableRow", content: [cell("tableCell", "Mardi"), cell("tableCell", "Médiathèque")] },
        ],
      }),
    );
    expect(html).toMatch(/^<table[^>]*><colgroup>.*<\/colgroup><tbody>/);
    expect(html).toContain('<tr><th colspan="1" rowspan="1"><p>Jour</p></th><th colspan="1" rowspan="1"><p>Lieu</p></th></tr>');
    expect(html).toContain('<tr><td colspan="1" rowspan="1"><p>Mardi</p></td><td colspan="1" rowspan="1"><p>Médiathèque</p></td></tr>');
  });

  it("escapes text, ignores injected styles and unwraps unknown nodes", () => {
    const html = renderFicheHtml(
      doc(
        p(text('<script>alert("x")</script>')),
        { type: "table", content: [{ type: "tableRow", content: [{ type: "tableCell", attrs: { align: "left; background:url(//x)" }, content: [p(text("a"))] }] }] },
        { type: "iframe", attrs: { src: "https://evil.example" }, content: [p(text("dedans"))] },
      ),
    );
    expect(html).toContain("<p>&lt;script&gt;alert(\"x\")&lt;/script&gt;</p>");
    expect(html).not.toContain("url(");
    expect(html).not.toContain("iframe");
    expect(html).toContain("<p>dedans</p>");
  });

  it("renders an empty body as nothing", () => {
    expect(renderFicheHtml(doc())).toBe("");
    expect(renderFicheHtml({ type: "doc" })).toBe("");
  });
});

describe("renderFicheTexte", () => {
  it("gives the plain text, blocks separated by blank lines", () => {
    const texte = renderFicheTexte(
      doc(
        { type: "heading", attrs: { level: 2 }, content: [text("Contact")] },
        p(text("Écrire à "), text("l'équipe", [{ type: "link", attrs: { href: "mailto:a@b.fr" } }]), { type: "hardBreak" }, text("ou passer")),
        p(),
      ),
    );
    expect(texte).toBe("Contact\n\nÉcrire à l'équipe\nou passer");
  });
});

describe("renderFicheExtrait", () => {
  it("skips headings and cuts long text at a word", () => {
    const body = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Descriptif de l'action")] },
      p(text("Un atelier chaque mardi.")),
      { type: "heading", attrs: { level: 2 }, content: [text("Contact")] },
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("Sur place"))] }] },
    );
    expect(renderFicheExtrait(body)).toBe("Un atelier chaque mardi. Contact : Sur place");
    expect(renderFicheExtrait(body, 16)).toBe("Un atelier…");
    expect(renderFicheExtrait(doc({ type: "heading", attrs: { level: 2 }, content: [text("Seul titre")] }), 16)).toBe("");
  });

  it("keeps sections without a description apart, each named by its heading", () => {
    const heading = (title: string) => ({ type: "heading", attrs: { level: 2 }, content: [text(title)] });
    const body = doc(
      heading("Public concerné"),
      p(text("Citoyens")),
      heading("Acteurs"),
      p(text("Acteurs : Collectivité")),
      heading("Pourquoi ?"),
      p(text("Parce que")),
      heading("Ailleurs dans le document"),
      p(text("Cette fiche apparaît aussi dans :")),
      { type: "bulletList", content: [{ type: "listItem", content: [p(text("« Annexe »"))] }] },
    );
    expect(renderFicheExtrait(body)).toBe(
      "Public concerné : Citoyens. Acteurs : Collectivité. Parce que. Ailleurs dans le document : Cette fiche apparaît aussi dans : « Annexe »",
    );
  });
});

// Every node and mark of the schema, wiki links and escapes included.
const everything = doc(
  { type: "heading", attrs: { level: 3 }, content: [text("Un <titre> & co")] },
  p(
    text("gras", [{ type: "bold" }]),
    text(" lien", [{ type: "italic" }, { type: "link", attrs: { href: "https://exemple.fr/?a=1&b=\"2\"" } }]),
    { type: "hardBreak" },
    { type: "ficheLink", attrs: { ficheId: 12 } },
    { type: "acteurMention", attrs: { acteurId: 7 } },
  ),
  { type: "bulletList", content: [{ type: "listItem", content: [p(text("un"))] }] },
  { type: "orderedList", attrs: { start: 2, type: "a" }, content: [{ type: "listItem", content: [p(text("deux"))] }] },
  {
    type: "table",
    content: [
      { type: "tableRow", content: [{ type: "tableHeader", attrs: { colwidth: [120] }, content: [p(text("Jour"))] }] },
      { type: "tableRow", content: [{ type: "tableCell", attrs: { colspan: 2, align: "center" }, content: [p(text("Mardi"))] }] },
    ],
  },
);

describe("createHtmlRenderer", () => {
  it("renders exactly what Tiptap's renderToHTMLString renders", () => {
    const resolve = (id: number) => ({ label: `cible ${id}`, href: `/x/${id}`, note: id === 12 ? "fiche archivée" : null });
    const extensions = getBaseExtensions({ ficheLink: { resolve }, acteurMention: { resolve } });
    const body = parseBody(everything);
    const html = createHtmlRenderer(extensions)(body);
    expect(html).toContain("cible 12");
    expect(html).toBe(renderToHTMLString({ content: body, extensions }));
  });
});

describe("renderFicheBody", () => {
  it("gives what renderFicheHtml, renderFicheTexte and renderFicheExtrait give", () => {
    const resolve = (id: number) => ({ label: `cible ${id}`, href: `/x/${id}`, note: null });
    const links = { fiche: resolve, acteur: resolve };
    expect(renderFicheBody(everything, links)).toEqual({
      html: renderFicheHtml(everything, links),
      texte: renderFicheTexte(everything, links),
      extrait: renderFicheExtrait(everything, undefined, links),
    });
    expect(renderFicheBody(everything, links).texte).toContain("cible 7");
  });
});
