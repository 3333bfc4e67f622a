import { Console } from "node:console";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { closeDatabases, databaseFile, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { ROLES } from "@/lib/roles";
import { roleSchema, signUpSchema } from "@/lib/schemas/user";
import type { z } from "@/lib/schemas/zod";
import { SYSTEM } from "./authorize";
import { DomainError } from "./errors";
import { applyImport } from "./importer/apply";
import { seedDatabase } from "./importer/seed";
import { fileTooLargeError, MAX_IMPORT_BYTES } from "./importer/decode";
import { planImport } from "./importer/plan";
import { readImportFile } from "./importer/read-file";
import { describeOutcome, describePlan } from "./importer/summary";
import { createUser, getUserByEmail, setUserRole } from "./user";
import { buildExport, EXPORT_FORMATS, type ExportFormat } from "./export/command";
import { applyLieuxImport } from "./import-lieux/apply";
import { planLieuxImport } from "./import-lieux/plan";
import { readLieuxCsv } from "./import-lieux/read";
import { describeLieuxOutcome, describeLieuxPlan } from "./import-lieux/summary";
import { readFichesJson } from "./importer/fiches-json";
import { describeJsonImport, importFichesJson } from "./importer/fiches-json-apply";
import { rebuildSearchIndex } from "./search";
import { runningServerPid } from "./server-lock";
import { registerStorageDocuments } from "./collab/storage-documents";

const USAGE = `Usage: npm run wiki -- <command> [options]

Commands:
  migrate                                  Apply the pending database migrations.
  seed                                     Add the missing taxonomy terms (terms edited by admins are kept) and,
                                           while the wiki holds no fiche, the Livre blanc's fiches and acteurs.
  import FILE [--dry-run]                  Import fiches from the Livre blanc's text (.txt) or a Markdown file (.md,
                                           see server/importer/FORMAT.md): created, or updated when imported before.
                                           --dry-run prints the plan and writes nothing.
  export --format F [--out FILE]           Export the public content under its licence. F is json (the fiches), csv (the
                                           fiches), acteurs-csv, lieux-csv (schéma des lieux de médiation numérique
                                           v1.0.2) or markdown (a .zip of every fiche in Markdown with the JSON, the CSVs
                                           and a README: needs --out). Without --out the export is written to stdout.
  import-lieux FILE [--dry-run]            Create or update acteurs and lieux from a CSV of the schéma des lieux de
                                           médiation numérique, in one transaction. --dry-run prints the plan only.
  import-json FILE [--dry-run]             Import the fiches of a JSON export (export --format json) from another wiki.
  search:rebuild                           Rebuild the search index from the fiches and acteurs (it is kept up to date
                                           on every change; this is for repairs).
  user:add --email E --role R [--name N]   Create an account. The name defaults to the part of the email before "@".
  user:role --email E --role R             Change the role of an account.
  help                                     Show this help.

Roles: ${ROLES.join(", ")}.
The password of user:add is typed twice without echo in a terminal, or read from the first line of piped input:
  printf '%s\\n' "$PASSWORD" | npm run wiki -- user:add --email alice@example.org --role admin --name Alice

The database is DATA_DIR/wiki.sqlite, with the fiches' documents in DATA_DIR/wiki-documents.sqlite (DATA_DIR defaults to ./data); every command applies pending migrations first.
Exit codes: 0 success, 1 failure, 2 usage error.`;

type CliStdin = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?(mode: boolean): unknown };
type Terminal = CliStdin & { setRawMode(mode: boolean): unknown };

/** The streams a command reads and writes: the process's own, or a test's. */
export type CliIo = { stdin: CliStdin; stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream };

/** The command line itself is wrong: exit 2 with the usage. */
class UsageError extends Error {}
/** The command was understood but could not be carried out: exit 1. */
class CommandFailure extends Error {}

const FIELD_NAMES: Record<string, string> = { email: "Email", name: "Name", password: "Password", role: "Role" };

// The zod schemas are the UI's, with French messages; the CLI speaks English, so it words each issue itself.
function describeIssue(issue: z.core.$ZodIssue, input: Record<string, unknown>): string {
  const field = String(issue.path[0] ?? "");
  const label = FIELD_NAMES[field] ?? "Value";
  const given = JSON.stringify(input[field] ?? "");
  switch (issue.code) {
    case "too_small":
      return field === "password" ? `Password too short: it needs at least ${issue.minimum} characters.` : `${label} must not be empty.`;
    case "too_big":
      return `${label} too long: at most ${issue.maximum} characters.`;
    case "invalid_format":
      return field === "email" ? `Invalid email address ${given}: expected something like name@example.org.` : `Invalid ${label.toLowerCase()} ${given}.`;
    case "invalid_value":
      return `Unknown ${label.toLowerCase()} ${given}: use ${issue.values.map(String).join(", ")}.`;
    default:
      return `Invalid ${label.toLowerCase()} ${given}.`;
  }
}

function validate<S extends z.ZodType>(schema: S, input: Record<string, unknown>): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new CommandFailure(parsed.error.issues.map((issue) => describeIssue(issue, input)).join("\n"));
  return parsed.data;
}

function parseOptions(command: string, args: string[], required: string[], optional: string[] = []) {
  const options = Object.fromEntries([...required, ...optional].map((name) => [name, { type: "string" as const }]));
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args, options, strict: true, allowPositionals: false }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}.`);
  }
  const missing = required.filter((name) => values[name] === undefined);
  if (missing.length) throw new UsageError(`${command}: missing ${missing.map((name) => `--${name}`).join(", ")}.`);
  return values;
}

const userAddOptions = signUpSchema.pick({ email: true, name: true }).extend({ role: roleSchema });
const userRoleOptions = signUpSchema.pick({ email: true }).extend({ role: roleSchema });

// Domain refusals carry an English message for the CLI; say which account they are about.
async function refusedAs<T>(context: string, action: () => T | Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DomainError) throw new CommandFailure(`${context}: ${error.message}`);
    throw error;
  }
}

function isTerminal(stdin: CliStdin): stdin is Terminal {
  return Boolean(stdin.isTTY) && typeof stdin.setRawMode === "function";
}

function readHidden(prompt: string, stdin: Terminal, stderr: NodeJS.WritableStream): Promise<string> {
  stderr.write(prompt);
  stdin.setRawMode(true);
  stdin.setEncoding("utf8");
  stdin.resume();
  return new Promise((resolve, reject) => {
    let value = "";
    const finish = (outcome: () => void) => {
      stdin.off("data", onData);
      stdin.setRawMode(false);
      stdin.pause();
      stderr.write("\n");
      outcome();
    };
    const onData = (chunk: string) => {
      if (chunk.startsWith("\u001b")) return; // arrow and function keys
      for (const char of chunk) {
        if (char === "\r" || char === "\n" || char === "\u0004") return finish(() => resolve(value));
        if (char === "\u0003") return finish(() => reject(new CommandFailure("Cancelled: no account was created.")));
        if (char === "\u007f" || char === "\b") value = [...value].slice(0, -1).join("");
        else if (char >= " ") value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readFirstLine(stdin: CliStdin): Promise<string | null> {
  const lines = readline.createInterface({ input: stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return null;
}

async function readPassword({ stdin, stderr }: CliIo): Promise<string> {
  if (isTerminal(stdin)) {
    const first = await readHidden("Password: ", stdin, stderr);
    const second = await readHidden("Password again: ", stdin, stderr);
    if (first !== second) throw new CommandFailure("The two passwords differ: no account was created.");
    return first;
  }
  const line = await readFirstLine(stdin);
  if (line === null) {
    throw new CommandFailure("No password on stdin: pipe it as the first line, or run the command in a terminal to be prompted.");
  }
  return line;
}

function migrate(): number {
  const db = getDb();
  const applied = () => {
    const table = db.$client.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    return table ? (db.$client.prepare("SELECT count(*) AS n FROM __drizzle_migrations").get() as { n: number }).n : 0;
  };
  const before = applied();
  migrateDatabase(db);
  return applied() - before;
}

function runMigrate(): string {
  const count = migrate();
  return count === 0
    ? `Database ${databaseFile()} is already up to date.`
    : `Applied ${count} migration${count > 1 ? "s" : ""} to ${databaseFile()}.`;
}

/**
 * Fiches' content changes through the running wiki's document service, so that its connected editors
 * see every change: a command that would write it behind the service's back refuses while it runs.
 */
function refuseWhileServing(command: string): void {
  const pid = runningServerPid();
  if (pid === null) return;
  throw new CommandFailure(
    `${command}: the wiki is running on ${databaseFile()} (process ${pid}); its editors would not see this write. ` +
      "Import from the wiki's page /moderation/import, or stop the wiki first. --dry-run works while it runs.",
  );
}

function runSeed(): string {
  refuseWhileServing("seed");
  migrate();
  const { terms, livreBlanc, documents } = seedDatabase(getDb());
  return [
    terms === 0 ? `Every taxonomy term is already in ${databaseFile()}.` : `Added ${terms} taxonomy term${terms > 1 ? "s" : ""} to ${databaseFile()}.`,
    livreBlanc
      ? `Imported the Livre blanc: ${livreBlanc.fiches} fiches and ${livreBlanc.acteurs} acteurs.`
      : "The wiki already holds fiches: the Livre blanc was not imported again (use the import command to update it).",
    ...documents.map((d) => `Imported ${d.file}: ${d.fiches} fiches and ${d.acteurs} acteurs.`),
  ].join("\n");
}

function runSearchRebuild(): string {
  migrate();
  const started = performance.now();
  rebuildSearchIndex(getDb());
  return `Rebuilt the search index of ${databaseFile()} in ${Math.round(performance.now() - started)} ms.`;
}

function readImportBytes(file: string): Buffer {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CommandFailure(`Cannot import "${file}": it is not a file.`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    throw new CommandFailure(`Cannot read "${file}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : (error as Error).message}.`);
  }
  // Refused before reading: a huge file is never loaded whole.
  if (size > MAX_IMPORT_BYTES) throw new CommandFailure(fileTooLargeError(path.basename(file), size).message);
  return fs.readFileSync(file);
}

function runImport(args: string[]): string {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { "dry-run": { type: "boolean" } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`import: ${(error as Error).message}.`);
  }
  if (parsed.positionals.length !== 1) throw new UsageError("import: give exactly one FILE.");
  const [file] = parsed.positionals;
  const read = readImportFile(readImportBytes(file), file);
  if (!read.ok) throw new CommandFailure(read.error.message);
  migrate();
  const plan = planImport(getDb(), read);
  if (parsed.values["dry-run"]) return `${describePlan(plan)}\nDry run: nothing was written.`;
  refuseWhileServing("import");
  return describeOutcome(applyImport(getDb(), plan, { viewerId: null }));
}

function fileArgument(command: string, args: string[]): { file: string; dryRun: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { "dry-run": { type: "boolean" } }, strict: true, allowPositionals: true });
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message}.`);
  }
  if (parsed.positionals.length !== 1) throw new UsageError(`${command}: give exactly one FILE.`);
  return { file: parsed.positionals[0], dryRun: parsed.values["dry-run"] === true };
}

function runImportLieux(args: string[]): string {
  const { file, dryRun } = fileArgument("import-lieux", args);
  const bytes = readImportBytes(file);
  const read = readLieuxCsv(bytes, file);
  if (!read.ok) throw new CommandFailure(read.error.message);
  migrate();
  const text = new TextDecoder().decode(bytes);
  if (dryRun) return `${describeLieuxPlan(planLieuxImport(getDb(), read, text))}\nDry run: nothing was written.`;
  return describeLieuxOutcome(applyLieuxImport(getDb(), read, text));
}

function runImportJson(args: string[]): string {
  const { file, dryRun } = fileArgument("import-json", args);
  const read = readFichesJson(readImportBytes(file), path.basename(file));
  if (!read.ok) throw new CommandFailure(read.error.message);
  migrate();
  if (!dryRun) refuseWhileServing("import-json");
  const outcome = importFichesJson(getDb(), read.document, { viewerId: null, dryRun });
  return `${describeJsonImport(outcome, dryRun)}${dryRun ? "\nDry run: nothing was written." : ""}`;
}

/** Exports to --out, or to stdout (then nothing else goes to stdout: the summary goes to stderr). */
function runExport(args: string[], { stdout, stderr }: CliIo): string | null {
  const { format, out } = parseOptions("export", args, ["format"], ["out"]);
  if (!(EXPORT_FORMATS as readonly string[]).includes(format!)) {
    throw new UsageError(`export: unknown format "${format}": use ${EXPORT_FORMATS.join(", ")}.`);
  }
  if (format === "markdown" && !out) throw new UsageError("export: the markdown export is a .zip archive of every fiche: give --out FILE.zip.");
  migrate();
  const result = buildExport(getDb(), format as ExportFormat);
  for (const warning of result.warnings) stderr.write(`Warning: ${warning}\n`);
  if (!out) {
    stdout.write(result.content);
    stderr.write(`Exported ${result.description}. Licence: ${result.licence}.\n`);
    return null;
  }
  try {
    fs.writeFileSync(out, result.content);
  } catch (error) {
    throw new CommandFailure(`Cannot write "${out}": ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such directory" : (error as Error).message}.`);
  }
  return `Wrote ${result.description} to ${out}. Licence: ${result.licence}.`;
}

async function runUserAdd(args: string[], io: CliIo): Promise<string> {
  const options = parseOptions("user:add", args, ["email", "role"], ["name"]);
  // Checked before the password is asked for, so that nobody types it twice for nothing.
  const { email, name, role } = validate(userAddOptions, { ...options, name: options.name ?? options.email!.split("@")[0] });
  const input = validate(signUpSchema, { email, name, password: await readPassword(io) });
  migrate();
  const created = await refusedAs(`Cannot create user ${email}`, () => createUser(getDb(), SYSTEM, { ...input, role }));
  return `Created ${created.role} user ${created.email} (id ${created.id}).`;
}

async function runUserRole(args: string[]): Promise<string> {
  const { email, role } = validate(userRoleOptions, parseOptions("user:role", args, ["email", "role"]));
  migrate();
  const found = getUserByEmail(getDb(), email);
  if (!found) throw new CommandFailure(`No user with email ${email}.`);
  if (found.role === role) return `${found.email} is already ${role}; nothing changed.`;
  const updated = await refusedAs(`Cannot change the role of ${email}`, () => setUserRole(getDb(), SYSTEM, found.id, role));
  return `Changed the role of ${updated.email} (id ${updated.id}) from ${found.role} to ${updated.role}.`;
}

async function run(argv: string[], io: CliIo): Promise<string | null> {
  const [command, ...args] = argv;
  switch (command) {
    case "migrate":
      parseOptions(command, args, []);
      return runMigrate();
    case "seed":
      parseOptions(command, args, []);
      return runSeed();
    case "search:rebuild":
      parseOptions(command, args, []);
      return runSearchRebuild();
    case "import":
      return runImport(args);
    case "import-lieux":
      return runImportLieux(args);
    case "import-json":
      return runImportJson(args);
    case "export":
      return runExport(args, io);
    case "user:add":
      return runUserAdd(args, io);
    case "user:role":
      return runUserRole(args);
    case "help":
    case "--help":
    case "-h":
      return USAGE;
    case undefined:
      throw new UsageError("No command given.");
    default:
      throw new UsageError(`Unknown command "${command}".`);
  }
}

/** Runs one command and returns the process exit code: 0 done, 1 failed, 2 wrong command line. */
export async function runCli(argv: string[], io: CliIo = process): Promise<number> {
  const console = new Console({ stdout: io.stdout, stderr: io.stderr });
  registerStorageDocuments();
  try {
    const output = await run(argv, io);
    if (output !== null) console.log(output);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`Error: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      console.error(error.message.replace(/^/gm, "Error: "));
      return 1;
    }
    console.error("Error:", error);
    return 1;
  } finally {
    closeDatabases();
  }
}

// Run as a script (npm run wiki); a test imports runCli instead.
if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
