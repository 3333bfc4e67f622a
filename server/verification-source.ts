import fs from "node:fs";
import path from "node:path";
import { foldText } from "@/lib/slug";
import { LIVRE_BLANC_DOCUMENT_ID, readImportFile } from "./importer/read-file";
import { LIVRE_BLANC_SEED_FILE, markdownDocumentId, SEED_MARKDOWN_FILES } from "./importer/seed";
import type { ImportedFiche } from "./importer/types";

/*
 * The source text of an imported fiche, for the moderators' review queue: the lines of its source
 * document it was read from, found again by its import key. The wiki keeps the documents it ships
 * (db/seed-data: the Livre blanc and the Markdown files after it); an uploaded file is read once
 * and not stored.
 */

/** Where an imported fiche was read, as lines of its source document; or why it cannot be shown. */
export type FicheSourceText =
  | { kind: "document"; document: string; section: string; firstLine: number; lastLine: number; text: string }
  | { kind: "unavailable"; reason: "not_kept" | "not_found" };

// A block never runs longer than this: past it, the text is the chapter's, not the fiche's.
const MAX_BLOCK_LINES = 60;
// Headings that end a fiche's box in the Livre blanc (sections, testimonies, examples).
const BLOCK_END = /^(?:pratiques observees|idees a explorer|actions existantes non developpees|points de vue|paroles d elue?|exemple|focus)\b/;

type ParsedSource = { format: "livre-blanc" | "markdown"; document: string; lines: string[]; byKey: Map<string, ImportedFiche>; starts: Set<number> };

const cache = new Map<string, { mtimeMs: number; parsed: ParsedSource | null }>();
// A Markdown heading: in that format, the next one ends a fiche.
const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s/;

function fold(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
}

function parseSource(file: string): ParsedSource | null {
  const read = readImportFile(fs.readFileSync(file), path.basename(file));
  if (!read.ok) return null;
  const { result, text, document } = read;
  const starts = new Set<number>();
  for (const f of result.fiches) {
    starts.add(f.source.line);
    for (const other of f.autresSources) starts.add(other.line);
    for (const version of f.versionsChapitre) starts.add(version.source.line);
  }
  for (const entry of result.report) if (entry.code === "block_ignored" && entry.line) starts.add(entry.line);
  return { format: document.format, document: document.id, lines: text.split(/\r?\n/), byKey: new Map(result.fiches.map((f) => [f.key, f])), starts };
}

/** A shipped document, parsed once per version of its file (the wiki only reads them). */
function keptDocument(file: string): ParsedSource | null {
  let mtimeMs: number;
  try {
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
  const known = cache.get(file);
  if (known?.mtimeMs === mtimeMs) return known.parsed;
  const parsed = parseSource(file);
  cache.set(file, { mtimeMs, parsed });
  return parsed;
}

/** The shipped file a document id names, if the wiki ships it. */
function keptFileOf(documentId: string, livreBlancFile: string): string | null {
  if (documentId === LIVRE_BLANC_DOCUMENT_ID) return livreBlancFile;
  return SEED_MARKDOWN_FILES.find((file) => markdownDocumentId(file) === documentId) ?? null;
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

/** A Markdown fiche's block: its heading and every line up to the next heading. */
function markdownBlockOf(lines: string[], start: number): { firstLine: number; lastLine: number; text: string } {
  let last = start;
  while (last < lines.length && !MARKDOWN_HEADING.test(lines[last])) last++;
  while (last > start && lines[last - 1].trim() === "") last--;
  return { firstLine: start, lastLine: last, text: lines.slice(start - 1, last).join("\n").trim() };
}

/** The source text of the fiche an import wrote under `importKey` (`${document id}#${fiche key}`). */
export function getFicheSourceText(importKey: string, livreBlancFile = LIVRE_BLANC_SEED_FILE): FicheSourceText {
  const hash = importKey.indexOf("#");
  const documentId = hash === -1 ? importKey : importKey.slice(0, hash);
  const file = keptFileOf(documentId, livreBlancFile);
  if (!file) return { kind: "unavailable", reason: "not_kept" };
  const parsed = keptDocument(file);
  const f = parsed?.document === documentId ? parsed.byKey.get(importKey.slice(hash + 1)) : undefined;
  if (!parsed || !f) return { kind: "unavailable", reason: "not_found" };
  const block = parsed.format === "markdown" ? markdownBlockOf(parsed.lines, f.source.line) : sourceBlockOf(parsed.lines, f.source.line, f, parsed.starts);
  return { kind: "document", document: f.source.document, section: f.source.section, ...block };
}
