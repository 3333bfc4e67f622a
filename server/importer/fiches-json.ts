import type { JSONContent } from "@tiptap/core";
import { z } from "zod";
import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { FICHE_ACTEUR_ROLES, FICHE_STATUTS, FICHE_TYPES } from "@/lib/fiche/values";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { FICHES_EXPORT_FORMAT, FICHES_EXPORT_VERSION } from "../export/fiche-record";
import { parseBody } from "../fiche-html";
import { decodeImportFile } from "./decode";

// Reading a JSON export of fiches (server/export/fiches-json.ts) back, to rebuild a wiki from
// another one's export. Every refusal says where the file is wrong, in English and in French.

/** Why a JSON file cannot be imported: a code, an English message (CLI, API) and a French one. */
export type FichesJsonError = { code: string; message: string; messageFr: string; line?: number };

const term = z.object({ slug: z.string().min(1).max(200), label: z.string().max(300).optional() });

const acteurRef = z.object({
  slug: z.string().max(200).default(""),
  nom: z.string().trim().min(1).max(160),
  categorie: z.enum(ACTEUR_CATEGORIES).optional(),
  typologie: z.string().max(80).optional(),
  role: z.enum(FICHE_ACTEUR_ROLES),
});

const text = (max: number) => z.string().max(max).nullish().transform((v) => v ?? "");

const ficheSchema = z.object({
  slug: z.string().max(200).default(""),
  type: z.enum(FICHE_TYPES),
  titre: z.string().trim().min(1).max(300),
  statut: z.enum(FICHE_STATUTS),
  etat: z.enum(ETATS_ACTION).nullish().transform((v) => v ?? null),
  ebauche: z.boolean().default(false),
  commune: text(200),
  quartier: text(200),
  lienWeb: text(2000),
  source: text(2000),
  objectif: term.nullish().transform((v) => v ?? null),
  themes: z.array(term).max(100).default([]),
  themesSuggeres: z.array(term).max(100).default([]),
  publics: z.array(term).max(100).default([]),
  enjeux: z.array(term).max(100).default([]),
  acteurs: z.array(acteurRef).max(200).default([]),
  body: z.looseObject({ type: z.literal("doc"), content: z.array(z.unknown()).optional() }),
  createdAt: z.iso.datetime().optional(),
});

const documentSchema = z.object({
  format: z.literal(FICHES_EXPORT_FORMAT),
  version: z.literal(FICHES_EXPORT_VERSION),
  fiches: z.array(ficheSchema).max(10_000),
});

export type ImportedJsonFiche = Omit<z.infer<typeof ficheSchema>, "body"> & { body: JSONContent };
export type FichesJsonDocument = { fiches: ImportedJsonFiche[] };

export type FichesJsonFile = { ok: true; document: FichesJsonDocument } | { ok: false; error: FichesJsonError };

function fail(code: string, message: string, messageFr: string, line?: number): FichesJsonFile {
  return { ok: false, error: { code, message, messageFr, ...(line === undefined ? {} : { line }) } };
}

const pathOf = (path: PropertyKey[]) =>
  path.reduce<string>((out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), "") || "the document";

function describeIssue(issue: z.core.$ZodIssue): { en: string; fr: string } {
  const where = pathOf(issue.path);
  switch (issue.code) {
    case "invalid_type":
      return { en: `${where}: expected ${issue.expected}`, fr: `${where} : valeur de type ${issue.expected} attendue` };
    case "invalid_value":
      return {
        en: `${where}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
        fr: `${where} : valeur attendue parmi ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`,
      };
    case "too_small":
      return { en: `${where}: must not be empty`, fr: `${where} : ne doit pas être vide` };
    case "too_big":
      return { en: `${where}: too long (at most ${issue.maximum})`, fr: `${where} : trop long (${issue.maximum} au plus)` };
    default:
      return { en: `${where}: invalid value`, fr: `${where} : valeur invalide` };
  }
}

// JSON.parse says "at position N" (V8): turned into a line for the report.
function lineOfError(textValue: string, error: unknown): number | undefined {
  const match = /position (\d+)/.exec(error instanceof Error ? error.message : "");
  return match ? textValue.slice(0, Number(match[1])).split("\n").length : undefined;
}

/**
 * Reads a JSON export of fiches: decodes it (encoding, size, binary: decodeImportFile), parses it
 * (a truncated file is named as such), checks its format, version and every fiche, and checks each
 * body against the fiche schema.
 */
export function readFichesJson(bytes: Uint8Array, filename: string): FichesJsonFile {
  const decoded = decodeImportFile(bytes, filename);
  if (!decoded.ok) return { ok: false, error: decoded.error };
  let raw: unknown;
  try {
    raw = JSON.parse(decoded.text);
  } catch (error) {
    const line = lineOfError(decoded.text, error);
    if (/end of JSON input|Unterminated string/i.test(error instanceof Error ? error.message : "") || line === undefined) {
      return fail(
        "truncated_file",
        `"${filename}" ends before its JSON does: the file is truncated. Export it again.`,
        `« ${filename} » s'arrête avant la fin de son JSON : le fichier est tronqué. Exportez-le à nouveau.`,
      );
    }
    return fail("invalid_json", `"${filename}" is not valid JSON (line ${line}).`, `« ${filename} » n'est pas un JSON valide (ligne ${line}).`, line);
  }
  const format = (raw as { format?: unknown } | null)?.format;
  if (format !== FICHES_EXPORT_FORMAT) {
    return fail(
      "unknown_format",
      `"${filename}" is not an export of fiches of this wiki (its "format" is ${JSON.stringify(format ?? null)}, expected "${FICHES_EXPORT_FORMAT}").`,
      `« ${filename} » n'est pas un export de fiches du wiki (son « format » vaut ${JSON.stringify(format ?? null)} au lieu de « ${FICHES_EXPORT_FORMAT} »).`,
    );
  }
  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map(describeIssue);
    return fail("invalid_document", `"${filename}" cannot be imported: ${issues.map((i) => i.en).join("; ")}.`, `« ${filename} » ne peut pas être importé : ${issues.map((i) => i.fr).join(" ; ")}.`);
  }
  const fiches: ImportedJsonFiche[] = [];
  for (const [index, fiche] of parsed.data.fiches.entries()) {
    let body: JSONContent;
    try {
      // Sanitised as every body is, then checked against the schema: a list item outside a list fails here.
      const node = parseBody(fiche.body as JSONContent);
      node.check();
      body = node.toJSON() as JSONContent;
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return fail(
        "invalid_body",
        `"${filename}": fiches[${index}].body ("${fiche.titre}") is not a valid fiche body: ${reason}.`,
        `« ${filename} » : le texte de la fiche « ${fiche.titre} » (fiches[${index}].body) n'est pas un texte de fiche valide.`,
      );
    }
    fiches.push({ ...fiche, body });
  }
  return { ok: true, document: { fiches } };
}
