import { describe, expect, it } from "vitest";
import { detectSeparator, parseCsv } from "./csv-parse";

function refusal(text: string) {
  const parsed = parseCsv(text, "lieux.csv");
  if (parsed.ok) throw new Error("expected a refusal");
  return parsed.error;
}

describe("detectSeparator", () => {
  it("counts the header line's separators outside quotes", () => {
    expect(detectSeparator('a;b;"c,d,e"\nx,y,z,t')).toBe(";");
    expect(detectSeparator("a,b;c,d")).toBe(",");
  });
});

describe("parseCsv", () => {
  it("numbers rows by the line they start on, across CRLF inside cells, blank lines and mixed line ends", () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"un\r\ndeux\r\ntrois",x\r\n\r\nc,d\ne,f\rg,"h"', "lieux.csv");
    expect(parsed).toEqual({
      ok: true,
      separator: ",",
      header: ["a", "b"],
      rows: [
        { line: 2, cells: ["un\r\ndeux\r\ntrois", "x"] },
        { line: 6, cells: ["c", "d"] },
        { line: 7, cells: ["e", "f"] },
        { line: 8, cells: ["g", "h"] },
      ],
    });
  });

  it("says where a quoted cell never closes", () => {
    expect(refusal('a,b\r\n"x\r\ny",z\r\nc,"d\r\ne')).toMatchObject({ code: "truncated_file", line: 4 });
  });

  it("names the line and the character after a badly closed quoted cell", () => {
    const error = refusal('a;b\r\n"un\r\ndeux";x\r\n"Le "Lien" local";y\r\n');
    expect(error).toMatchObject({ code: "malformed_csv", line: 4 });
    expect(error.messageFr).toBe(
      "« lieux.csv », ligne 4 : une cellule entre guillemets est suivie de « L » au lieu de « ; » ou d'une fin de ligne. Mettez toute la cellule entre guillemets et doublez les guillemets qu'elle contient (\"\").",
    );
  });

  it("refuses a quote inside a cell that is not between quotes", () => {
    expect(refusal('a,b\nc,"d"\nSalle "Le Lien",e\n')).toMatchObject({ code: "malformed_csv", line: 3 });
  });

  it("refuses an empty file", () => {
    expect(refusal("\r\n\r\n")).toMatchObject({ code: "empty_file" });
  });
});
