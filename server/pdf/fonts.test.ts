import { describe, expect, it } from "vitest";
import { pdfFonts, woffToSfnt } from "./fonts";

/** The sfnt checksum of a table: the sum of its big-endian 32-bit words, zero-padded. */
function tableChecksum(data: Buffer): number {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

describe("pdfFonts", () => {
  it("gives each style as a TrueType font whose tables match the checksums the WOFF recorded", () => {
    for (const font of Object.values(pdfFonts())) {
      expect(font.readUInt32BE(0)).toBe(0x00010000);
      const numTables = font.readUInt16BE(4);
      expect(numTables).toBeGreaterThan(8);
      const tags: string[] = [];
      for (let i = 0; i < numTables; i++) {
        const record = 12 + i * 16;
        const tag = font.toString("latin1", record, record + 4);
        tags.push(tag);
        const offset = font.readUInt32BE(record + 8);
        expect(offset % 4).toBe(0);
        // head's checksum covers the font with its checkSumAdjustment zeroed: every other table is checked whole.
        if (tag !== "head") expect(tableChecksum(font.subarray(offset, offset + font.readUInt32BE(record + 12)))).toBe(font.readUInt32BE(record + 4));
      }
      expect(tags).toEqual(expect.arrayContaining(["cmap", "glyf", "head", "hmtx", "loca"]));
    }
  });

  it("refuses what is not a WOFF 1.0 font", () => {
    expect(() => woffToSfnt(Buffer.from("wOF2 and more bytes"))).toThrow("Not a WOFF 1.0 font");
  });
});
