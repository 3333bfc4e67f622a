import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { runWiki as cli } from "./cli-testing";

// The export and import commands of the CLI, driven as a person would, each against its own DATA_DIR.
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});
function freshDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-cli-export-"));
  dirs.push(dir);
  return dir;
}

const HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,services,structure_parente";
const LIEUX = `${HEADER}\nx-1,W332012345,Salle du club,Bègles,33130,3 place du Marché,2024-05-02,Loisirs et créations numériques,Club informatique de Bègles\n`;

describe("wiki CLI: export and imports", () => {
  it("imports a lieux CSV (dry run first), then exports it as the national schema's CSV on stdout, the licence on stderr", async () => {
    const dir = freshDir();
    const file = path.join(dir, "lieux.csv");
    fs.writeFileSync(file, LIEUX);
    const dry = await cli(dir, ["import-lieux", file, "--dry-run"]);
    expect(dry).toMatchObject({ status: 0 });
    expect(dry.stdout).toContain("Lieux: 1 to create, 0 to update, 0 unchanged, 0 skipped.");
    expect(dry.stdout).toContain("Dry run: nothing was written.");
    const done = await cli(dir, ["import-lieux", file]);
    expect(done.stdout).toContain("Lieux: 1 created, 0 updated, 0 unchanged, 0 skipped.");
    expect(done.stdout).toContain("Acteurs: 1 created");

    const exported = await cli(dir, ["export", "--format", "lieux-csv"]);
    expect(exported.status).toBe(0);
    const [header, row] = exported.stdout.split("\r\n");
    expect(header.split(",")).toHaveLength(32);
    expect(row).toContain(",W332012345,Salle du club,Bègles,33130,");
    expect(exported.stderr).toBe("Exported 1 lieu in the schéma des lieux de médiation numérique v1.0.2. Licence: Licence Ouverte 2.0 (Etalab) <https://www.etalab.gouv.fr/licence-ouverte-open-licence/>.");
  });

  it("refuses a broken lieux file with a precise English error and exit code 1, writing nothing", async () => {
    const dir = freshDir();
    const file = path.join(dir, "lieux.csv");
    fs.writeFileSync(file, `${HEADER},remarque\n${LIEUX.split("\n")[1]},x\n`);
    expect(await cli(dir, ["import-lieux", file])).toMatchObject({
      status: 1,
      stderr: expect.stringContaining('Error: "lieux.csv" has a column that the schéma des lieux de médiation numérique v1.0.2 does not define: "remarque".'),
    });
    // Refused before the database is even opened.
    expect(fs.existsSync(path.join(dir, "wiki.sqlite"))).toBe(false);
    fs.writeFileSync(file, `${HEADER}\nx-1,,"Salle du club,Bègles`);
    expect((await cli(dir, ["import-lieux", file])).stderr).toBe('Error: "lieux.csv" is truncated: the quoted cell opened on line 2 never closes. Export the file again.');
    expect(await cli(dir, ["import-lieux", path.join(dir, "absent.csv")])).toMatchObject({ status: 1, stderr: expect.stringContaining("no such file") });
  });

  it("writes the markdown archive to --out, and says how to use the command when the arguments are wrong", async () => {
    const dir = freshDir();
    const out = path.join(dir, "wiki.zip");
    const written = await cli(dir, ["export", "--format", "markdown", "--out", out]);
    expect(written.status).toBe(0);
    expect(written.stdout).toMatch(/^Wrote an archive of 0 fiches in Markdown, .* to .*wiki\.zip\. Licence: Licence Ouverte 2\.0/);
    expect(strFromU8(unzipSync(fs.readFileSync(out))["README.md"])).toContain("https://www.etalab.gouv.fr/licence-ouverte-open-licence/");

    expect(await cli(dir, ["export", "--format", "markdown"])).toMatchObject({ status: 2, stderr: expect.stringContaining("Error: export: the markdown export is a .zip archive of every fiche: give --out FILE.zip.") });
    expect(await cli(dir, ["export", "--format", "pdf"])).toMatchObject({ status: 2, stderr: expect.stringContaining('Error: export: unknown format "pdf": use json, csv, markdown, lieux-csv, acteurs-csv.') });
    expect(await cli(dir, ["export"])).toMatchObject({ status: 2, stderr: expect.stringContaining("Error: export: missing --format.") });
    expect(await cli(dir, ["export", "--format", "json", "--out", path.join(dir, "nope", "x.json")])).toMatchObject({ status: 1, stderr: expect.stringContaining("no such directory") });
  });

  it("refuses a truncated JSON export with exit code 1", async () => {
    const dir = freshDir();
    const file = path.join(dir, "fiches.json");
    fs.writeFileSync(file, '{"format": "wiki-solidarite-numerique/fiches", "version": 1, "fiches": [');
    expect(await cli(dir, ["import-json", file])).toMatchObject({ status: 1, stderr: 'Error: "fiches.json" ends before its JSON does: the file is truncated. Export it again.' });
  });
});
