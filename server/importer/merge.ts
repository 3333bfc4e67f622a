import { createHash } from "node:crypto";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { scratchDoc } from "@/server/collab/scratch-doc";
import { z } from "zod";
import { FICHE_ACTEUR_ROLES, type FicheActeurRole } from "@/lib/fiche/values";
import { getFicheSchema } from "@/lib/editor/extensions";
import type { ImportField } from "@/lib/import/preview";
import { bodyFragment, importMap, readFicheContent, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import type { ImportedFicheType } from "./types";

/*
 * How an import writes into a fiche's Yjs document. A first import writes everything. A re-import
 * is a three-way merge between what the importer last wrote there (the baseline, kept in the
 * document's import map), what the document says now, and what people made of the fiche since:
 * - a text field (titre, source, lien web, commune), the objectif, the ébauche flag or the body
 *   takes the document's new version only if people left it as the importer wrote it; otherwise
 *   their version stays and the field is reported as kept;
 * - a set (publics, suggested themes, enjeux) and the acteurs receive the document's additions
 *   and removals, so that a term or an acteur added or removed by people stays so.
 */

type ActeurLink = { acteurId: number; role: FicheActeurRole };

/** The values an import gives a fiche, acteurs resolved to directory ids. */
export type ImportedValues = {
  type: ImportedFicheType;
  titre: string;
  source: string;
  lienWeb: string;
  /** Empty when the document names no commune. */
  commune: string;
  /** The term of taxonomy "objectif" (fiches pratiques only), or null. */
  objectif: number | null;
  /** A stub to complete ("Ébauche : oui"). */
  ebauche: boolean;
  publics: number[];
  themesSuggeres: number[];
  enjeux: number[];
  acteurs: ActeurLink[];
  body: JSONContent;
};


const baselineSchema = z.object({
  titre: z.string(),
  source: z.string(),
  lienWeb: z.string(),
  // Absent from the baselines of imports made before the importer read communes.
  commune: z.string().optional(),
  // Absent from the baselines of imports made before the importer wrote them.
  objectif: z.number().int().nullable().optional(),
  ebauche: z.boolean().optional(),
  publics: z.array(z.number().int()),
  themesSuggeres: z.array(z.number().int()),
  enjeux: z.array(z.number().int()),
  acteurs: z.array(z.object({ acteurId: z.number().int(), role: z.enum(FICHE_ACTEUR_ROLES) })),
  body: z.string(),
});
/** What the importer last wrote into a fiche, field by field; the body as its digest. */
export type ImportBaseline = z.infer<typeof baselineSchema>;

/** What a merge does to a fiche: the fields it writes, and those people changed that it leaves alone. */
export type MergeDecision = { changes: ImportField[]; kept: ImportField[] };

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
  }
  return value;
}

function digestOfFragment(fragment: Y.XmlFragment): string {
  return createHash("sha256").update(JSON.stringify(canonical(yXmlFragmentToProsemirrorJSON(fragment)))).digest("base64url");
}

// A plan's bodies are digested when planned and again when applied: once is enough.
const digests = new WeakMap<JSONContent, string>();

/** The digest of a body as a document stores it: the JSON goes through a scratch document, so defaults are filled in alike. */
export function bodyDigest(body: JSONContent): string {
  const known = digests.get(body);
  if (known) return known;
  const doc = scratchDoc();
  try {
    prosemirrorJSONToYXmlFragment(getFicheSchema(), body, bodyFragment(doc));
    const digest = digestOfFragment(bodyFragment(doc));
    digests.set(body, digest);
    return digest;
  } finally {
    doc.destroy();
  }
}

function baselineOf(values: ImportedValues, body: string): ImportBaseline {
  const { titre, source, lienWeb, commune, objectif, ebauche, publics, themesSuggeres, enjeux, acteurs } = values;
  return { titre, source, lienWeb, commune, objectif, ebauche, publics, themesSuggeres, enjeux, acteurs, body };
}

// What a field holds before anyone wrote it: without a baseline, only that value is known to be untouched.
const UNTOUCHED = { titre: "", source: "", lienWeb: "", commune: "", objectif: null, ebauche: false } as const;

/** The baseline stored in a fiche's document, or null when there is none or it is malformed. */
export function readBaseline(doc: Y.Doc): ImportBaseline | null {
  const raw = importMap(doc).get("baseline");
  if (typeof raw !== "string") return null;
  try {
    const parsed = baselineSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const sorted = (ids: Iterable<number>) => [...new Set(ids)].sort((a, b) => a - b);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function mergeSet(current: number[], base: number[], next: number[]): number[] {
  const removed = new Set(base.filter((id) => !next.includes(id)));
  const added = next.filter((id) => !base.includes(id));
  return sorted([...current, ...added].filter((id) => !removed.has(id)));
}

function mergeActeurs(current: ActeurLink[], base: ActeurLink[], next: ActeurLink[]): ActeurLink[] {
  const result = new Map(current.map((a) => [a.acteurId, a.role]));
  const before = new Map(base.map((a) => [a.acteurId, a.role]));
  const after = new Map(next.map((a) => [a.acteurId, a.role]));
  for (const [id, role] of after) {
    const was = before.get(id);
    if (was === role) continue;
    // A new acteur of the document: a role people already gave it wins.
    if (was === undefined) {
      if (!result.has(id)) result.set(id, role);
    } else if (result.get(id) === was) result.set(id, role);
  }
  for (const [id, role] of before) if (!after.has(id) && result.get(id) === role) result.delete(id);
  return [...result].map(([acteurId, role]) => ({ acteurId, role })).sort((a, b) => a.acteurId - b.acteurId);
}

type Plan = MergeDecision & { content: Partial<FicheContent>; replaceBody: boolean; baseline: ImportBaseline };

function planMerge(doc: Y.Doc, values: ImportedValues): Plan {
  const current = readFicheContent(doc);
  const base = readBaseline(doc);
  const changes: ImportField[] = [];
  const kept: ImportField[] = [];
  const content: Partial<FicheContent> = {};
  const digest = bodyDigest(values.body);
  const baseline = baselineOf(values, digest);

  // A baseline written before the importer read communes (or objectifs, ébauches) has none: the field is then filled only if untouched.
  for (const field of ["titre", "source", "lienWeb", "commune", "objectif", "ebauche"] as const) {
    const was = base?.[field];
    if (was === values[field] || current[field] === values[field]) continue;
    if (was === undefined ? current[field] === UNTOUCHED[field] : current[field] === was) {
      Object.assign(content, { [field]: values[field] });
      changes.push(field);
    } else {
      kept.push(field);
      // Without a baseline, the document's version counts as seen: people's version is never overwritten later.
      Object.assign(baseline, { [field]: was === undefined ? values[field] : was });
    }
  }
  for (const field of ["publics", "themesSuggeres", "enjeux"] as const) {
    const merged = mergeSet(current[field], base?.[field] ?? [], values[field]);
    if (!same(merged, current[field])) {
      content[field] = merged;
      changes.push(field);
    }
  }
  const acteurs = mergeActeurs(current.acteurs, base?.acteurs ?? [], values.acteurs);
  if (!same(acteurs, current.acteurs)) {
    content.acteurs = acteurs;
    changes.push("acteurs");
  }
  let replaceBody = false;
  if (base?.body !== digest) {
    const currentBody = digestOfFragment(bodyFragment(doc));
    if (currentBody === digest) replaceBody = false;
    else if (currentBody === base?.body) {
      replaceBody = true;
      changes.push("body");
    } else {
      kept.push("body");
      baseline.body = base?.body ?? digest;
    }
  }
  return { changes, kept, content, replaceBody, baseline };
}

/** What re-importing `values` would change in a fiche's document, without touching it. */
export function decideMerge(doc: Y.Doc, values: ImportedValues): MergeDecision {
  const { changes, kept } = planMerge(doc, values);
  return { changes, kept };
}

/**
 * Merges `values` into an existing fiche's document (see above) and records the new baseline when
 * anything was written. Only the fields that differ are touched, so live editors' work merges.
 */
export function mergeImport(doc: Y.Doc, values: ImportedValues): MergeDecision {
  const { changes, kept, content, replaceBody, baseline } = planMerge(doc, values);
  if (changes.length === 0) return { changes, kept };
  doc.transact(() => {
    writeFicheContent(doc, content);
    if (replaceBody) prosemirrorJSONToYXmlFragment(getFicheSchema(), values.body, bodyFragment(doc));
    importMap(doc).set("baseline", JSON.stringify(baseline));
  });
  return { changes, kept };
}

/** The first state of an imported fiche's document: every value, the body, the import key and baseline. */
export function buildImportedDocument(importKey: string, values: ImportedValues): Uint8Array {
  const doc = scratchDoc();
  try {
    const { type, titre, source, lienWeb, commune, objectif, ebauche, publics, themesSuggeres, enjeux, acteurs } = values;
    writeFicheContent(doc, { type, titre, source, lienWeb, commune, objectif, ebauche, publics, themesSuggeres, enjeux, acteurs });
    prosemirrorJSONToYXmlFragment(getFicheSchema(), values.body, bodyFragment(doc));
    importMap(doc).set("key", importKey);
    importMap(doc).set("baseline", JSON.stringify(baselineOf(values, digestOfFragment(bodyFragment(doc)))));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}
