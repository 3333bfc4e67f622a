// Writing CSV for spreadsheets and open-data portals: RFC 4180 quoting, CRLF line ends, and every
// text cell neutralised against formula injection (OWASP "CSV Injection").

// A spreadsheet evaluates a cell starting with one of these as a formula (tab and CR too: some
// programs strip them and then read what follows).
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number, signed or not ("-0.5792", "+33556123456"), evaluates to itself: it carries no
// formula, and the lieux standard needs negative longitudes and "+33" phone numbers as they are.
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The cell as a spreadsheet will show it: a single quote before a leading = + - @ tab or CR, unless it is a plain number. */
export function neutraliseCell(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Undoes neutraliseCell on a cell read back from one of our exports ("'=x" → "=x"). */
export function unneutraliseCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

// What a spreadsheet would run: "=" anything, or "+", "-", "@" followed by a function call or a
// DDE link ("+cmd|' /C calc'!A0", "@SUM(A1)"). "-0.57", "+33…" or "- un tiret" are plain text.
const FORMULA = /^\s*(?:=|[+\-@]\s*[A-Za-z_][\w.]*\s*[(|!])/;

/** Whether an imported cell is shaped like a spreadsheet formula: such a cell is refused, never stored. */
export function looksLikeFormula(value: string): boolean {
  return FORMULA.test(value);
}

function quote(value: string, separator: string): string {
  return value.includes(separator) || /["\r\n]/.test(value) || value !== value.trim() ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A CSV document: a header and rows of cells, each neutralised and quoted when needed, lines ended
 * by CRLF (RFC 4180). Cells are strings already: callers format numbers and dates themselves.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[], separator = ","): string {
  const line = (cells: readonly string[]) => cells.map((cell) => quote(neutraliseCell(cell), separator)).join(separator);
  return [header, ...rows].map(line).join("\r\n") + "\r\n";
}

/**
 * Starts the CSVs meant for spreadsheets (fiches, acteurs): without it, Excel reads UTF-8 as
 * Windows-1252 and garbles every accent. The lieux CSV goes to open-data tools and has none.
 */
export const SPREADSHEET_BOM = "\uFEFF";

/** Several values in one cell, the way the lieux standard writes them: "a|b|c". */
export function joinValues(values: readonly string[]): string {
  return values.join("|");
}
