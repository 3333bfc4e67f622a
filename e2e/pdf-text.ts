import { inflateSync } from "node:zlib";

// A small reader of the PDFs pdfkit writes with its standard fonts, for tests: it inflates the
// content streams and reads back the text shown by Tj/TJ, and the document's Title. It is not a
// general PDF parser (no object streams, no embedded font encodings), which pdfkit does not use.

// WinAnsi's 0x80–0x9F characters, as pdfkit encodes them.
const WIN_ANSI: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š", 0x8b: "‹", 0x8c: "Œ",
  0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—", 0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›",
  0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

const winAnsi = (bytes: number[]) => bytes.map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join("");

/** The bytes of a PDF literal string body, its escapes resolved. */
function literalBytes(body: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== "\\") {
      bytes.push(c.charCodeAt(0));
      continue;
    }
    const next = body[++i];
    const escapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, "(": 40, ")": 41, "\\": 92 };
    if (next in escapes) bytes.push(escapes[next]);
    else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      bytes.push(parseInt(octal, 8));
      i += octal.length - 1;
    }
  }
  return bytes;
}

const hexBytes = (hex: string) => (hex.replace(/\s+/g, "").match(/../g) ?? []).map((h) => parseInt(h, 16));

/** Each stream's decoded bytes, inflated when it is FlateDecode. */
export function pdfStreams(pdf: Buffer): Buffer[] {
  const source = pdf.toString("latin1");
  const streams: Buffer[] = [];
  for (const match of source.matchAll(/<<((?:(?!>>\s*stream)[\s\S])*)>>\s*stream\r?\n/g)) {
    const length = /\/Length (\d+)/.exec(match[1]);
    if (!length) continue;
    const start = match.index! + match[0].length;
    const raw = pdf.subarray(start, start + Number(length[1]));
    streams.push(/\/FlateDecode/.test(match[1]) ? inflateSync(raw) : raw);
  }
  return streams;
}

/** The text of each stream, one line per text operation: with pdfkit, one stream per page, in page order. */
export function pdfPageTexts(pdf: Buffer): string[] {
  return pdfStreams(pdf).map(streamText);
}

/** The text the PDF shows, one line per text operation, in the order of its content streams. */
export function pdfText(pdf: Buffer): string {
  return pdfPageTexts(pdf).join("\n");
}

function streamText(stream: Buffer): string {
  const lines: string[] = [];
  const content = stream.toString("latin1");
  for (const [, array, hex, literal] of content.matchAll(/\[((?:<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|[-\d.\s])*)\]\s*TJ|<([0-9a-fA-F\s]*)>\s*Tj|\(((?:\\.|[^\\)])*)\)\s*Tj/g)) {
    if (hex !== undefined) lines.push(winAnsi(hexBytes(hex)));
    else if (literal !== undefined) lines.push(winAnsi(literalBytes(literal)));
    else {
      let line = "";
      for (const [, h, l] of array.matchAll(/<([0-9a-fA-F\s]*)>|\(((?:\\.|[^\\)])*)\)/g)) line += winAnsi(h !== undefined ? hexBytes(h) : literalBytes(l));
      lines.push(line);
    }
  }
  return lines.join("\n");
}

/** The body of indirect object `n` (between "n 0 obj" and "endobj"). */
function objectBody(source: string, n: string): string {
  const found = new RegExp(`(?:^|\\s)${n} 0 obj`).exec(source);
  if (!found) return "";
  const start = found.index + found[0].length;
  return source.slice(start, source.indexOf("endobj", start));
}

/** The Title of the document information dictionary (the trailer's /Info), decoded from PDFDocEncoding or UTF-16BE. */
export function pdfTitle(pdf: Buffer): string | null {
  const source = pdf.toString("latin1");
  const info = /trailer\s*<<[\s\S]*?\/Info (\d+) 0 R/.exec(source);
  if (!info) return null;
  let title = /\/Title\s*(\d+ 0 R|\((?:\\.|[^\\)])*\)|<[0-9a-fA-F\s]*>)/.exec(objectBody(source, info[1]))?.[1];
  if (title && /^\d+ 0 R$/.test(title)) title = objectBody(source, title.split(" ")[0]).trim();
  if (!title) return null;
  const bytes = title.startsWith("(") ? literalBytes(title.slice(1, -1)) : hexBytes(title.slice(1, -1));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let text = "";
    for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes[i] << 8) | bytes[i + 1]);
    return text;
  }
  return winAnsi(bytes);
}
