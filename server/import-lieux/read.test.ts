import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "../importer/decode";
import { LIEUX_CSV_COLUMNS } from "../export/lieux-schema";
import { readLieuxCsv } from "./read";

const HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,services";
const ROW = "lieu-1,73282932000074,Local du Lien,Bordeaux,33000,12 rue Sainte-Catherine,2024-05-02,Aide aux démarches administratives";
const utf8 = (text: string) => new TextEncoder().encode(text);

function refusal(bytes: Uint8Array) {
  const read = readLieuxCsv(bytes, "lieux.csv");
  if (read.ok) throw new Error("expected a refusal");
  return read.error;
}

describe("readLieuxCsv", () => {
  it("reads ',' or ';' separated files, with a byte-order mark, CRLF and quoted cells holding separators and line breaks", () => {
    const comma = readLieuxCsv(utf8(`${HEADER}\r\n${ROW}\r\n`), "lieux.csv");
    const semicolon = readLieuxCsv(
      new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(`${HEADER.replaceAll(",", ";")}\r\n"lieu-1";"73282932000074";"Local ""du"" Lien; salle 2";Bordeaux;33000;"12 rue Sainte-Catherine\r\nau fond";2024-05-02;Aide aux démarches administratives\r\n`)]),
      "lieux.csv",
    );
    if (!comma.ok || !semicolon.ok) throw new Error("refused");
    expect(comma.rows).toEqual([{ line: 2, values: expect.objectContaining({ nom: "Local du Lien", code_postal: "33000", telephone: "" }) }]);
    expect(semicolon.rows[0].values).toMatchObject({ nom: 'Local "du" Lien; salle 2', adresse: "12 rue Sainte-Catherine\r\nau fond" });
  });

  it("accepts the schema's column names whatever their case, in any order", () => {
    const read = readLieuxCsv(utf8(`Nom,ID,Pivot,Commune,Code_Postal,Adresse,Date_MAJ,Services\nLocal,lieu-1,,Bordeaux,33000,1 rue A,2024-05-02,Aide aux démarches administratives\n`), "lieux.csv");
    expect(read.ok && read.rows[0].values).toMatchObject({ id: "lieu-1", nom: "Local" });
  });

  it("names unknown columns, and lists the schema's", () => {
    const error = refusal(utf8(`${HEADER},horaires_ete,Remarque\n${ROW},x,y\n`));
    expect(error).toMatchObject({ code: "unknown_columns", line: 1, column: "horaires_ete" });
    expect(error.message).toContain('columns that the schéma des lieux de médiation numérique v1.0.2 does not define: "horaires_ete", "Remarque"');
    expect(error.message).toContain(LIEUX_CSV_COLUMNS.join(", "));
    expect(error.messageFr).toContain("des colonnes que le schéma des lieux de médiation numérique v1.0.2 ne prévoit pas : « horaires_ete », « Remarque »");
  });

  it("names missing required columns", () => {
    const error = refusal(utf8("id,nom,commune\nlieu-1,Local,Bordeaux\n"));
    expect(error.code).toBe("missing_columns");
    expect(error.message).toContain('"pivot", "code_postal", "adresse", "date_maj", "services"');
    expect(error.messageFr).toContain("les colonnes obligatoires « pivot », « code_postal »");
  });

  it("says a file is truncated when a quoted cell never closes or the last row is short", () => {
    const quote = refusal(utf8(`${HEADER}\n${ROW}\nlieu-2,,"Salle du club,Bègles`));
    expect(quote).toMatchObject({ code: "truncated_file", line: 3 });
    expect(quote.message).toBe('"lieux.csv" is truncated: the quoted cell opened on line 3 never closes. Export the file again.');
    const short = refusal(utf8(`${HEADER}\n${ROW}\nlieu-2,,Salle du club,Bègl`));
    expect(short).toMatchObject({ code: "truncated_file", line: 3 });
    expect(short.messageFr).toBe("« lieux.csv » est tronqué : sa dernière ligne (ligne 3) a 4 cellules au lieu de 8. Exportez à nouveau le fichier.");
  });

  it("refuses a row in the middle with the wrong number of cells, with its line", () => {
    expect(refusal(utf8(`${HEADER}\n${ROW},en trop\n${ROW}\n`))).toMatchObject({ code: "malformed_csv", line: 2 });
  });

  it("refuses a wrong encoding with the byte and the line", () => {
    expect(refusal(new Uint8Array([0xff, 0xfe, 0x69, 0x00]))).toMatchObject({ code: "utf16_not_supported" });
    const broken = refusal(new Uint8Array([...utf8(`${HEADER}\n`), 0x4c, 0xc3, 0xa9, 0xe9, 0x0a]));
    expect(broken).toMatchObject({ code: "invalid_utf8", line: 2 });
  });

  it("refuses a huge file before reading it as text", () => {
    const huge = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61);
    expect(refusal(huge)).toMatchObject({ code: "file_too_large" });
  });

  it("refuses a cell shaped like a spreadsheet formula, naming its line and column", () => {
    const error = refusal(utf8(`${HEADER}\n${ROW}\n${ROW.replace("Local du Lien", '"=HYPERLINK(""http://evil.example"",""Cliquez"")"')}\n`));
    expect(error).toMatchObject({ code: "formula_injection", line: 3, column: "nom" });
    expect(error.message).toContain('"lieux.csv", line 3, column "nom": the cell starts like a spreadsheet formula');
    expect(error.messageFr).toContain("« lieux.csv », ligne 3, colonne « nom » : la cellule commence comme une formule de tableur");
  });

  it("reads back a cell our own export neutralised, and keeps signed numbers", () => {
    const read = readLieuxCsv(utf8(`${HEADER},longitude,presentation_resume\n${ROW},-0.5792,'- sans rendez-vous\n`), "lieux.csv");
    expect(read.ok && read.rows[0].values).toMatchObject({ longitude: "-0.5792", presentation_resume: "- sans rendez-vous" });
  });

  it("refuses a file with a header and no lieu", () => {
    expect(refusal(utf8(`${HEADER}\n`))).toMatchObject({ code: "no_lieu" });
  });
});
