import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { taxonomyTerm, user } from "@/db/schema";
import { TAXONOMY_SEED } from "@/db/taxonomies";
import { runWiki } from "./cli-testing";
import { verifyCredentials } from "./user";

const root = path.resolve(import.meta.dirname, "..");
const dirs: string[] = [];

/** Each test drives the CLI against its own empty DATA_DIR. */
function freshDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-cli-test-"));
  dirs.push(dir);
  return dir;
}

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(dataDir: string, args: string[], stdin = "") {
  const result = await runWiki(dataDir, args, stdin);
  return { ...result, stdout: result.stdout.trim() };
}

async function addUser(dataDir: string, email: string, role: string, password = "une phrase de passe", extra: string[] = []) {
  return cli(dataDir, ["user:add", "--email", email, "--role", role, ...extra], `${password}\n`);
}

function readUser(dataDir: string, email: string) {
  const db = openDatabase(path.join(dataDir, "wiki.sqlite"));
  try {
    return db.select().from(user).where(eq(user.email, email)).get();
  } finally {
    db.$client.close();
  }
}

describe("wiki CLI", () => {
  it("migrates once, then reports the database up to date", async () => {
    const dir = freshDataDir();
    const file = path.join(dir, "wiki.sqlite");
    const journal = JSON.parse(fs.readFileSync(path.join(root, "db", "migrations", "meta", "_journal.json"), "utf8"));
    const count = journal.entries.length;
    expect(await cli(dir, ["migrate"])).toEqual({ status: 0, stdout: `Applied ${count} migration${count > 1 ? "s" : ""} to ${file}.`, stderr: "" });
    expect(await cli(dir, ["migrate"])).toMatchObject({ status: 0, stdout: `Database ${file} is already up to date.` });
  });

  it("seeds the taxonomies and the Livre blanc once, on a database it migrates itself", async () => {
    const dir = freshDataDir();
    const total = Object.values(TAXONOMY_SEED).reduce((sum, terms) => sum + terms.length, 0);
    expect(await cli(dir, ["seed"])).toMatchObject({
      status: 0,
      stdout: `Added ${total} taxonomy terms to ${path.join(dir, "wiki.sqlite")}.\nImported the Livre blanc: 121 fiches and 107 acteurs.
Imported journees-bnr-2019.md: 5 fiches and 4 acteurs.
Imported inclusion-numerique-en-bibliotheque-2020.md: 5 fiches and 3 acteurs.
Imported accompagnement-demarches-administratives-2021.md: 25 fiches and 11 acteurs.
Imported bordeaux-conseillers-numeriques-2022.md: 9 fiches and 1 acteurs.`,
    });
    expect((await cli(dir, ["seed"])).stdout).toBe(
      `Every taxonomy term is already in ${path.join(dir, "wiki.sqlite")}.\nThe wiki already holds fiches: the Livre blanc was not imported again (use the import command to update it).`,
    );
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    expect(db.select().from(taxonomyTerm).all()).toHaveLength(total);
    db.$client.close();
  });

  it("refuses to write fiches behind a running wiki's back, and ignores the record a crashed one left", async () => {
    const dir = freshDataDir();
    // Another live process (this test's parent) recorded as the wiki's server on this DATA_DIR.
    fs.writeFileSync(path.join(dir, "server.pid"), String(process.ppid));
    const refused = await cli(dir, ["seed"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(`seed: the wiki is running on ${path.join(dir, "wiki.sqlite")} (process ${process.ppid})`);
    expect(fs.existsSync(path.join(dir, "wiki.sqlite"))).toBe(false);
    // A process that no longer exists. (Importing one fiche: seeding would import the whole Livre blanc.)
    fs.writeFileSync(path.join(dir, "server.pid"), "2147483646");
    const file = path.join(dir, "fiche.md");
    fs.writeFileSync(file, "# Pratiques observées\n\n## Permanence numérique\nActeurs : Centre social de la Bastide\nCible : Seniors\n");
    expect(await cli(dir, ["import", file])).toMatchObject({ status: 0, stderr: "" });
  });

  it("creates an account with the first line of stdin as its password", async () => {
    const dir = freshDataDir();
    const result = await addUser(dir, " Alice@Example.org ", "admin", "correct horse battery", ["--name", "Alice Martin"]);
    const created = readUser(dir, "alice@example.org");
    expect(result).toEqual({ status: 0, stdout: `Created admin user alice@example.org (id ${created?.id}).`, stderr: "" });
    expect(created).toMatchObject({ name: "Alice Martin", role: "admin", disabled: false });
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    expect((await verifyCredentials(db, "alice@example.org", "correct horse battery"))?.id).toBe(created?.id);
    db.$client.close();
  });

  it("names the account after its email when --name is left out", async () => {
    const dir = freshDataDir();
    expect((await addUser(dir, "camille.durand@example.org", "contributeur")).status).toBe(0);
    expect(readUser(dir, "camille.durand@example.org")?.name).toBe("camille.durand");
  });

  it("refuses invalid input with the UI's rules, in English, and exit code 1", async () => {
    const dir = freshDataDir();
    await cli(dir, ["migrate"]);
    expect(await addUser(dir, "bob@", "admin")).toMatchObject({
      status: 1,
      stderr: 'Error: Invalid email address "bob@": expected something like name@example.org.',
    });
    expect(await addUser(dir, "bob@example.org", "admin", "court")).toMatchObject({
      status: 1,
      stderr: "Error: Password too short: it needs at least 10 characters.",
    });
    expect(await addUser(dir, "bob@example.org", "chef")).toMatchObject({
      status: 1,
      stderr: 'Error: Unknown role "chef": use contributeur, moderateur, admin.',
    });
    expect(await cli(dir, ["user:add", "--email", "bob@example.org", "--role", "admin"])).toMatchObject({
      status: 1,
      stderr: "Error: No password on stdin: pipe it as the first line, or run the command in a terminal to be prompted.",
    });
    expect(readUser(dir, "bob@example.org")).toBeUndefined();
  });

  it("refuses an email that is already registered", async () => {
    const dir = freshDataDir();
    expect((await addUser(dir, "dora@example.org", "contributeur")).status).toBe(0);
    expect(await addUser(dir, "DORA@example.org", "admin")).toMatchObject({
      status: 1,
      stdout: "",
      stderr: "Error: Cannot create user dora@example.org: This email is already registered.",
    });
    expect(readUser(dir, "dora@example.org")?.role).toBe("contributeur");
  });

  it("changes a role, and says when there is nothing to change", async () => {
    const dir = freshDataDir();
    await addUser(dir, "eve@example.org", "contributeur");
    const id = readUser(dir, "eve@example.org")?.id;
    expect(await cli(dir, ["user:role", "--email", "eve@example.org", "--role", "moderateur"])).toEqual({
      status: 0,
      stdout: `Changed the role of eve@example.org (id ${id}) from contributeur to moderateur.`,
      stderr: "",
    });
    expect(readUser(dir, "eve@example.org")?.role).toBe("moderateur");
    expect((await cli(dir, ["user:role", "--email", "eve@example.org", "--role", "moderateur"])).stdout).toBe(
      "eve@example.org is already moderateur; nothing changed.",
    );
  });

  it("refuses an unknown user and the demotion of the last admin", async () => {
    const dir = freshDataDir();
    await addUser(dir, "root@example.org", "admin");
    expect(await cli(dir, ["user:role", "--email", "nobody@example.org", "--role", "admin"])).toMatchObject({
      status: 1,
      stderr: "Error: No user with email nobody@example.org.",
    });
    expect(await cli(dir, ["user:role", "--email", "root@example.org", "--role", "contributeur"])).toMatchObject({
      status: 1,
      stderr: "Error: Cannot change the role of root@example.org: The last active admin cannot be demoted.",
    });
    expect(readUser(dir, "root@example.org")?.role).toBe("admin");
    await addUser(dir, "second@example.org", "admin");
    expect((await cli(dir, ["user:role", "--email", "root@example.org", "--role", "contributeur"])).status).toBe(0);
  });

  it("prints the usage: on stdout for help, on stderr with exit code 2 for a wrong command line", async () => {
    const dir = freshDataDir();
    const help = await cli(dir, ["help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/^Usage: npm run wiki -- <command> \[options\]/);
    expect(help.stdout).toContain("user:add --email E --role R [--name N]");

    const unknown = await cli(dir, ["frobnicate"]);
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe("");
    expect(unknown.stderr).toMatch(/^Error: Unknown command "frobnicate"\.\n\nUsage: /);

    expect(await cli(dir, [])).toMatchObject({ status: 2, stderr: expect.stringMatching(/^Error: No command given\./) });
    expect(await cli(dir, ["user:role", "--email", "eve@example.org"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^Error: user:role: missing --role\./),
    });
    expect(await cli(dir, ["migrate", "--force"])).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^Error: migrate: Unknown option '--force'/),
    });
  });

  it("runs as a script: reads the piped stdin, writes to stderr and sets the exit code", () => {
    const dir = freshDataDir();
    // The one real process of this file: every other test calls runCli in-process.
    const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["server/cli.ts", "user:add", "--email", "bob@example.org", "--role", "admin"], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir },
      input: "court\n",
      encoding: "utf8",
    });
    expect({ status: result.status, stdout: result.stdout, stderr: result.stderr }).toEqual({
      status: 1,
      stdout: "",
      stderr: "Error: Password too short: it needs at least 10 characters.\n",
    });
  });
});
