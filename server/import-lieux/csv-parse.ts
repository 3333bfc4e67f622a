// A CSV reader for the files people actually have: "," or ";" between cells (French spreadsheets
// write ";"), quoted cells with "" inside and line breaks, CRLF, LF or CR line ends, a byte-order
// mark. It never guesses past a broken file: an unterminated quote or a short last row is a
// truncated file, any other row with the wrong number of cells is refused with its line.

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

type Record_ = { line: number; cells: string[] };

function fail(code: CsvError["code"], message: string, messageFr: string, line?: number): ParsedCsv {
  return { ok: false, error: { code, message, messageFr, ...(line === undefined ? {} : { line }) } };
}

const lineEnd = (text: string, i: number) => (text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1);

/** Splits a CSV text into records, or says where it is broken. Cells are sliced, not built char by char. */
function readRecords(text: string, separator: string, name: string): { ok: true; records: Record_[] } | { ok: false; result: ParsedCsv } {
  const records: Record_[] = [];
  const special = new RegExp(`[${separator}\r\n"]`, "g");
  let cells: string[] = [];
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    // A line with nothing on it (the last line end, a blank line) is not a record.
    if (!(cells.length === 1 && cells[0] === "")) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i <= text.length) {
    let cell: string;
    if (text[i] === '"') {
      // A quoted cell: up to the next quote that is not doubled; it may hold separators and line ends.
      const openedOn = line;
      let value = "";
      let from = i + 1;
      for (;;) {
        const quote = text.indexOf('"', from);
        if (quote === -1) {
          return {
            ok: false,
            result: fail(
              "truncated_file",
              `"${name}" is truncated: the quoted cell opened on line ${openedOn} never closes. Export the file again.`,
              `« ${name} » est tronqué : la cellule entre guillemets ouverte ligne ${openedOn} ne se ferme jamais. Exportez à nouveau le fichier.`,
              openedOn,
            ),
          };
        }
        value += text.slice(from, quote);
        if (text[quote + 1] === '"') {
          value += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      line += (value.match(/\r\n|\r|\n/g) ?? []).length;
      cell = value;
      const next = text[i];
      if (i < text.length && next !== separator && next !== "\r" && next !== "\n") {
        return {
          ok: false,
          result: fail(
            "malformed_csv",
            `"${name}", line ${line}: a quoted cell is followed by "${next}" instead of "${separator}" or a line end. Put the whole cell between quotes, and double the quotes inside it ("").`,
            `« ${name} », ligne ${line} : une cellule entre guillemets est suivie de « ${next} » au lieu de « ${separator} » ou d'une fin de ligne. Mettez toute la cellule entre guillemets et doublez les guillemets qu'elle contient ("").`,
            line,
          ),
        };
      }
    } else {
      // An unquoted cell runs to the next separator or line end; a quote inside it is kept as written.
      special.lastIndex = i;
      let end = i;
      for (let match = special.exec(text); ; match = special.exec(text)) {
        if (!match) {
          end = text.length;
          break;
        }
        if (match[0] !== '"') {
          end = match.index;
          break;
        }
      }
      cell = text.slice(i, end);
      i = end;
    }
    cells.push(cell);
    if (i >= text.length) {
      endRecord();
      break;
    }
    if (text[i] === separator) {
      i++;
      continue;
    }
    // A line end.
    i += lineEnd(text, i);
    endRecord();
    line++;
    recordLine = line;
    if (i === text.length) break;
  }
  return { ok: true, records };
}

/**
 * Reads a decoded CSV text (no byte-order mark: decodeImportFile removes it). Every data row must
 * have as many cells as the header; a short last row means the file was cut.
 */
export function parseCsv(text: string, name: string): ParsedCsv {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const separator = detectSeparator(body);
  const read = readRecords(body, separator, name);
  if (!read.ok) return read.result;
  const [header, ...rows] = read.records;
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
