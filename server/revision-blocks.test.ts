import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { MISSING_ACTEUR, MISSING_FICHE } from "@/lib/editor/wiki-links";
import type { WikiLinkResolvers } from "./fiche-html";
import { bodyBlocks } from "./revision-blocks";
import { revisionLinkResolvers } from "./revision-links";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const p = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });

// Fiche 1 is published, 2 archived, any other deleted; acteur 7 exists, any other is deleted.
const links: WikiLinkResolvers = revisionLinkResolvers({
  fiche: (id) =>
    id === 1
      ? { label: "Garage informatique", href: "/fiches/garage-informatique", note: null }
      : id === 2
        ? { label: "Café numérique", href: "/fiches/cafe-numerique", note: "fiche archivée" }
        : MISSING_FICHE,
  acteur: (id) => (id === 7 ? { label: "Emmaüs Connect", href: "/acteurs/emmaus-connect", note: null } : MISSING_ACTEUR),
});

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
    expect(bodyBlocks(body, links)).toEqual([
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
    expect(bodyBlocks(body, links).map((b) => b.text)).toEqual([
      "Voir le site (https://exemple.org/a).",
      "https://exemple.org/b",
      "www.exemple.org/c",
      "Écrire à l'accueil (accueil@exemple.org)",
    ]);
  });

  it("shows wiki links and mentions by their labels, led by their sign, and absent targets as the page does", () => {
    const ficheLink = (ficheId: number): JSONContent => ({ type: "ficheLink", attrs: { ficheId } });
    const mention = (acteurId: number): JSONContent => ({ type: "acteurMention", attrs: { acteurId } });
    const body: JSONContent = {
      type: "doc",
      content: [
        p(text("Voir aussi "), ficheLink(1), text(" et le partenaire "), mention(7), text(".")),
        p(ficheLink(2), text(", "), ficheLink(99), text(", "), mention(98), text(", "), { type: "ficheLink", attrs: { ficheId: "n'importe quoi" } }),
        {
          type: "table",
          content: [{ type: "tableRow", content: [{ type: "tableCell", content: [p(text("Avec "), mention(7))] }, { type: "tableCell", content: [p(ficheLink(1))] }] }],
        },
      ],
    };
    expect(bodyBlocks(body, links).map((b) => b.text)).toEqual([
      "Voir aussi → Garage informatique et le partenaire @Emmaüs Connect.",
      "→ Café numérique (fiche archivée), (fiche supprimée), (acteur supprimé),",
      "Avec @Emmaüs Connect | → Garage informatique",
    ]);
  });
});
