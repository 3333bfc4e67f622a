import type { JSONContent } from "@tiptap/core";
import type { FicheTextBlock, FicheTextField, ImportedFiche, ImportedLien } from "./types";

/*
 * The body of an imported fiche, as ProseMirror JSON of the shared schema (lib/editor/extensions.ts),
 * laid out like the body template of its type so that it reads like a fiche written on the wiki:
 * a pratique has "Descriptif de l'action", "Éléments spécifiques" and "Contact"; an idée has
 * "L'idée" and "Les pistes". The acteurs line stays in the body as written, generic acteurs
 * ("les collectivités") included: those are not in the directory, and this is where they are read.
 */

function text(value: string): JSONContent[] {
  return value ? [{ type: "text", text: value }] : [];
}

function heading(title: string): JSONContent {
  return { type: "heading", attrs: { level: 2 }, content: text(title) };
}

function paragraph(value: string): JSONContent {
  const content = text(value);
  return content.length ? { type: "paragraph", content } : { type: "paragraph" };
}

/** "Label : value", the label in bold, the way the Livre blanc writes its fields. */
function labelled(label: string, value: string): JSONContent {
  return { type: "paragraph", content: [{ type: "text", text: `${label} : `, marks: [{ type: "bold" }] }, ...text(value)] };
}

function bulletList(items: JSONContent[][]): JSONContent {
  return { type: "bulletList", content: items.map((content) => ({ type: "listItem", content: [{ type: "paragraph", content }] })) };
}

function blocks(field: FicheTextField | null, keep: (block: FicheTextBlock) => boolean = () => true): JSONContent[] {
  return (field?.blocks ?? []).filter(keep).map((block) => (block.kind === "paragraph" ? paragraph(block.text) : bulletList(block.items.map(text))));
}

function links(liens: ImportedLien[]): JSONContent | null {
  if (liens.length === 0) return null;
  return bulletList(liens.map((lien) => [{ type: "text", text: lien.texte, marks: [{ type: "link", attrs: { href: lien.url } }] }]));
}

/** A section: its heading and content, or nothing when there is no content. */
function section(title: string, content: (JSONContent | null)[]): JSONContent[] {
  const present = content.filter((node): node is JSONContent => node !== null);
  return present.length ? [heading(title), ...present] : [];
}

function otherPassages(fiche: ImportedFiche): JSONContent[] {
  const items = fiche.autresSources.map((source) => text(`« ${source.section} »`));
  const titles = fiche.titresAlternatifs.map((titre) => `« ${titre} »`).join(", ");
  return section("Ailleurs dans le document", [
    items.length ? paragraph("Cette fiche apparaît aussi dans :") : null,
    items.length ? bulletList(items) : null,
    titles ? paragraph(`Elle y est aussi appelée ${titles}.`) : null,
  ]);
}

/** The body of an imported pratique or idée, built from its parsed sections. */
export function buildImportedBody(fiche: ImportedFiche): JSONContent {
  const publicConcerne = fiche.cible ? paragraph(fiche.cible) : null;
  const content =
    fiche.type === "idee"
      ? [
          ...section("L'idée", blocks(fiche.descriptif, (block) => block.kind === "paragraph")),
          ...section("Les pistes", [fiche.pistes.length ? bulletList(fiche.pistes.map(text)) : null]),
          ...section("Éléments spécifiques", blocks(fiche.elementsSpecifiques)),
          ...section("Public concerné", [publicConcerne]),
          ...section("Acteurs pressentis", [fiche.acteursRaw ? paragraph(fiche.acteursRaw) : null]),
          ...section("Liens", [links(fiche.liens)]),
        ]
      : [
          ...section("Descriptif de l'action", blocks(fiche.descriptif)),
          ...section("Éléments spécifiques", blocks(fiche.elementsSpecifiques)),
          ...section("Public concerné", [publicConcerne]),
          ...section("Contact", [
            fiche.acteursRaw ? labelled("Acteurs", fiche.acteursRaw) : null,
            fiche.intervenantsRaw ? labelled("Intervenants", fiche.intervenantsRaw) : null,
            links(fiche.liens),
          ]),
        ];
  content.push(...otherPassages(fiche));
  return { type: "doc", content: content.length ? content : [paragraph("")] };
}
