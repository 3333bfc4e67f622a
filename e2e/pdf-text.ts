import { decodeText, nameOf, PdfFile, readValue, type PdfDict, type PdfValue } from "./pdf-objects";

// Reads back the text the PDFs pdfkit writes show, for tests: each page's content stream is
// interpreted for its text operators, glyph codes mapped to characters by each font's ToUnicode
// CMap, and each run is kept with the marked content (MCID, artifact) it belongs to.

/** One text operation (Tj or TJ): its characters, and the marked content it is drawn in. */
export type TextRun = { text: string; mcid: number | null; artifact: boolean };

type Decoder = (bytes: number[]) => string;

function utf16(hex: string): string {
  const units = (hex.replace(/\s+/g, "").match(/.{4}/g) ?? []).map((h) => parseInt(h, 16));
  return String.fromCharCode(...units);
}

/** The code-to-text map of a ToUnicode CMap (bfchar and bfrange, with arrays). */
function readCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, body] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, text] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]+)>/g)) map.set(parseInt(code, 16), utf16(text));
  }
  for (const [, body] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, low, high, array, start] of body.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F\s]+)>)/g)) {
      const from = parseInt(low, 16);
      const to = parseInt(high, 16);
      if (array !== undefined) [...array.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach(([, text], i) => map.set(from + i, utf16(text)));
      else for (let code = from; code <= to; code++) map.set(code, utf16(start).slice(0, -1) + String.fromCharCode(utf16(start).slice(-1).charCodeAt(0) + code - from));
    }
  }
  return map;
}

/** How a font's string bytes become text: two-byte codes through its ToUnicode map, else one byte a character. */
function fontDecoder(file: PdfFile, font: PdfValue | undefined): Decoder {
  const ref = (file.resolve(font) as PdfDict | undefined)?.get("ToUnicode");
  const stream = ref && typeof ref === "object" && "ref" in ref ? file.objects.get(ref.ref)?.stream : undefined;
  if (!stream) return (bytes) => String.fromCharCode(...bytes);
  const map = readCMap(stream.toString("latin1"));
  const twoBytes = nameOf(file.get(font, "Subtype")) === "Type0";
  return (bytes) => {
    let text = "";
    for (let i = 0; i < bytes.length; i += twoBytes ? 2 : 1) {
      const code = twoBytes ? (bytes[i] << 8) | bytes[i + 1] : bytes[i];
      // A code without a character is the .notdef glyph: shown so that tests can refuse it.
      text += map.get(code) ?? "\ufffd";
    }
    return text;
  };
}

const bytesOf = (value: PdfValue) => (value && typeof value === "object" && "bytes" in value ? value.bytes : null);

/** The text runs of one page, in drawing order. */
function pageRuns(file: PdfFile, page: number): TextRun[] {
  const dict = file.objects.get(page)?.value;
  const fonts = file.get(file.get(dict, "Resources"), "Font");
  const decoders = new Map<string, Decoder>();
  const contents = file.get(dict, "Contents");
  const refs = Array.isArray(contents) ? contents : [(dict as PdfDict).get("Contents")];
  const source = refs.map((r) => (r && typeof r === "object" && "ref" in r ? file.objects.get(r.ref)?.stream?.toString("latin1") : "")).join("\n");

  const runs: TextRun[] = [];
  const marks: { mcid: number | null; artifact: boolean }[] = [];
  let decode: Decoder = (bytes) => String.fromCharCode(...bytes);
  let operands: PdfValue[] = [];
  for (let pos = 0; ; ) {
    const read = readValue(source, pos);
    if (!read) break;
    pos = read.pos;
    const { value } = read;
    if (!value || typeof value !== "object" || !("op" in value)) {
      operands.push(value);
      continue;
    }
    const op = value.op;
    if (op === "Tf") {
      const name = nameOf(operands[0])!;
      if (!decoders.has(name)) decoders.set(name, fontDecoder(file, (file.resolve(fonts) as PdfDict | undefined)?.get(name)));
      decode = decoders.get(name)!;
    } else if (op === "BDC" || op === "BMC") {
      const properties = op === "BDC" ? file.resolve(operands[1]) : undefined;
      const mcid = properties instanceof Map ? properties.get("MCID") : undefined;
      marks.push({ mcid: typeof mcid === "number" ? mcid : (marks.at(-1)?.mcid ?? null), artifact: nameOf(operands[0]) === "Artifact" || !!marks.at(-1)?.artifact });
    } else if (op === "EMC") {
      marks.pop();
    } else if (op === "Tj" || op === "TJ") {
      const parts = op === "Tj" ? [operands[0]] : (operands[0] as PdfValue[]);
      const text = parts.map((part) => (bytesOf(part) ? decode(bytesOf(part)!) : "")).join("");
      runs.push({ text, mcid: marks.at(-1)?.mcid ?? null, artifact: marks.at(-1)?.artifact ?? false });
    }
    operands = [];
  }
  return runs;
}

/** Each page's text runs, in page order. */
export function pdfPageRuns(pdf: Buffer | PdfFile): TextRun[][] {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  return file.pageNumbers().map((page) => pageRuns(file, page));
}

/** The text of each page, one line per text operation. */
export function pdfPageTexts(pdf: Buffer | PdfFile): string[] {
  return pdfPageRuns(pdf).map((runs) => runs.map((run) => run.text).join("\n"));
}

/** The text the PDF shows, one line per text operation, page after page. */
export function pdfText(pdf: Buffer | PdfFile): string {
  return pdfPageTexts(pdf).join("\n");
}

/** The Title of the document information dictionary (the trailer's /Info). */
export function pdfTitle(pdf: Buffer | PdfFile): string | null {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  const title = file.get(file.trailer.get("Info"), "Title");
  return title === undefined ? null : decodeText(title);
}
