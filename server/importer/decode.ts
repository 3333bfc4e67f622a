import type { ImportError, ImportErrorCode } from "./types";

/** Largest file the importer reads: the Livre blanc's text is 200 KB, ten times that is not a fiche document. */
export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;

export type DecodedImportFile =
  | { ok: true; text: string; encoding: "utf-8" | "windows-1252" }
  | { ok: false; error: ImportError };

function fail(code: ImportErrorCode, message: string, messageFr: string, line?: number): DecodedImportFile {
  return { ok: false, error: { code, message, messageFr, ...(line === undefined ? {} : { line }) } };
}

function startsWith(buffer: Uint8Array, bytes: number[]): boolean {
  return bytes.every((byte, index) => buffer[index] === byte);
}

/**
 * Walks the bytes as UTF-8: the offset of the first invalid sequence (-1 if none) and whether any
 * valid multi-byte sequence was met, which tells a broken UTF-8 file from a Windows-1252 one.
 */
function scanUtf8(buffer: Uint8Array): { invalidAt: number; multiByte: boolean } {
  let multiByte = false;
  let invalidAt = -1;
  for (let i = 0; i < buffer.length; ) {
    const byte = buffer[i];
    const length = byte < 0x80 ? 1 : byte >= 0xc2 && byte <= 0xdf ? 2 : byte >= 0xe0 && byte <= 0xef ? 3 : byte >= 0xf0 && byte <= 0xf4 ? 4 : 0;
    let valid = length > 0 && i + length <= buffer.length;
    for (let k = 1; valid && k < length; k++) valid = (buffer[i + k] & 0xc0) === 0x80;
    // Overlong and surrogate forms, which TextDecoder also refuses.
    if (valid && length === 3) valid = !(byte === 0xe0 && buffer[i + 1] < 0xa0) && !(byte === 0xed && buffer[i + 1] > 0x9f);
    if (valid && length === 4) valid = !(byte === 0xf0 && buffer[i + 1] < 0x90) && !(byte === 0xf4 && buffer[i + 1] > 0x8f);
    if (!valid) {
      if (invalidAt === -1) invalidAt = i;
      i++;
      continue;
    }
    if (length > 1) multiByte = true;
    i += length;
  }
  return { invalidAt, multiByte };
}

function lineAt(buffer: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (buffer[i] === 0x0a) line++;
  return line;
}

// Windows-1252's characters for bytes 0x80–0x9F (WHATWG Encoding Standard); the five unassigned
// bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) are left out and stay C1 controls.
const WINDOWS_1252_HIGH: Record<number, string> = {
  0x80: "€", 0x82: "‚", 0x83: "ƒ", 0x84: "„", 0x85: "…", 0x86: "†", 0x87: "‡", 0x88: "ˆ", 0x89: "‰", 0x8a: "Š",
  0x8b: "‹", 0x8c: "Œ", 0x8e: "Ž", 0x91: "‘", 0x92: "’", 0x93: "“", 0x94: "”", 0x95: "•", 0x96: "–", 0x97: "—",
  0x98: "˜", 0x99: "™", 0x9a: "š", 0x9b: "›", 0x9c: "œ", 0x9e: "ž", 0x9f: "Ÿ",
};

/**
 * Windows-1252 through TextDecoder. Node 20.18.3 and later decode bytes 0x80–0x9F as C1 controls,
 * as ISO-8859-1 does (https://github.com/nodejs/node/issues/56542, #60888): those are mapped to
 * their Windows-1252 characters here, which is a no-op on a runtime that decodes them right.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder("windows-1252").decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0)] ?? c);
}

// Control characters other than tab, line feed, form feed and carriage return: text files have none.
const CONTROL = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** The refusal of a file of `size` bytes, over MAX_IMPORT_BYTES: callers that know the size before reading use it too. */
export function fileTooLargeError(filename: string, size: number): ImportError {
  const limit = MAX_IMPORT_BYTES / 1024 / 1024;
  return {
    code: "file_too_large",
    message: `"${filename}" weighs ${size} bytes; the limit is ${limit} MB (${MAX_IMPORT_BYTES} bytes).`,
    messageFr: `« ${filename} » pèse ${size} octets ; la limite est de ${limit} Mo (${MAX_IMPORT_BYTES} octets).`,
  };
}

/**
 * Reads an uploaded file as text, or says precisely why it cannot: empty, too large, a PDF, an
 * office document, binary, UTF-16, or invalid UTF-8 (with the line). A file that is not UTF-8 is
 * read as Windows-1252 only when it holds no UTF-8 sequence at all and decodes to printable text.
 */
export function decodeImportFile(buffer: Uint8Array, filename: string): DecodedImportFile {
  if (buffer.length === 0) return fail("empty_file", `"${filename}" is empty.`, `« ${filename} » est vide.`);
  if (buffer.length > MAX_IMPORT_BYTES) return { ok: false, error: fileTooLargeError(filename, buffer.length) };
  if (startsWith(buffer, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return fail(
      "pdf_file",
      `"${filename}" is a PDF: export its text (or copy it into a Markdown file) and import that.`,
      `« ${filename} » est un PDF : exportez-en le texte (ou copiez-le dans un fichier Markdown) et importez celui-ci.`,
    );
  }
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04]) || startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    return fail(
      "office_document",
      `"${filename}" is an office document (.docx, .odt, .doc…), not text: save it as plain text or Markdown (.txt, .md).`,
      `« ${filename} » est un document bureautique (.docx, .odt, .doc…), pas du texte : enregistrez-le en texte brut ou en Markdown (.txt, .md).`,
    );
  }
  if (startsWith(buffer, [0xff, 0xfe]) || startsWith(buffer, [0xfe, 0xff])) {
    return fail(
      "utf16_not_supported",
      `"${filename}" is encoded in UTF-16: save it again as UTF-8.`,
      `« ${filename} » est encodé en UTF-16 : enregistrez-le à nouveau en UTF-8.`,
    );
  }
  const body = startsWith(buffer, [0xef, 0xbb, 0xbf]) ? buffer.subarray(3) : buffer;
  const nul = body.indexOf(0);
  if (nul !== -1) {
    return fail(
      "binary_file",
      `"${filename}" is a binary file (a zero byte on line ${lineAt(body, nul)}), not text.`,
      `« ${filename} » est un fichier binaire (octet nul à la ligne ${lineAt(body, nul)}), pas du texte.`,
      lineAt(body, nul),
    );
  }
  const { invalidAt, multiByte } = scanUtf8(body);
  let text: string;
  let encoding: "utf-8" | "windows-1252" = "utf-8";
  if (invalidAt === -1) text = new TextDecoder("utf-8", { fatal: true }).decode(body);
  else {
    const legacy = decodeWindows1252(body);
    // Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no Windows-1252 character: still C1 controls here.
    if (multiByte || /[\u0080-\u009f]/.test(legacy) || CONTROL.test(legacy)) {
      const line = lineAt(body, invalidAt);
      const byte = `0x${body[invalidAt].toString(16).toUpperCase()}`;
      return fail(
        "invalid_utf8",
        `"${filename}" is not valid UTF-8 (byte ${byte} at offset ${invalidAt}, line ${line}): save it again as UTF-8.`,
        `« ${filename} » n'est pas un texte UTF-8 valide (octet ${byte} à la position ${invalidAt}, ligne ${line}) : enregistrez-le à nouveau en UTF-8.`,
        line,
      );
    }
    text = legacy;
    encoding = "windows-1252";
  }
  const control = CONTROL.exec(text);
  if (control) {
    const line = text.slice(0, control.index).split("\n").length;
    return fail(
      "binary_file",
      `"${filename}" contains control characters (line ${line}): it is not a text file.`,
      `« ${filename} » contient des caractères de contrôle (ligne ${line}) : ce n'est pas un fichier texte.`,
      line,
    );
  }
  if (!text.trim()) return fail("empty_file", `"${filename}" holds only blank lines.`, `« ${filename} » ne contient que des lignes vides.`);
  return { ok: true, text, encoding };
}
