import type { JSONContent } from "@tiptap/core";
import { FICHE_LINK } from "@/lib/editor/wiki-links";
import type { FicheTextBlock, FicheTextField, ImportedFiche, ImportedLien } from "./types";

/*
 * The body of an imported fiche, as ProseMirror JSON of the shared schema (lib/editor/extensions.ts),
 * laid out like the body template of its type so that it reads like a fiche written on the wiki:
 * a pratique has "Descriptif de l'action", "Éléments spécifiques" and "Cible" (the Livre blanc's own
 * word); an idée has "L'idée" and "Les pistes". The acteurs go under "Acteurs", not the template's
 * "Contact": the source gives no contact details. The acteurs line stays in the body as written, generic acteurs
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

/** A fiche that an imported one continues ("Dans la suite de"): its id, or null when no fiche has that title. */
export type SuiteLink = { titre: string; ficheId: number | null };

/** « Dans la suite de : A, B. », each found fiche as a wiki link; a title found nowhere stays written, unlinked. */
function suiteParagraph(suite: SuiteLink[]): JSONContent | null {
  if (suite.length === 0) return null;
  const content: JSONContent[] = [{ type: "text", text: "Dans la suite de : ", marks: [{ type: "bold" }] }];
  suite.forEach((link, i) => {
    if (i > 0) content.push({ type: "text", text: ", " });
    content.push(link.ficheId === null ? { type: "text", text: `« ${link.titre} »` } : { type: FICHE_LINK, attrs: { ficheId: link.ficheId } });
  });
  content.push({ type: "text", text: "." });
  return { type: "paragraph", content };
}

/** A fiche pratique, laid out like its template: why, how, and the resources (links, who wrote it). */
function fichePratiqueBody(fiche: ImportedFiche): JSONContent[] {
  return [
    ...section("Pourquoi ?", blocks(fiche.descriptif)),
    ...section("Comment faire, étape par étape", blocks(fiche.elementsSpecifiques)),
    ...section("Public concerné", [fiche.cible ? paragraph(fiche.cible) : null]),
    ...section("Ressources", [
      links(fiche.liens),
      fiche.acteursRaw ? labelled("Acteurs", fiche.acteursRaw) : null,
      fiche.intervenantsRaw ? labelled("Intervenants", fiche.intervenantsRaw) : null,
    ]),
  ];
}

/** The body of an imported pratique, idée or fiche pratique, built from its parsed sections; `suite` opens it. */
export function buildImportedBody(fiche: ImportedFiche, options: { suite?: SuiteLink[] } = {}): JSONContent {
  const publicConcerne = fiche.cible ? paragraph(fiche.cible) : null;
  const content =
    fiche.type === "fiche_pratique"
      ? fichePratiqueBody(fiche)
      : fiche.type === "idee"
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
          ...section("Cible", [publicConcerne]),
          ...section("Acteurs", [
            fiche.acteursRaw ? labelled("Acteurs", fiche.acteursRaw) : null,
            fiche.intervenantsRaw ? labelled("Intervenants", fiche.intervenantsRaw) : null,
            links(fiche.liens),
          ]),
        ];
  content.push(...otherPassages(fiche));
  const suite = suiteParagraph(options.suite ?? []);
  if (suite) content.unshift(suite);
  return { type: "doc", content: content.length ? content : [paragraph("")] };
}
