import { FICHE_TEXT_MAX } from "@/lib/schemas/api-fiche";
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
 * line "Type : pratique", "Type : idée" or "Type : fiche pratique", which also overrides a section.
 * A line below a label continues that field until the next label; a blank line starts a new paragraph.
 * One-line labels say what the text cannot: "Objectif :" (a term of the taxonomy "objectif", fiches
 * pratiques only), "Source :" (the citation, instead of the file name), "Ébauche : oui" and
 * "Dans la suite de :" (titles of existing fiches, resolved to links when the import is planned).
 */

type SectionKind = { type: ImportedFicheType; title: string; level: number };

const words = (text: string) => foldText(text).replace(/[^a-z0-9 ]+/g, " ").replace(/\s+/g, " ").trim();

// Only these headings open a section; "# Pratique du vélo" is a fiche.
function sectionType(heading: string): ImportedFicheType | null {
  const folded = words(heading);
  if (folded === "pratiques" || folded.startsWith("pratiques observees")) return "pratique";
  if (folded === "idees" || folded.startsWith("idees a explorer")) return "idee";
  if (folded === "fiches pratiques") return "fiche_pratique";
  return null;
}

function typeFromValue(value: string): ImportedFicheType | null {
  const folded = words(value);
  if (/^fiches? pratiques?\b/.test(folded) || folded === "fiche pratique") return "fiche_pratique";
  if (folded.startsWith("pratique")) return "pratique";
  if (folded.startsWith("idee")) return "idee";
  return null;
}

// One-line labels of the Markdown format only, read before the fields the Livre blanc shares.
const META_LABELS: Record<string, MetaField> = {
  objectif: "objectif",
  source: "citation",
  ebauche: "ebauche",
  "dans la suite de": "suite",
};
type MetaField = "objectif" | "citation" | "ebauche" | "suite";
type FicheMeta = { objectif?: { value: string; line: number }; citation?: { value: string; line: number }; ebauche?: { value: boolean; line: number }; suite: { titre: string; line: number }[] };

function metaLine(text: string): { field: MetaField; label: string; value: string } | null {
  const match = /^([\p{L} ]{5,20}?)\s*:\s*(.*)$/u.exec(text);
  const field = match && META_LABELS[foldText(match[1]).trim()];
  return field ? { field, label: match[1].trim(), value: match[2].trim() } : null;
}

const YES = new Set(["oui", "yes", "vrai", "true", "x"]);
const NO = new Set(["non", "no", "faux", "false"]);

/** The titles of a "Dans la suite de" line: each « quoted » title, or the line cut at semicolons. */
export function suiteTitles(value: string): string[] {
  const quoted = [...value.matchAll(/«\s*([^»]+?)\s*»/g)].map((m) => m[1]);
  const titles = quoted.length ? quoted : value.split(/\s*;\s*/);
  return titles.map((t) => t.replace(/[.\s]+$/, "").trim()).filter(Boolean);
}

/** Reads a one-line label into the fiche's meta; a value it cannot take is reported, never guessed. */
function readMeta(meta: FicheMeta, line: { field: MetaField; label: string; value: string }, lineNumber: number, report: (fr: string, en: string) => void): void {
  const { field, label, value } = line;
  if (!value) {
    report(`« ${label} : » sans valeur : ligne ignorée.`, `"${label}:" has no value: line ignored.`);
    return;
  }
  if (field === "citation" && value.length > FICHE_TEXT_MAX.source) {
    report(
      `« ${label} » de ${value.length} caractères : ${FICHE_TEXT_MAX.source} au plus. Ligne ignorée.`,
      `"${label}" is ${value.length} characters long: ${FICHE_TEXT_MAX.source} at most. Line ignored.`,
    );
    return;
  }
  if (field === "suite") {
    meta.suite.push(...suiteTitles(value).map((titre) => ({ titre, line: lineNumber })));
    return;
  }
  const given = meta[field];
  if (given) {
    report(
      `« ${label} » déjà donné ligne ${given.line} pour cette fiche : cette seconde ligne est ignorée.`,
      `"${label}" already given on line ${given.line} for this fiche: this second line is ignored.`,
    );
    return;
  }
  if (field === "ebauche") {
    const folded = words(value);
    if (!YES.has(folded) && !NO.has(folded)) {
      report(`« ${label} : ${value} » : écrivez « oui » ou « non ». Ligne ignorée.`, `"${label}: ${value}": write "oui" or "non". Line ignored.`);
      return;
    }
    meta.ebauche = { value: YES.has(folded), line: lineNumber };
    return;
  }
  meta[field] = { value, line: lineNumber };
}

// A fiche pratique is a mode d'emploi: it has no commune (content rules) and needs neither acteur nor public.
const FICHE_PRATIQUE_SILENT = new Set<ImportIssue["code"]>(["commune_missing", "commune_uncertain", "missing_acteur", "missing_cible"]);

/** Gives the fiche what its one-line labels said; an objectif on another type than a fiche pratique is reported. */
function applyMeta(fiche: ImportedFiche, meta: FicheMeta, lineIssues: { line: number; fr: string; en: string }[]): void {
  if (fiche.type === "fiche_pratique") fiche.commune = null;
  if (meta.objectif && fiche.type !== "fiche_pratique") {
    const { line, value } = meta.objectif;
    lineIssues.push({
      line,
      fr: `Ligne ${line} : « Objectif : ${value} » ne vaut que pour une fiche pratique (« Type : fiche pratique ») : ignoré.`,
      en: `Line ${line}: "Objectif: ${value}" applies to fiches pratiques only ("Type : fiche pratique"): ignored.`,
    });
  } else if (meta.objectif) fiche.objectif = meta.objectif;
  if (meta.citation) fiche.citation = meta.citation.value;
  if (meta.ebauche) fiche.ebauche = meta.ebauche.value;
  if (meta.suite.length) fiche.suite = meta.suite;
}

/** Parses fiches written in the Markdown format above into the same ImportedFiche list as the Livre blanc. */
export function parseFicheMarkdown(text: string, options: { document?: string } = {}): ImportResult {
  const document = options.document ?? "Document Markdown importé";
  const vocabulary = buildCasingVocabulary(text);
  const report: ImportIssue[] = [];
  type Current = { draft: FicheDraft; typeGiven: boolean; meta: FicheMeta; issues: { line: number; fr: string; en: string }[] };
  const drafts: Current[] = [];
  let section: SectionKind | null = null;
  let ficheLevel: number | null = null;
  let current: Current | null = null;
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
          meta: { suite: [] },
          issues: [],
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
    const at = current;
    const reportLine = (fr: string, en: string) => at.issues.push({ line: lineNumber, fr: `Ligne ${lineNumber} : ${fr}`, en: `Line ${lineNumber}: ${en}` });
    const meta = heading ? null : metaLine(line);
    if (meta) {
      // A one-line label does not end the field being read: the lines after it still belong there.
      readMeta(current.meta, meta, lineNumber, reportLine);
      return;
    }
    const classified = classifyLine(heading ? heading[2] : line);
    if (classified.kind === "label" && classified.field === "type") {
      const type = typeFromValue(classified.value);
      if (type) {
        current.draft.type = type;
        current.typeGiven = true;
      } else {
        reportLine(
          `type « ${classified.value} » inconnu : écrivez « pratique », « idée » ou « fiche pratique ». Ligne ignorée.`,
          `unknown type "${classified.value}": write "pratique", "idée" or "fiche pratique". Line ignored.`,
        );
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
  for (const { draft, typeGiven, meta, issues: lineIssues } of drafts) {
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
    const finalised = finaliseDraft(draft, vocabulary);
    const { fiche } = finalised;
    const issues = finalised.issues.filter((entry) => fiche.type !== "fiche_pratique" || !FICHE_PRATIQUE_SILENT.has(entry.code));
    applyMeta(fiche, meta, lineIssues);
    for (const entry of lineIssues) issues.push(issue("warning", "line_invalid", { ficheKey: fiche.key, line: entry.line }, entry));
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
