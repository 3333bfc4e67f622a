import { LIEUX_CSV_COLUMNS, REQUIRED_LIEUX_COLUMNS, type LieuxCsvColumn } from "../export/lieux-schema";
import { looksLikeFormula, unneutraliseCell } from "../export/csv";
import { decodeImportFile } from "../importer/decode";
import { parseCsv } from "./csv-parse";

/** Why a lieux CSV cannot be imported: a code, an English message (CLI, API), a French one (the page), and where. */
export type LieuxFileError = { code: string; message: string; messageFr: string; line?: number; column?: string };

/** A data row of a lieux CSV: its line in the file and its cells by column (absent columns read as ""). */
export type LieuxCsvRow = { line: number; values: Record<LieuxCsvColumn, string> };

export type LieuxCsvFile = { ok: true; filename: string; columns: LieuxCsvColumn[]; rows: LieuxCsvRow[] } | { ok: false; error: LieuxFileError };

function fail(error: LieuxFileError): LieuxCsvFile {
  return { ok: false, error };
}

/** The file's own name, without a folder a browser or a shell put before it. */
export function baseName(filename: string): string {
  return (filename.split(/[\\/]/).pop() ?? "").trim().slice(0, 200) || "lieux.csv";
}

const quoteList = (names: string[]) => names.map((n) => `"${n}"`).join(", ");
const quoteListFr = (names: string[]) => names.map((n) => `« ${n} »`).join(", ");

function checkHeader(header: string[], name: string): { ok: true; columns: LieuxCsvColumn[] } | { ok: false; error: LieuxFileError } {
  // Column names are compared without case or surrounding spaces: spreadsheets often capitalise them.
  const columns = header.map((h) => h.trim().toLowerCase());
  const known: readonly string[] = LIEUX_CSV_COLUMNS;
  const unknown = header.filter((_h, i) => !known.includes(columns[i]));
  if (unknown.length) {
    return {
      ok: false,
      error: {
        code: "unknown_columns",
        message: `"${name}" has ${unknown.length === 1 ? "a column" : "columns"} that the schéma des lieux de médiation numérique v1.0.2 does not define: ${quoteList(unknown)}. Rename or remove ${unknown.length === 1 ? "it" : "them"}; the schema's columns are ${LIEUX_CSV_COLUMNS.join(", ")}.`,
        messageFr: `« ${name} » contient ${unknown.length === 1 ? "une colonne" : "des colonnes"} que le schéma des lieux de médiation numérique v1.0.2 ne prévoit pas : ${quoteListFr(unknown)}. Renommez-${unknown.length === 1 ? "la" : "les"} ou retirez-${unknown.length === 1 ? "la" : "les"} ; les colonnes du schéma sont ${LIEUX_CSV_COLUMNS.join(", ")}.`,
        line: 1,
        column: unknown[0],
      },
    };
  }
  const duplicate = columns.find((c, i) => columns.indexOf(c) !== i);
  if (duplicate) {
    return {
      ok: false,
      error: {
        code: "duplicate_column",
        message: `"${name}" has the column "${duplicate}" twice.`,
        messageFr: `« ${name} » contient deux fois la colonne « ${duplicate} ».`,
        line: 1,
        column: duplicate,
      },
    };
  }
  const missing = REQUIRED_LIEUX_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) {
    return {
      ok: false,
      error: {
        code: "missing_columns",
        message: `"${name}" lacks the required column${missing.length > 1 ? "s" : ""} ${quoteList(missing)} of the schéma des lieux de médiation numérique.`,
        messageFr: `Il manque à « ${name} » ${missing.length > 1 ? "les colonnes obligatoires" : "la colonne obligatoire"} ${quoteListFr(missing)} du schéma des lieux de médiation numérique.`,
        line: 1,
        column: missing[0],
      },
    };
  }
  return { ok: true, columns: columns as LieuxCsvColumn[] };
}

/**
 * Reads an uploaded lieux CSV: decodes it (size, encoding, binary: decodeImportFile), parses it
 * (truncated or malformed rows), checks its header against the schema (unknown, duplicate and
 * missing columns), and refuses any cell shaped like a spreadsheet formula, naming its line and
 * column. A cell neutralised by our own export ("'-x") is read back without its quote.
 */
export function readLieuxCsv(bytes: Uint8Array, filename: string): LieuxCsvFile {
  const name = baseName(filename);
  const decoded = decodeImportFile(bytes, name);
  if (!decoded.ok) return fail(decoded.error);
  const parsed = parseCsv(decoded.text, name);
  if (!parsed.ok) return fail(parsed.error);
  const header = checkHeader(parsed.header, name);
  if (!header.ok) return fail(header.error);
  if (parsed.rows.length === 0) {
    return fail({ code: "no_lieu", message: `"${name}" has a header but no lieu.`, messageFr: `« ${name} » a une ligne d'en-tête mais aucun lieu.` });
  }
  const rows: LieuxCsvRow[] = [];
  for (const row of parsed.rows) {
    const values = Object.fromEntries(LIEUX_CSV_COLUMNS.map((c) => [c, ""])) as Record<LieuxCsvColumn, string>;
    for (const [index, raw] of row.cells.entries()) {
      const column = header.columns[index];
      const value = unneutraliseCell(raw);
      if (looksLikeFormula(value)) {
        const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
        return fail({
          code: "formula_injection",
          message: `"${name}", line ${row.line}, column "${column}": the cell starts like a spreadsheet formula ("${shown}"). Remove the leading "${value.trim()[0]}" and import again.`,
          messageFr: `« ${name} », ligne ${row.line}, colonne « ${column} » : la cellule commence comme une formule de tableur (« ${shown} »). Retirez le « ${value.trim()[0]} » du début et importez à nouveau.`,
          line: row.line,
          column,
        });
      }
      values[column] = value.trim();
    }
    rows.push({ line: row.line, values });
  }
  return { ok: true, filename: name, columns: header.columns, rows };
}
