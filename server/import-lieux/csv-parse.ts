import { CsvError as ParseError, parse } from "csv-parse/sync";

// The CSV files people actually have: "," or ";" between cells (French spreadsheets write ";"),
// quoted cells with "" inside and line breaks, CRLF, LF or CR line ends, a byte-order mark. It
// never guesses past a broken file: an unterminated quote or a short last row is a truncated file,
// any other row with the wrong number of cells, or a stray quote, is refused with its line.

/** Why a CSV cannot be read: a code, an English and a French message, and where. */
export type CsvError = { code: "truncated_file" | "malformed_csv" | "empty_file"; message: string; messageFr: string; line?: number };

/** A data row and the 1-based line of the file it starts on (the header is line 1). */
export type CsvRow = { line: number; cells: string[] };

export type ParsedCsv = { ok: true; separator: "," | ";"; header: string[]; rows: CsvRow[] } | { ok: false; error: CsvError };

/** The separator of a CSV: "," or ";", whichever the header line (outside quotes) holds more of. */
export function detectSeparator(text: string): "," | ";" {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

function fail(code: CsvError["code"], message: string, messageFr: string, line?: number): ParsedCsv {
  return { ok: false, error: { code, message, messageFr, ...(line === undefined ? {} : { line }) } };
}

const CR = 0x0d;
const LF = 0x0a;
const QUOTE = 0x22;

// Lines are counted here, from csv-parse's byte offsets: its own count takes a CRLF inside a quoted
// cell for two lines. Line ends are ASCII, so counting bytes is counting characters.

/** A function giving the line of a byte offset; offsets must come in increasing order. */
function lineCounter(bytes: Uint8Array): (offset: number) => number {
  let at = 0;
  let line = 1;
  return (offset) => {
    for (; at < offset; at++) if (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] !== LF)) line++;
    return line;
  };
}

/** The first offset from `offset` that is not a line end: where a record starts after blank lines. */
function skipLineEnds(bytes: Uint8Array, offset: number): number {
  while (bytes[offset] === CR || bytes[offset] === LF) offset++;
  return offset;
}

/** The quote closing the quoted cell opened at `open`: the first one that is not doubled. */
function closingQuote(bytes: Buffer, open: number): number {
  let at = bytes.indexOf(QUOTE, open + 1);
  while (at !== -1 && bytes[at + 1] === QUOTE) at = bytes.indexOf(QUOTE, at + 2);
  return at;
}

/** The error of the UI for what csv-parse refused, with the line of the quote at fault. */
function explain(error: ParseError, bytes: Buffer, separator: string, name: string): ParsedCsv {
  // On these errors, `bytes` is where the last cell or record ended and `index` the cells read in
  // this record: the faulty cell starts after that separator, or where the record does.
  const cellStart = Number(error.index) > 0 ? Number(error.bytes) + 1 : skipLineEnds(bytes, Number(error.bytes));
  const lineOf = (offset: number) => lineCounter(bytes)(offset);
  if (error.code === "CSV_QUOTE_NOT_CLOSED") {
    const line = lineOf(cellStart);
    return fail(
      "truncated_file",
      `"${name}" is truncated: the quoted cell opened on line ${line} never closes. Export the file again.`,
      `« ${name} » est tronqué : la cellule entre guillemets ouverte ligne ${line} ne se ferme jamais. Exportez à nouveau le fichier.`,
      line,
    );
  }
  if (error.code === "CSV_INVALID_CLOSING_QUOTE") {
    const close = closingQuote(bytes, cellStart);
    const line = lineOf(close);
    const next = [...bytes.toString("utf8", close + 1, close + 5)][0];
    return fail(
      "malformed_csv",
      `"${name}", line ${line}: a quoted cell is followed by "${next}" instead of "${separator}" or a line end. Put the whole cell between quotes, and double the quotes inside it ("").`,
      `« ${name} », ligne ${line} : une cellule entre guillemets est suivie de « ${next} » au lieu de « ${separator} » ou d'une fin de ligne. Mettez toute la cellule entre guillemets et doublez les guillemets qu'elle contient ("").`,
      line,
    );
  }
  if (error.code === "INVALID_OPENING_QUOTE") {
    const line = lineOf(cellStart);
    return fail(
      "malformed_csv",
      `"${name}", line ${line}: a cell holds a quote without being between quotes. Put the whole cell between quotes, and double the quotes inside it ("").`,
      `« ${name} », ligne ${line} : une cellule contient un guillemet sans être entre guillemets. Mettez toute la cellule entre guillemets et doublez les guillemets qu'elle contient ("").`,
      line,
    );
  }
  throw error;
}

/**
 * Reads a decoded CSV text (decodeImportFile removes a byte-order mark; one left is ignored). Every
 * data row must have as many cells as the header; a short last row means the file was cut.
 */
export function parseCsv(text: string, name: string): ParsedCsv {
  // The mark is dropped here rather than by csv-parse, so that its byte offsets start at the text.
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const separator = detectSeparator(body);
  const bytes = Buffer.from(body);
  const lineOf = lineCounter(bytes);
  const records: CsvRow[] = [];
  let recordStart = 0;
  try {
    parse(bytes, {
      delimiter: separator,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      relax_column_count: true,
      on_record: (cells, info) => {
        records.push({ line: lineOf(skipLineEnds(bytes, recordStart)), cells });
        recordStart = info.bytes;
        return null;
      },
    });
  } catch (error) {
    if (error instanceof ParseError) return explain(error, bytes, separator, name);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) return fail("empty_file", `"${name}" holds no CSV header.`, `« ${name} » ne contient pas de ligne d'en-tête CSV.`);
  for (const [index, row] of rows.entries()) {
    if (row.cells.length === header.cells.length) continue;
    if (index === rows.length - 1 && row.cells.length < header.cells.length) {
      return fail(
        "truncated_file",
        `"${name}" is truncated: its last row (line ${row.line}) has ${row.cells.length} cells instead of ${header.cells.length}. Export the file again.`,
        `« ${name} » est tronqué : sa dernière ligne (ligne ${row.line}) a ${row.cells.length} cellules au lieu de ${header.cells.length}. Exportez à nouveau le fichier.`,
        row.line,
      );
    }
    return fail(
      "malformed_csv",
      `"${name}", line ${row.line}: ${row.cells.length} cells where the header has ${header.cells.length}. A cell holding "${separator}" must be between quotes.`,
      `« ${name} », ligne ${row.line} : ${row.cells.length} cellules alors que l'en-tête en a ${header.cells.length}. Une cellule qui contient « ${separator} » doit être entre guillemets.`,
      row.line,
    );
  }
  return { ok: true, separator, header: header.cells, rows };
}
