import fs from "node:fs";
import { foldText } from "@/lib/slug";
import { LIVRE_BLANC_DOCUMENT_ID } from "./importer/read-file";
import { parseLivreBlanc } from "./importer/livre-blanc";
import { LIVRE_BLANC_SEED_FILE } from "./importer/seed";
import type { ImportedFiche, ImportResult } from "./importer/types";

/*
 * The source text of an imported fiche, for the moderators' review queue: the lines of its source
 * document it was read from, found again by its import key. Only the Livre blanc is kept by the
 * wiki (db/seed-data); an uploaded Markdown file is read once and not stored.
 */

/** Where an imported fiche was read, as lines of its source document; or why it cannot be shown. */
export type FicheSourceText =
  | { kind: "document"; document: string; section: string; firstLine: number; lastLine: number; text: string }
  | { kind: "unavailable"; reason: "not_kept" | "not_found" };

// A block never runs longer than this: past it, the text is the chapter's, not the fiche's.
const MAX_BLOCK_LINES = 60;
// Headings that end a fiche's box in the Livre blanc (sections, testimonies, examples).
const BLOCK_END = /^(?:pratiques observees|idees a explorer|actions existantes non developpees|points de vue|paroles d elue?|exemple|focus)\b/;

type ParsedSource = { lines: string[]; result: ImportResult; byKey: Map<string, ImportedFiche>; starts: Set<number> };

let cached: { file: string; mtimeMs: number; parsed: ParsedSource } | null = null;

function fold(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
}

function parseSource(text: string): ParsedSource {
  const result = parseLivreBlanc(text);
  const starts = new Set<number>();
  for (const f of result.fiches) {
    starts.add(f.source.line);
    for (const other of f.autresSources) starts.add(other.line);
    for (const version of f.versionsChapitre) starts.add(version.source.line);
  }
  for (const entry of result.report) if (entry.code === "block_ignored" && entry.line) starts.add(entry.line);
  return { lines: text.split(/\r?\n/), result, byKey: new Map(result.fiches.map((f) => [f.key, f])), starts };
}

/** The Livre blanc parsed once per version of its file (it is only read, never written, by the wiki). */
function livreBlanc(file: string): ParsedSource | null {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  if (cached?.file !== file || cached.mtimeMs !== mtimeMs) cached = { file, mtimeMs, parsed: parseSource(fs.readFileSync(file, "utf8")) };
  return cached.parsed;
}

/** The values the parser read for a fiche, as written: the lines that hold them end its block. */
function anchorsOf(f: ImportedFiche): string[] {
  const texts: (string | null)[] = [f.acteursRaw, f.intervenantsRaw, f.cible, ...f.liens.map((l) => l.texte)];
  for (const field of [f.descriptif, f.elementsSpecifiques]) {
    for (const block of field?.blocks ?? []) texts.push(...(block.kind === "paragraph" ? [block.text] : block.items));
  }
  return texts
    .filter((t): t is string => !!t)
    .map((t) => fold(t).slice(0, 24))
    .filter((t) => t.length >= 6);
}

/**
 * The block of `lines` (1-based `start`, the fiche's title) holding a fiche: up to the next fiche or
 * heading, and within that, to the end of the paragraph holding the last value the parser read.
 */
function sourceBlockOf(lines: string[], start: number, f: ImportedFiche, starts: ReadonlySet<number>): { firstLine: number; lastLine: number; text: string } {
  let stop = start + 1;
  while (stop <= lines.length && stop - start < MAX_BLOCK_LINES && !starts.has(stop) && !BLOCK_END.test(fold(lines[stop - 1]))) stop++;
  const anchors = anchorsOf(f);
  let last = start;
  for (let n = start + 1; n < stop; n++) {
    const line = fold(lines[n - 1]);
    if (line && anchors.some((anchor) => line.includes(anchor))) last = n;
  }
  // The paragraph of the last value may go on over the next lines.
  while (last + 1 < stop && lines[last].trim() !== "") last++;
  // A title written over two lines: keep its second line even when the fiche has no value (rare).
  if (last === start && start + 1 < stop && lines[start].trim() !== "") last++;
  return { firstLine: start, lastLine: last, text: lines.slice(start - 1, last).join("\n").trim() };
}

/** The source text of the fiche an import wrote under `importKey` (`${document id}#${fiche key}`). */
export function getFicheSourceText(importKey: string, file = LIVRE_BLANC_SEED_FILE): FicheSourceText {
  const hash = importKey.indexOf("#");
  const documentId = hash === -1 ? importKey : importKey.slice(0, hash);
  if (documentId !== LIVRE_BLANC_DOCUMENT_ID) return { kind: "unavailable", reason: "not_kept" };
  const parsed = livreBlanc(file);
  const f = parsed?.byKey.get(importKey.slice(hash + 1));
  if (!parsed || !f) return { kind: "unavailable", reason: "not_found" };
  return { kind: "document", document: f.source.document, section: f.source.section, ...sourceBlockOf(parsed.lines, f.source.line, f, parsed.starts) };
}
