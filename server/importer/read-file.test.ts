import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { MAX_IMPORT_BYTES } from "./decode";
import { LIVRE_BLANC_DOCUMENT_ID, readImportFile } from "./read-file";
import { LIVRE_BLANC_SEED_FILE } from "./seed";

const encode = (text: string) => new TextEncoder().encode(text);
const livreBlanc = fs.readFileSync(LIVRE_BLANC_SEED_FILE, "utf8");
const MARKDOWN = "# Pratiques observées\n\n## Atelier tablette\nActeurs : Association A et Ville de B\nCible : Seniors\nDescriptif de l'action : Chaque mardi.\n";

function refusal(text: string | Uint8Array, filename: string) {
  const file = readImportFile(typeof text === "string" ? encode(text) : text, filename);
  if (file.ok) throw new Error(`${filename} was accepted`);
  return file.error;
}

describe("readImportFile", () => {
  it("reads the Livre blanc's text as the Livre blanc, keyed under its own document id", () => {
    const file = readImportFile(encode(livreBlanc), "/chemin/vers/livre-blanc.txt");
    expect(file.ok && { ...file.document, fiches: file.result.fiches.length }).toEqual({
      id: LIVRE_BLANC_DOCUMENT_ID,
      title: "Livre blanc de la Solidarité numérique de Bordeaux (Ville de Bordeaux, 2016)",
      format: "livre-blanc",
      filename: "livre-blanc.txt",
      encoding: "utf-8",
      fiches: 121,
    });
  });

  it("reads Markdown from a .md file, and from a .txt file that has Markdown headings", () => {
    for (const name of ["Cafés numériques.md", "cafés numériques.txt"]) {
      const file = readImportFile(encode(MARKDOWN), name);
      expect(file.ok && [file.document.format, file.document.id, file.result.fiches.map((f) => f.key)]).toEqual([
        "markdown",
        "markdown:cafes-numeriques",
        ["pratique:atelier-tablette"],
      ]);
    }
  });

  it("refuses what it cannot import, with a precise message in English and in French", () => {
    expect(refusal("a;b\n=1+1;2\n", "fiches.csv")).toMatchObject({
      code: "unsupported_file_type",
      messageFr: "« fiches.csv » est un fichier .csv : l'import lit le texte du Livre blanc (.txt) et les fiches rédigées en Markdown (.md).",
    });
    expect(refusal(livreBlanc.slice(0, 60_000), "livre-blanc.txt")).toMatchObject({ code: "incomplete_document" });
    expect(refusal("Juste une phrase.\n", "notes.md")).toMatchObject({
      code: "no_fiche",
      message: 'No fiche found in "notes.md": in Markdown, each fiche is a "##" heading under "# Pratiques observées" or "# Idées à explorer".',
    });
    // UTF-8 ("Idées") with one Windows-1252 "é" pasted in: neither encoding reads the whole file.
    const mixed = Uint8Array.from([...encode("# Idées à explorer\n\n## Caf"), 0xe9, ...encode(" numérique\n")]);
    expect(refusal(mixed, "idees.md")).toMatchObject({ code: "invalid_utf8", line: 3 });
    expect(refusal(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x61), "gros.md")).toMatchObject({ code: "file_too_large" });
  });

  it("refuses a value shaped like a spreadsheet formula, naming the fiche and the line", () => {
    const injected = MARKDOWN.replace("Association A et Ville de B", "=HYPERLINK(\"http://exemple.invalid\";\"cliquez\")");
    expect(refusal(injected, "atelier.md")).toEqual({
      code: "formula_injection",
      line: 4,
      message: `"atelier.md", line 4: the acteurs line of fiche "Atelier tablette" starts like a spreadsheet formula ("=HYPERLINK("http://exemple.invalid";"cliquez")"). Remove the leading "=" and import again.`,
      messageFr: `« atelier.md », ligne 4 : la ligne des acteurs de la fiche « Atelier tablette » commence comme une formule de tableur (« =HYPERLINK("http://exemple.invalid";"cliquez") »). Retirez le « = » du début et importez à nouveau.`,
    });
    expect(refusal(MARKDOWN.replace("Chaque mardi.", "+cmd|' /C calc'!A0"), "atelier.md")).toMatchObject({ code: "formula_injection", line: 6 });
    // "+ de 60 ans" or a phone number are text, not formulas.
    expect(readImportFile(encode(MARKDOWN.replace("Seniors", "+ de 60 ans, joignables au +33 5 56 00 00 00")), "atelier.md").ok).toBe(true);
  });
});
