import { describe, expect, it } from "vitest";
import { looksLikeFormula, neutraliseCell, toCsv, unneutraliseCell } from "./csv";

describe("CSV writing", () => {
  it("neutralises a cell starting with = + - @ tab or CR with a single quote", () => {
    for (const value of ["=HYPERLINK(\"http://x\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx", "- un tiret"]) {
      expect(neutraliseCell(value)).toBe(`'${value}`);
      expect(unneutraliseCell(neutraliseCell(value))).toBe(value);
    }
  });

  it("leaves plain numbers and other text alone: they carry no formula", () => {
    for (const value of ["-0.5792", "+33556123456", "44.8378", "Café", "a=b", ""]) expect(neutraliseCell(value)).toBe(value);
  });

  it("quotes cells holding the separator, quotes or line breaks, and ends lines with CRLF", () => {
    expect(toCsv(["a", "b"], [["x, y", 'il dit "oui"'], ["ligne\nsuivante", "=1+1"]])).toBe('a,b\r\n"x, y","il dit ""oui"""\r\n"ligne\nsuivante",\'=1+1\r\n');
  });
});

describe("formula detection on import", () => {
  it("refuses what a spreadsheet would run, accepts signed numbers and dashes", () => {
    for (const value of ["=1+1", " =A1", "+cmd|' /C calc'!A0", "@SUM(A1:A2)", "-HYPERLINK(\"x\")"]) expect(looksLikeFormula(value), value).toBe(true);
    for (const value of ["-0.57", "+33556123456", "- aide aux démarches", "@ la médiathèque", "Café"]) expect(looksLikeFormula(value), value).toBe(false);
  });
});
