import { foldText } from "@/lib/slug";
import { buildCasingVocabulary } from "./casing";
import { appendEntry, classifyLine, hasFields, newDraft, startField, type FicheDraft, type FieldName } from "./draft";
import { finaliseDraft } from "./finalise";
import { acteurIssues, ensureUniqueKey, issue, sortIssues } from "./issues";
import { cleanLine } from "./text";
import type { ImportedFiche, ImportedFicheType, ImportIssue, ImportResult } from "./types";

/**
 * Fiches written in Markdown, with the Livre blanc's own headings (the full guide, in French, is
 * server/importer/FORMAT.md):
 *
 *     # Pratiques observées            ← a section: its fiches are pratiques ("# Idées à explorer": idées)
 *     ## Titre de la fiche             ← one fiche per heading one level below the section
 *     Acteurs : Association A, Ville de B et C
 *     Cible : …                        (or "Public concerné : …")
 *     Descriptif de l'action : …       (or "Action :", "Descriptif :"; text before any label too)
 *     - une puce
 *     → https://exemple.org
 *     Éléments spécifiques : …
 *
 * Without a section, each heading of the first level used is a fiche and says its type with a
 * line "Type : pratique" or "Type : idée", which also overrides a section. A line below a label
 * continues that field until the next label; a blank line starts a new paragraph.
 */

type SectionKind = { type: ImportedFicheType; title: string; level: number };

// Only these headings open a section; "# Pratique du vélo" is a fiche.
function sectionType(heading: string): ImportedFicheType | null {
  const folded = foldText(heading).replace(/[^a-z ]+/g, " ").replace(/\s+/g, " ").trim();
  if (folded === "pratiques" || folded.startsWith("pratiques observees")) return "pratique";
  if (folded === "idees" || folded.startsWith("idees a explorer")) return "idee";
  return null;
}

function typeFromValue(value: string): ImportedFicheType | null {
  const folded = foldText(value).trim();
  if (folded.startsWith("pratique")) return "pratique";
  if (folded.startsWith("idee")) return "idee";
  return null;
}

/** Parses fiches written in the Markdown format above into the same ImportedFiche list as the Livre blanc. */
export function parseFicheMarkdown(text: string, options: { document?: string } = {}): ImportResult {
  const document = options.document ?? "Document Markdown importé";
  const vocabulary = buildCasingVocabulary(text);
  const report: ImportIssue[] = [];
  const drafts: { draft: FicheDraft; typeGiven: boolean }[] = [];
  let section: SectionKind | null = null;
  let ficheLevel: number | null = null;
  let current: { draft: FicheDraft; typeGiven: boolean } | null = null;
  let field: FieldName | null = null;
  let blank = 0;
  let preamble: number | null = null;
  let inComment = false;

  text.split(/\r?\n/).forEach((rawLine, index) => {
    const lineNumber = index + 1;
    // HTML comments are notes for the author, never content.
    let raw = rawLine;
    if (inComment || raw.trim().startsWith("<!--")) {
      inComment = !raw.includes("-->");
      raw = raw.slice(raw.indexOf("-->") + 3);
      if (inComment || !raw.trim()) return;
    }
    const line = cleanLine(raw.replace(/^\s*>\s?/, ""));
    if (!line) {
      blank++;
      return;
    }
    const blankBefore = blank;
    blank = 0;
    const heading = /^(#{1,6})\s+(.*?)(?:\s+#+)?$/.exec(line);
    if (heading) {
      const level = heading[1].length;
      const title = heading[2].trim();
      const type = sectionType(title);
      if (type && (ficheLevel === null || level < ficheLevel || section?.level === level)) {
        section = { type, title, level };
        ficheLevel = level + 1;
        current = null;
        return;
      }
      // A heading with nothing under it, followed by deeper ones, was the document's title.
      const emptyCurrent = current && !hasFields(current.draft) && current.draft.intro.length === 0;
      if (ficheLevel === null || (emptyCurrent && level > ficheLevel)) ficheLevel = level;
      if (level <= ficheLevel) {
        if (level < ficheLevel) {
          section = null;
          ficheLevel = level;
        }
        current = {
          draft: newDraft(title, lineNumber, { type: section?.type ?? null, section: section?.title ?? "", document, origine: "markdown", enjeu: null }),
          typeGiven: !!section,
        };
        drafts.push(current);
        field = null;
        return;
      }
    }
    if (!current) {
      preamble ??= lineNumber;
      return;
    }
    const classified = classifyLine(heading ? heading[2] : line);
    if (classified.kind === "label" && classified.field === "type") {
      const type = typeFromValue(classified.value);
      if (type) {
        current.draft.type = type;
        current.typeGiven = true;
      }
      return;
    }
    if (classified.kind === "label") {
      startField(current.draft, classified.field, classified.value, lineNumber);
      field = classified.field;
      return;
    }
    appendEntry(current.draft, field, { text: classified.text, line: lineNumber, kind: classified.kind }, blankBefore);
  });

  if (preamble !== null) {
    report.push(
      issue("info", "block_ignored", { line: preamble }, {
        fr: "Texte placé avant le premier titre de fiche : ignoré.",
        en: "Text before the first fiche heading: ignored.",
      }),
    );
  }
  const fiches: ImportedFiche[] = [];
  const taken = new Set<string>();
  for (const { draft, typeGiven } of drafts) {
    if (!hasFields(draft) && draft.intro.length === 0) {
      report.push(
        issue("info", "block_ignored", { line: draft.titleLines[0].line }, {
          fr: `Titre « ${draft.titleLines[0].text} » sans contenu : pas de fiche.`,
          en: `Heading "${draft.titleLines[0].text}" has no content: no fiche.`,
        }),
      );
      continue;
    }
    draft.section ||= draft.titleLines[0].text;
    const { fiche, issues } = finaliseDraft(draft, vocabulary);
    if (!typeGiven) {
      issues.push(
        issue("warning", "type_missing", { ficheKey: fiche.key, line: fiche.source.line }, {
          fr: "Type de fiche absent (ligne « Type : pratique » ou « Type : idée », ou section) : importée comme pratique.",
          en: 'Fiche type missing (a "Type : pratique" or "Type : idée" line, or a section): imported as a pratique.',
        }),
      );
    }
    ensureUniqueKey(fiche, issues, taken);
    fiches.push(fiche);
    report.push(...issues);
  }
  if (fiches.length === 0) {
    report.push(issue("warning", "no_fiche", {}, { fr: "Aucune fiche trouvée dans le document.", en: "No fiche found in the document." }));
  }
  return { fiches, report: sortIssues([...report, ...acteurIssues(fiches)]) };
}
