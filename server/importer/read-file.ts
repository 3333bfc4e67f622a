import { slugify } from "@/lib/slug";
import { decodeImportFile } from "./decode";
import { parseLivreBlanc } from "./livre-blanc";
import { parseFicheMarkdown } from "./markdown";
import type { ImportedFiche, ImportError, ImportErrorCode, ImportResult } from "./types";

/** The two formats the importer reads: the Livre blanc's extracted text, and Markdown with its headings (FORMAT.md). */
export type ImportFormat = "livre-blanc" | "markdown";

/** The document an import reads: `id` namespaces its fiches' keys, `title` names it in citations. */
export type ImportDocument = { id: string; title: string; format: ImportFormat; filename: string; encoding: "utf-8" | "windows-1252" };

export type ImportFile = { ok: true; document: ImportDocument; text: string; result: ImportResult } | { ok: false; error: ImportError };

/** The id of the Livre blanc as a source document: every fiche it gives is keyed under it. */
export const LIVRE_BLANC_DOCUMENT_ID = "livre-blanc-solidarite-numerique-bordeaux-2016";

const TEXT_EXTENSIONS = new Set(["txt", "text"]);
const MARKDOWN_EXTENSIONS = new Set(["md", "markdown"]);

function fail(code: ImportErrorCode, message: string, messageFr: string, line?: number): ImportFile {
  return { ok: false, error: { code, message, messageFr, ...(line === undefined ? {} : { line }) } };
}

/** The file's own name, without any folder a browser or a shell put before it. */
function baseName(filename: string): string {
  return (filename.split(/[\\/]/).pop() ?? "").trim().slice(0, 200) || "document";
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

// A spreadsheet runs a cell starting with "=", or with "+", "-" or "@" followed by a function call
// or a DDE link ("+cmd|' /C calc'!A0"), as a formula. Imported values end up in exports and copies.
const FORMULA = /^\s*(?:=|[+\-@]\s*[A-Za-z_][\w.]*[(|!])/;

/** Every single value of a fiche that could become a spreadsheet cell, named for the error message. */
function valuesOf(fiche: ImportedFiche): { en: string; fr: string; value: string }[] {
  const values = [{ en: "title", fr: "le titre", value: fiche.titreSource }];
  const add = (en: string, fr: string, value: string | null | undefined) => {
    if (value) values.push({ en, fr, value });
  };
  add("acteurs line", "la ligne des acteurs", fiche.acteursRaw);
  for (const acteur of fiche.acteurs) add("acteur name", "le nom d'un acteur", acteur.nom);
  add("cible", "la cible", fiche.cible);
  add("intervenants line", "la ligne des intervenants", fiche.intervenantsRaw);
  for (const field of [fiche.descriptif, fiche.elementsSpecifiques]) {
    for (const block of field?.blocks ?? []) {
      for (const text of block.kind === "paragraph" ? [block.text] : block.items) add("text", "le texte", text);
    }
  }
  for (const lien of fiche.liens) add("link text", "le texte d'un lien", lien.texte);
  return values;
}

function lineOf(text: string, value: string, fallback: number): number {
  const at = text.indexOf(value.trim().slice(0, 40));
  return at === -1 ? fallback : text.slice(0, at).split("\n").length;
}

function findFormula(result: ImportResult, text: string, name: string): ImportFile | null {
  for (const fiche of result.fiches) {
    for (const { en, fr, value } of valuesOf(fiche)) {
      if (!FORMULA.test(value)) continue;
      const line = lineOf(text, value, fiche.source.line);
      const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
      return fail(
        "formula_injection",
        `"${name}", line ${line}: the ${en} of fiche "${fiche.titreSource}" starts like a spreadsheet formula ("${shown}"). Remove the leading "${value.trim()[0]}" and import again.`,
        `« ${name} », ligne ${line} : ${fr} de la fiche « ${fiche.titreSource} » commence comme une formule de tableur (« ${shown} »). Retirez le « ${value.trim()[0]} » du début et importez à nouveau.`,
        line,
      );
    }
  }
  return null;
}

// A Livre blanc text file has no Markdown heading; a Markdown file saved as .txt does.
const MARKDOWN_HEADING = /^#{1,6}\s+\S/m;

/**
 * Reads an uploaded file into fiches: decodes it (precise errors for anything that is not text),
 * picks the format (.md is Markdown; a .txt is Markdown when it has "#" headings, else the Livre
 * blanc), parses it, and refuses a Livre blanc without its annexes, a document with no fiche and a
 * value shaped like a spreadsheet formula. Every refusal has an English and a French message.
 */
export function readImportFile(bytes: Uint8Array, filename: string): ImportFile {
  const name = baseName(filename);
  const decoded = decodeImportFile(bytes, name);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  const extension = extensionOf(name);
  if (extension && !TEXT_EXTENSIONS.has(extension) && !MARKDOWN_EXTENSIONS.has(extension)) {
    return fail(
      "unsupported_file_type",
      `"${name}" is a .${extension} file: the importer reads the Livre blanc's text (.txt) and fiches written in Markdown (.md).`,
      `« ${name} » est un fichier .${extension} : l'import lit le texte du Livre blanc (.txt) et les fiches rédigées en Markdown (.md).`,
    );
  }
  const { text, encoding } = decoded;
  const format: ImportFormat = MARKDOWN_EXTENSIONS.has(extension) || MARKDOWN_HEADING.test(text) ? "markdown" : "livre-blanc";
  const result = format === "markdown" ? parseFicheMarkdown(text, { document: name }) : parseLivreBlanc(text);
  if (format === "livre-blanc" && result.report.some((entry) => entry.code === "section_not_found")) {
    return fail(
      "incomplete_document",
      `"${name}" lacks the Livre blanc's annexes "Pratiques observées, ici et ailleurs" and "Idées à explorer": the file is truncated, or it is not the Livre blanc (write your own fiches in Markdown, see the import guide).`,
      `« ${name} » ne contient pas les annexes « Pratiques observées, ici et ailleurs » et « Idées à explorer » du Livre blanc : le fichier est tronqué, ou ce n'est pas le Livre blanc (rédigez vos propres fiches en Markdown, voir le guide d'import).`,
    );
  }
  if (result.fiches.length === 0) {
    return fail(
      "no_fiche",
      `No fiche found in "${name}": in Markdown, each fiche is a "##" heading under "# Pratiques observées" or "# Idées à explorer".`,
      `Aucune fiche trouvée dans « ${name} » : en Markdown, chaque fiche est un titre « ## » sous « # Pratiques observées » ou « # Idées à explorer ».`,
    );
  }
  const formula = findFormula(result, text, name);
  if (formula) return formula;
  const document: ImportDocument =
    format === "livre-blanc"
      ? { id: LIVRE_BLANC_DOCUMENT_ID, title: result.fiches[0].source.document, format, filename: name, encoding }
      : { id: `markdown:${slugify(name.replace(/\.[^.]*$/, ""), "document")}`, title: name, format, filename: name, encoding };
  return { ok: true, document, text, result };
}
