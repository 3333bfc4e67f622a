import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

/** The styles the wiki's PDFs write in. */
export type FontStyle = "regular" | "bold" | "italic";

/**
 * The TrueType font (sfnt) a WOFF 1.0 file wraps: each table inflated, laid out again behind the
 * sfnt table directory. fontkit reads WOFF, but inflates a table again on every access (with a
 * JavaScript inflate): a 100-page catalogue took 20 times longer than with the plain font.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("Not a WOFF 1.0 font");
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const entry = 44 + i * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compLength = woff.readUInt32BE(entry + 8);
    const origLength = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? inflateSync(stored) : stored;
    if (data.length !== origLength) throw new Error(`WOFF table ${woff.toString("latin1", entry, entry + 4)} has the wrong length`);
    return { tag: woff.subarray(entry, entry + 4), checksum: woff.readUInt32BE(entry + 16), data };
  });
  const power = 2 ** Math.floor(Math.log2(numTables));
  const header = Buffer.alloc(12 + 16 * numTables);
  woff.copy(header, 0, 4, 8);
  header.writeUInt16BE(numTables, 4);
  header.writeUInt16BE(power * 16, 6);
  header.writeUInt16BE(Math.log2(power), 8);
  header.writeUInt16BE(numTables * 16 - power * 16, 10);
  const parts: Buffer[] = [header];
  let offset = header.length;
  tables.forEach(({ tag, checksum, data }, i) => {
    const record = 12 + i * 16;
    tag.copy(header, record);
    header.writeUInt32BE(checksum, record + 4);
    header.writeUInt32BE(offset, record + 8);
    header.writeUInt32BE(data.length, record + 12);
    // Tables start on 4-byte boundaries.
    const padded = Buffer.alloc((data.length + 3) & ~3);
    data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

let loaded: Record<FontStyle, Buffer> | null = null;

/**
 * Atkinson Hyperlegible, the wiki's own face, read once per process: embedded so that every reader
 * shows the same glyphs and extracts the same text (PDF/UA forbids relying on a reader's fonts).
 */
export function pdfFonts(): Record<FontStyle, Buffer> {
  // Each file is a literal `new URL(…, import.meta.url)` read in place: Turbopack then copies it next
  // to the server bundle and traces nothing else, while tsx and Vitest read node_modules directly.
  // createRequire().resolve of the package's "./files/*" export fails Turbopack's resolver at build time.
  loaded ??= {
    regular: woffToSfnt(readFileSync(new URL("../../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff", import.meta.url))),
    bold: woffToSfnt(readFileSync(new URL("../../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff", import.meta.url))),
    italic: woffToSfnt(readFileSync(new URL("../../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff", import.meta.url))),
  };
  return loaded;
}
