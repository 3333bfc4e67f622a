import { describe, expect, it } from "vitest";
import { decodeImportFile, MAX_IMPORT_BYTES } from "./decode";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);
const concat = (...parts: Uint8Array[]) => {
  const result = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    result.set(part, offset);
    offset += part.length;
  }
  return result;
};

function errorOf(buffer: Uint8Array, filename = "fiches.md") {
  const result = decodeImportFile(buffer, filename);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("decodeImportFile", () => {
  it("reads UTF-8, without its byte order mark", () => {
    expect(decodeImportFile(utf8("# Idées à explorer\n"), "a.md")).toEqual({ ok: true, text: "# Idées à explorer\n", encoding: "utf-8" });
    expect(decodeImportFile(concat(bytes(0xef, 0xbb, 0xbf), utf8("Été")), "a.md")).toEqual({ ok: true, text: "Été", encoding: "utf-8" });
  });

  it("refuses an empty file or one with only blank lines", () => {
    expect(errorOf(new Uint8Array(0))).toMatchObject({ code: "empty_file", messageFr: "« fiches.md » est vide." });
    expect(errorOf(utf8(" \n\n\t\n")).code).toBe("empty_file");
  });

  it("refuses a file over the size limit, and accepts one at the limit", () => {
    expect(MAX_IMPORT_BYTES).toBe(2 * 1024 * 1024);
    const error = errorOf(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61));
    expect(error.code).toBe("file_too_large");
    expect(error.message).toContain(`${MAX_IMPORT_BYTES + 1} bytes`);
    expect(decodeImportFile(new Uint8Array(MAX_IMPORT_BYTES).fill(0x61), "a.txt").ok).toBe(true);
  });

  it("recognises a PDF, a .docx (zip) and an old .doc", () => {
    expect(errorOf(utf8("%PDF-1.7\n%âãÏÓ\n"), "livre-blanc.pdf")).toMatchObject({ code: "pdf_file", messageFr: expect.stringContaining("est un PDF") });
    expect(errorOf(concat(bytes(0x50, 0x4b, 0x03, 0x04), utf8("[Content_Types].xml")), "fiches.docx").code).toBe("office_document");
    expect(errorOf(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), "fiches.doc").code).toBe("office_document");
  });

  it("refuses UTF-16, with or without a byte order mark", () => {
    expect(errorOf(bytes(0xff, 0xfe, 0x23, 0x00, 0x20, 0x00)).code).toBe("utf16_not_supported");
    expect(errorOf(bytes(0xfe, 0xff, 0x00, 0x23, 0x00, 0x20)).code).toBe("utf16_not_supported");
    // Without a mark, UTF-16 shows as zero bytes: binary.
    expect(errorOf(bytes(0x23, 0x00, 0x20, 0x00))).toMatchObject({ code: "binary_file", line: 1 });
  });

  it("refuses a binary file and control characters", () => {
    expect(errorOf(concat(utf8("ligne 1\nligne 2\n"), bytes(0x89, 0x00, 0x01)))).toMatchObject({ code: "binary_file", line: 3 });
    expect(errorOf(utf8("titre\n\u0007sonnerie\n"))).toMatchObject({ code: "binary_file", line: 2 });
  });

  it("reads Windows-1252 text that holds no UTF-8 at all", () => {
    // "Idées à explorer – café" in Windows-1252: é = E9, à = E0, – = 96.
    const legacy = bytes(0x49, 0x64, 0xe9, 0x65, 0x73, 0x20, 0xe0, 0x20, 0x65, 0x78, 0x70, 0x6c, 0x6f, 0x72, 0x65, 0x72, 0x20, 0x96, 0x20, 0x63, 0x61, 0x66, 0xe9);
    expect(decodeImportFile(legacy, "ancien.txt")).toEqual({ ok: true, text: "Idées à explorer – café", encoding: "windows-1252" });
    // The curly apostrophe (0x92) and the euro sign (0x80) of text pasted from a word processor.
    const apostrophe = bytes(0x4c, 0x92, 0x61, 0x74, 0x65, 0x6c, 0x69, 0x65, 0x72, 0x20, 0x35, 0x20, 0x80);
    expect(decodeImportFile(apostrophe, "ancien.txt")).toMatchObject({ ok: true, text: "L’atelier 5 €" });
  });

  it("refuses broken UTF-8, giving the line, rather than guess", () => {
    // Valid "é" (C3 A9) on line 1, then a lone E9 on line 2: neither clean UTF-8 nor clean Windows-1252.
    const mixed = concat(utf8("Café\n"), bytes(0x63, 0x61, 0x66, 0xe9, 0x0a));
    expect(errorOf(mixed)).toMatchObject({ code: "invalid_utf8", line: 2, message: expect.stringContaining("byte 0xE9 at offset 9, line 2") });
    // 0x81 has no Windows-1252 character either.
    expect(errorOf(bytes(0x61, 0x81, 0x62))).toMatchObject({ code: "invalid_utf8", line: 1 });
  });

  it("gives every error a code, an English and a French message", () => {
    for (const buffer of [new Uint8Array(0), utf8("%PDF-1.4"), bytes(0xff, 0xfe), bytes(0x61, 0x81)]) {
      const error = errorOf(buffer, "x.md");
      expect(error.message).toMatch(/"x\.md"/);
      expect(error.messageFr).toMatch(/« x\.md »/);
    }
  });
});
