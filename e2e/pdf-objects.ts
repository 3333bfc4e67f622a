import { inflateSync } from "node:zlib";

// A small reader of the PDFs pdfkit writes, for tests: it follows the cross-reference table to each
// object, parses dictionaries, arrays, strings and references, and inflates streams. It is not a
// general PDF parser (no object streams, no cross-reference streams, no encryption): pdfkit uses none.

export type PdfName = { name: string };
export type PdfRef = { ref: number };
export type PdfString = { bytes: number[] };
export type PdfOperator = { op: string };
export type PdfDict = Map<string, PdfValue>;
export type PdfValue = number | boolean | null | PdfName | PdfRef | PdfString | PdfOperator | PdfValue[] | PdfDict;
export type PdfObject = { value: PdfValue; stream?: Buffer };

const DELIMITER = /[\s()<>[\]{}/%]/;

/** Reads one value (or, in a content stream, one operator) from `source` at `pos`. */
export function readValue(source: string, pos: number): { value: PdfValue; pos: number } | null {
  pos = skipSpace(source, pos);
  if (pos >= source.length) return null;
  const c = source[pos];
  if (c === "/") {
    let end = pos + 1;
    while (end < source.length && !DELIMITER.test(source[end])) end++;
    const name = source.slice(pos + 1, end).replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return { value: { name }, pos: end };
  }
  if (c === "<" && source[pos + 1] === "<") {
    const dict: PdfDict = new Map();
    pos += 2;
    for (;;) {
      pos = skipSpace(source, pos);
      if (source.startsWith(">>", pos)) return { value: dict, pos: pos + 2 };
      const key = readValue(source, pos);
      const value = key && readValue(source, key.pos);
      if (!key || !value || typeof key.value !== "object" || key.value === null || !("name" in key.value)) throw new Error(`Bad dictionary at ${pos}`);
      dict.set(key.value.name, value.value);
      pos = value.pos;
    }
  }
  if (c === "<") {
    const end = source.indexOf(">", pos);
    const hex = source.slice(pos + 1, end).replace(/\s+/g, "");
    const bytes = (hex.length % 2 ? `${hex}0` : hex).match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
    return { value: { bytes }, pos: end + 1 };
  }
  if (c === "(") return readLiteral(source, pos);
  if (c === "[") {
    const array: PdfValue[] = [];
    pos++;
    for (;;) {
      pos = skipSpace(source, pos);
      if (source[pos] === "]") return { value: array, pos: pos + 1 };
      const item = readValue(source, pos);
      if (!item) throw new Error(`Unterminated array at ${pos}`);
      array.push(item.value);
      pos = item.pos;
    }
  }
  let end = pos;
  while (end < source.length && !DELIMITER.test(source[end])) end++;
  if (end === pos) throw new Error(`Unexpected ${JSON.stringify(c)} at ${pos}`);
  const word = source.slice(pos, end);
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) {
    // "12 0 R" is a reference to object 12.
    const reference = /^\s+(\d+)\s+R(?=[\s/<>[\]()]|$)/.exec(source.slice(end, end + 24));
    if (/^\d+$/.test(word) && reference) return { value: { ref: Number(word) }, pos: end + reference[0].length };
    return { value: Number(word), pos: end };
  }
  if (word === "true" || word === "false") return { value: word === "true", pos: end };
  if (word === "null") return { value: null, pos: end };
  return { value: { op: word }, pos: end };
}

function skipSpace(source: string, pos: number): number {
  for (;;) {
    while (pos < source.length && /\s/.test(source[pos])) pos++;
    if (source[pos] !== "%") return pos;
    while (pos < source.length && source[pos] !== "\n" && source[pos] !== "\r") pos++;
  }
}

const ESCAPES: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };

function readLiteral(source: string, pos: number): { value: PdfString; pos: number } {
  const bytes: number[] = [];
  let depth = 0;
  for (let i = pos + 1; i < source.length; i++) {
    const c = source[i];
    if (c === "\\") {
      const next = source[++i];
      if (next in ESCAPES) bytes.push(ESCAPES[next]);
      else if (/[0-7]/.test(next)) {
        const octal = /^[0-7]{1,3}/.exec(source.slice(i, i + 3))![0];
        bytes.push(parseInt(octal, 8) & 0xff);
        i += octal.length - 1;
      }
      continue;
    }
    if (c === "(") depth++;
    if (c === ")" && depth-- === 0) return { value: { bytes }, pos: i + 1 };
    bytes.push(c.charCodeAt(0));
  }
  throw new Error(`Unterminated string at ${pos}`);
}

/** A text string's characters: UTF-16BE after its byte order mark, else PDFDocEncoding (read as Latin-1). */
export function decodeText(value: PdfValue): string {
  if (!value || typeof value !== "object" || !("bytes" in value)) throw new Error(`Not a string: ${JSON.stringify(value)}`);
  const { bytes } = value;
  if (bytes[0] !== 0xfe || bytes[1] !== 0xff) return String.fromCharCode(...bytes);
  let text = "";
  for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
  return text;
}

/** A PDF's indirect objects by number, found through its cross-reference table, streams decoded. */
export class PdfFile {
  readonly objects = new Map<number, PdfObject>();
  readonly trailer: PdfDict;

  constructor(readonly bytes: Buffer) {
    const source = bytes.toString("latin1");
    const startxref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(source)?.[1]);
    if (!Number.isInteger(startxref)) throw new Error("No startxref");
    const table = /^xref\s+(\d+)\s+(\d+)\s+/.exec(source.slice(startxref));
    if (!table) throw new Error("No cross-reference table");
    const first = Number(table[1]);
    let pos = startxref + table[0].length;
    for (let n = first; n < first + Number(table[2]); n++, pos += 20) {
      const [offset, , kind] = source.slice(pos, pos + 18).split(" ");
      if (kind === "n") this.objects.set(n, this.readObject(source, Number(offset), n));
    }
    const trailer = readValue(source, source.indexOf("trailer", pos) + "trailer".length)?.value;
    if (!(trailer instanceof Map)) throw new Error("No trailer");
    this.trailer = trailer;
  }

  private readObject(source: string, offset: number, n: number): PdfObject {
    const header = new RegExp(`^${n}\\s+0\\s+obj`).exec(source.slice(offset, offset + 24));
    if (!header) throw new Error(`Object ${n} is not at ${offset}`);
    const read = readValue(source, offset + header[0].length);
    if (!read) throw new Error(`Object ${n} is empty`);
    const streamStart = /^\s*stream\r?\n/.exec(source.slice(read.pos, read.pos + 12));
    if (!streamStart || !(read.value instanceof Map)) return { value: read.value };
    const start = read.pos + streamStart[0].length;
    const raw = this.bytes.subarray(start, start + Number(read.value.get("Length")));
    const filter = read.value.get("Filter");
    return { value: read.value, stream: filter && typeof filter === "object" && "name" in filter && filter.name === "FlateDecode" ? inflateSync(raw) : raw };
  }

  /** The value, with a reference replaced by the object it points to. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    return value && typeof value === "object" && "ref" in value ? this.objects.get(value.ref)?.value : value;
  }

  /** A dictionary entry, resolved; undefined when absent. */
  get(dict: PdfValue | undefined, key: string): PdfValue | undefined {
    const resolved = this.resolve(dict);
    return resolved instanceof Map ? this.resolve(resolved.get(key)) : undefined;
  }

  /** The document catalog (the trailer's /Root). */
  get catalog(): PdfDict {
    const root = this.resolve(this.trailer.get("Root"));
    if (!(root instanceof Map)) throw new Error("No catalog");
    return root;
  }

  /** The page objects' numbers, in page order. */
  pageNumbers(): number[] {
    const numbers: number[] = [];
    const walk = (node: PdfValue | undefined) => {
      if (!node || typeof node !== "object" || !("ref" in node)) return;
      const dict = this.resolve(node);
      if (!(dict instanceof Map)) return;
      const kids = dict.get("Kids");
      if (Array.isArray(kids)) kids.forEach(walk);
      else numbers.push(node.ref);
    };
    walk(this.catalog.get("Pages"));
    return numbers;
  }
}

/** The name a value holds, or undefined. */
export const nameOf = (value: PdfValue | undefined): string | undefined =>
  value && typeof value === "object" && "name" in value ? value.name : undefined;
