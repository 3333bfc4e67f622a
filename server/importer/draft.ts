import { foldText } from "@/lib/slug";
import { cleanLine, endsMidSentence } from "./text";
import type { FicheSource, ImportedFicheType } from "./types";

/*
 * The common ground of both parsers: a fiche being read, line by line, into labelled fields.
 * The Livre blanc parser and the Markdown parser decide where fiches start and end; this module
 * decides what a line is and how lines gather into paragraphs and lists.
 */

export type FieldName = "type" | "acteurs" | "intervenants" | "cible" | "descriptif" | "elements" | "liens";

/** One line of a field: prose, a list item ("-", "•", "1.") or an arrow line ("→"). */
export type DraftEntry = { text: string; line: number; kind: "text" | "bullet" | "arrow"; newParagraph: boolean };

export type FicheDraft = {
  type: ImportedFicheType | null;
  titleLines: { text: string; line: number }[];
  /** Lines before any label: the descriptif of a fiche written as a title and paragraphs. */
  intro: DraftEntry[];
  fields: Partial<Record<FieldName, DraftEntry[]>>;
  section: string;
  document: string;
  origine: "annexe" | "chapitre" | "markdown";
  enjeu: string | null;
  /** Lines where a paragraph cut by a page break was joined back to the previous one. */
  stitchedLines: number[];
};

// Labels as the Livre blanc and the Markdown format write them, folded, "(s)" removed.
const LABELS: Record<string, FieldName> = {
  acteur: "acteurs",
  acteurs: "acteurs",
  porteur: "acteurs",
  porteurs: "acteurs",
  intervenant: "intervenants",
  intervenants: "intervenants",
  cible: "cible",
  cibles: "cible",
  public: "cible",
  publics: "cible",
  "public concerne": "cible",
  "publics concernes": "cible",
  "public cible": "cible",
  action: "descriptif",
  descriptif: "descriptif",
  "descriptif de l'action": "descriptif",
  description: "descriptif",
  piste: "descriptif",
  pistes: "descriptif",
  "elements specifiques": "elements",
  "element specifique": "elements",
  lien: "liens",
  liens: "liens",
  "site web": "liens",
  type: "type",
};

export type ClassifiedLine =
  | { kind: "label"; field: FieldName; value: string }
  | { kind: "bullet"; text: string }
  | { kind: "arrow"; text: string }
  | { kind: "text"; text: string };

/** What a cleaned line is: a field label with its value, a list item, an arrow line or prose. */
export function classifyLine(text: string): ClassifiedLine {
  const label = /^([\p{L}' ’()]{3,40}?)\s*:\s*(.*)$/u.exec(text);
  if (label) {
    const name = foldText(label[1]).replace(/\(s\)/g, "").replace(/’/g, "'").trim();
    const field = LABELS[name];
    if (field) return { kind: "label", field, value: label[2].trim() };
  }
  const bullet = /^(?:[-•*+]|\d{1,2}[.)])\s+(.*)$/u.exec(text);
  if (bullet) return { kind: "bullet", text: bullet[1].trim() };
  if (/^(?:→|->)/.test(text)) return { kind: "arrow", text: text.replace(/^(?:→|->)\s*/, "").trim() };
  return { kind: "text", text };
}

/** A new, empty draft for a fiche whose title starts at `line`. */
export function newDraft(
  title: string,
  line: number,
  context: Pick<FicheDraft, "type" | "section" | "document" | "origine" | "enjeu">,
): FicheDraft {
  return { ...context, titleLines: [{ text: cleanLine(title), line }], intro: [], fields: {}, stitchedLines: [] };
}

/** True once a field label has been read. */
export function hasFields(draft: FicheDraft): boolean {
  return Object.keys(draft.fields).length > 0;
}

/**
 * Adds a line to a field (or to the intro when `field` is null). Prose right below prose, with no
 * blank line between, continues the same paragraph; after a blank line it starts a new one, unless
 * the previous paragraph stops mid-sentence and this one starts in lower case: the PDF cut it at a
 * page break, and it is stitched back.
 */
export function appendEntry(
  draft: FicheDraft,
  field: FieldName | null,
  entry: { text: string; line: number; kind: DraftEntry["kind"] },
  blankBefore: number,
): void {
  const entries = field ? (draft.fields[field] ??= []) : draft.intro;
  const previous = entries[entries.length - 1];
  if (entry.kind === "text" && previous?.kind === "text") {
    // Only text extracted from a PDF has page breaks; a Markdown author's blank line is meant.
    const stitch = draft.origine !== "markdown" && blankBefore > 0 && /^\p{Ll}/u.test(entry.text) && endsMidSentence(previous.text);
    if (blankBefore === 0 || stitch) {
      previous.text = `${previous.text} ${entry.text}`;
      if (stitch) draft.stitchedLines.push(entry.line);
      return;
    }
  }
  entries.push({ ...entry, newParagraph: blankBefore > 0 || !previous });
}

/** Starts a labelled field, with the value written after the colon if any. */
export function startField(draft: FicheDraft, field: FieldName, value: string, line: number): void {
  draft.fields[field] ??= [];
  if (value) appendEntry(draft, field, { text: value, line, kind: "text" }, 1);
}

/** The draft's source citation: its section and the line of its first title line. */
export function draftSource(draft: FicheDraft): FicheSource {
  return { document: draft.document, section: draft.section, line: draft.titleLines[0].line };
}
