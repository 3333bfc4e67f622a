import { TAXONOMY_SEED } from "@/db/taxonomies";
import { foldText } from "@/lib/slug";
import { livreBlancGenericTarget } from "./acteur-names";
import { splitActeurs } from "./acteur-split";
import { buildCasingVocabulary, type CasingVocabulary } from "./casing";
import { appendEntry, classifyLine, hasFields, newDraft, startField, type FicheDraft, type FieldName } from "./draft";
import { finaliseDraft } from "./finalise";
import { acteurIssues, ensureUniqueKey, issue, sortIssues } from "./issues";
import { mergeChapterCopies, type FicheWithIssues } from "./livre-blanc-merge";
import { cleanLine, isHeadingLike, isUppercaseLine } from "./text";
import { LIVRE_BLANC_DOCUMENT, type ImportedFiche, type ImportedFicheType, type ImportIssue, type ImportResult } from "./types";

/*
 * The Livre blanc (text extracted from its PDF) holds its fiches twice:
 * - in the ANNEXES, "Pratiques observées, ici et ailleurs" (p60) and "Idées à explorer" (p74): the
 *   complete lists, which are the canonical fiches;
 * - in the body, boxes titled "PRATIQUES OBSERVÉES, ICI ET AILLEURS" / "IDÉES À EXPLORER" inside the
 *   three enjeu chapters: some of the same fiches (sometimes under another title), and four
 *   pratiques the annex does not list (Brest's Papi's, FOBAGRA, the United Kingdom, Fondation Orange).
 * Both are read; body copies are merged into their annex fiche, bringing the chapter's enjeu, and
 * body-only pratiques become fiches of their own (origine "chapitre").
 */

type Ln = { text: string; raw: string; line: number; blankBefore: number };
type Chapter = { section: string; enjeu: string | null };

/** The folded words of a line, to compare headings whatever their case, accents and punctuation. */
function headingKey(text: string): string {
  return foldText(text).replace(/[^a-z0-9]+/g, " ").trim();
}

const PRATIQUES = "pratiques observees ici et ailleurs";
const IDEES = "idees a explorer";
const NOT_DEVELOPED = "actions existantes non developpees en atelier";
const ANNEX_PRATIQUES_SECTION = "Annexes – Pratiques observées, ici et ailleurs";
const ANNEX_IDEES_SECTION = "Annexes – Idées à explorer";

// Body chapters: the three enjeux come from the taxonomy seed, the others only end the previous one.
const CHAPTERS = new Map<string, Chapter>([
  ["fondamentaux", { section: "Fondamentaux", enjeu: null }],
  ["enjeux", { section: "Enjeux", enjeu: null }],
  ...TAXONOMY_SEED.enjeu.map((term): [string, Chapter] => [headingKey(term.label), { section: `Enjeux – ${term.label}`, enjeu: term.slug }]),
  ["vers une ville intelligente et solidaire", { section: "Vers une ville intelligente et solidaire", enjeu: null }],
]);
// Testimonies and examples set in the middle of a chapter: they end a box.
const INTERLUDE = /^(?:points de vue|paroles d elue?|exemple|focus)\b/;

function readLines(text: string): Ln[] {
  const lines: Ln[] = [];
  let blank = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const cleaned = cleanLine(raw);
    if (!cleaned) {
      blank++;
      return;
    }
    lines.push({ text: cleaned, raw: raw.trim(), line: index + 1, blankBefore: blank });
    blank = 0;
  });
  return lines;
}

/** A fiche title: a short line in capitals (bold statements and "…:" intros are not titles). */
function isTitleLine(ln: Ln): boolean {
  return isUppercaseLine(ln.text) && ln.text.length <= 100 && !ln.raw.startsWith("**") && !ln.text.endsWith(":");
}

type Context = Pick<FicheDraft, "type" | "section" | "document" | "origine" | "enjeu">;
const ANNEX_CONTEXT = { document: LIVRE_BLANC_DOCUMENT, origine: "annexe", enjeu: null } as const;

/** Reads a body box from `start` until the chapter's text resumes; returns its drafts and where it stopped. */
function readBodyBox(lines: Ln[], start: number, end: number, context: Context): { drafts: FicheDraft[]; next: number } {
  const drafts: FicheDraft[] = [];
  const lastField: FieldName = context.type === "idee" ? "cible" : "elements";
  let draft: FicheDraft | null = null;
  let field: FieldName | null = null;
  let fieldHasValue = false;
  let i = start;
  for (; i < end; i++) {
    const ln = lines[i];
    const key = headingKey(ln.text);
    if (key === PRATIQUES || key === IDEES || CHAPTERS.has(key) || INTERLUDE.test(key)) break;
    if (isTitleLine(ln)) {
      if (draft && !hasFields(draft) && draft.intro.length === 0) draft.titleLines.push({ text: ln.text, line: ln.line });
      else {
        if (draft) drafts.push(draft);
        draft = newDraft(ln.text, ln.line, context);
        field = null;
      }
      continue;
    }
    if (!draft) break;
    const line = classifyLine(ln.text);
    if (line.kind === "label") {
      startField(draft, line.field, line.value, ln.line);
      field = line.field;
      fieldHasValue = line.value !== "";
      continue;
    }
    const entry = { text: line.text, line: ln.line, kind: line.kind };
    const continuesParagraph = line.kind === "text" && ln.blankBefore === 0;
    // After the last field of a fiche, or at a sub-heading, the chapter's prose resumes.
    if (!continuesParagraph && field === lastField && fieldHasValue) break;
    if (!continuesParagraph && line.kind === "text" && isHeadingLike(line.text)) break;
    appendEntry(draft, field, entry, ln.blankBefore);
  }
  if (draft) drafts.push(draft);
  return { drafts, next: i };
}

function readBody(lines: Ln[], end: number): FicheDraft[] {
  const drafts: FicheDraft[] = [];
  let chapter: Chapter = { section: "Livre blanc", enjeu: null };
  for (let i = 0; i < end; i++) {
    const key = headingKey(lines[i].text);
    chapter = CHAPTERS.get(key) ?? chapter;
    const type: ImportedFicheType | null = key === PRATIQUES ? "pratique" : key === IDEES ? "idee" : null;
    if (!type) continue;
    const box = readBodyBox(lines, i + 1, end, { type, ...chapter, document: LIVRE_BLANC_DOCUMENT, origine: "chapitre" });
    drafts.push(...box.drafts);
    i = box.next - 1;
  }
  return drafts;
}

/** The annex list of pratiques: capital titles (one or two lines) followed by labelled fields. */
function readAnnexPratiques(lines: Ln[], start: number, end: number): FicheDraft[] {
  const drafts: FicheDraft[] = [];
  let section = ANNEX_PRATIQUES_SECTION;
  let draft: FicheDraft | null = null;
  let field: FieldName | null = null;
  for (let i = start; i < end; i++) {
    const ln = lines[i];
    if (headingKey(ln.text) === NOT_DEVELOPED) {
      if (draft) drafts.push(draft);
      draft = null;
      section = `${ANNEX_PRATIQUES_SECTION} – ${ln.text}`;
      continue;
    }
    if (isUppercaseLine(ln.text) && ln.text.length <= 100) {
      if (draft && !hasFields(draft) && draft.intro.length === 0) draft.titleLines.push({ text: ln.text, line: ln.line });
      else {
        if (draft) drafts.push(draft);
        draft = newDraft(ln.text, ln.line, { ...ANNEX_CONTEXT, type: "pratique", section });
        field = null;
      }
      continue;
    }
    if (!draft) continue;
    const line = classifyLine(ln.text);
    if (line.kind === "label") {
      startField(draft, line.field, line.value, ln.line);
      field = line.field;
    } else appendEntry(draft, field, { text: line.text, line: ln.line, kind: line.kind }, ln.blankBefore);
  }
  if (draft) drafts.push(draft);
  return drafts;
}

/** An idée title: the first short, unpunctuated line after the previous idée's labels. */
function isIdeaTitle(text: string): boolean {
  return text.length <= 120 && !/[.:]$/.test(text);
}

/**
 * The annex list of idées, written in sentence case: a title line, its pistes (bullets, arrows or a
 * paragraph), then "Acteur(s)" and "Public concerné". A block with neither label is not an idée.
 */
function readAnnexIdees(lines: Ln[], start: number, end: number, ignored: ImportIssue[]): FicheDraft[] {
  const drafts: FicheDraft[] = [];
  let draft: FicheDraft | null = null;
  let field: FieldName | null = null;
  let afterLabel = false;
  const finish = () => {
    if (!draft) return;
    if (draft.fields.acteurs || draft.fields.cible) drafts.push(draft);
    else {
      const { text, line } = draft.titleLines[0];
      ignored.push(
        issue("info", "block_ignored", { line }, {
          fr: `« ${text} » n'a ni acteur ni public concerné : liste de pistes non importée comme fiche.`,
          en: `"${text}" has neither acteur nor public concerné: a list of leads, not imported as a fiche.`,
        }),
      );
    }
  };
  for (let i = start; i < end; i++) {
    const ln = lines[i];
    const line = classifyLine(ln.text);
    if (line.kind === "label") {
      if (!draft) continue;
      startField(draft, line.field, line.value, ln.line);
      field = line.field;
      afterLabel = true;
      continue;
    }
    if (line.kind === "text" && (!draft || afterLabel) && isIdeaTitle(line.text)) {
      finish();
      draft = newDraft(ln.text, ln.line, { ...ANNEX_CONTEXT, type: "idee", section: ANNEX_IDEES_SECTION });
      field = null;
      afterLabel = false;
      continue;
    }
    if (draft) appendEntry(draft, field, { text: line.text, line: ln.line, kind: line.kind }, ln.blankBefore);
  }
  finish();
  return drafts;
}

function finaliseAll(drafts: FicheDraft[], vocabulary: CasingVocabulary): FicheWithIssues[] {
  return drafts.map((draft) => finaliseDraft(draft, vocabulary));
}

/**
 * Links an idée's "Mairie", "CCAS" or "Métropole" alone to the Bordeaux acteur it stands for in the
 * Livre blanc (acteur-names.ts), as a pressenti; reports each link, since the text only implies it.
 */
function linkBordeauxGenerics(fiche: ImportedFiche): ImportIssue[] {
  if (fiche.type !== "idee") return [];
  const issues: ImportIssue[] = [];
  fiche.acteurs = fiche.acteurs.map((acteur) => {
    const target = acteur.generic ? livreBlancGenericTarget(acteur.key) : null;
    const [linked] = target ? splitActeurs(target, { type: fiche.type }) : [];
    if (!linked || linked.generic) return acteur;
    issues.push(
      issue("warning", "acteur_generic_linked", { ficheKey: fiche.key, line: fiche.source.line }, {
        fr: `« ${acteur.source} » relié à « ${target} » (acteur pressenti) : dans les idées du Livre blanc, écrites par la Ville de Bordeaux, ce nom seul désigne l'acteur de Bordeaux. À vérifier.`,
        en: `"${acteur.source}" linked to "${target}" (pressenti): in the Livre blanc's idées, written by the Ville de Bordeaux, this name alone means the Bordeaux one. Please check.`,
      }),
    );
    return { ...linked, source: acteur.source, role: acteur.role };
  });
  return issues;
}

/**
 * Parses the whole Livre blanc into fiches: every pratique and idée of the annexes, enriched with
 * their body copies (enjeu, other titles, chapter versions), plus the pratiques only the body shows.
 */
export function parseLivreBlanc(text: string): ImportResult {
  const lines = readLines(text);
  const vocabulary = buildCasingVocabulary(text);
  const report: ImportIssue[] = [];
  const annexIndex = lines.findIndex((ln) => headingKey(ln.text) === "annexes");
  const bodyEnd = annexIndex === -1 ? lines.length : annexIndex;
  const find = (key: string) => lines.findIndex((ln, index) => index > annexIndex && annexIndex !== -1 && headingKey(ln.text) === key);
  const pratiquesStart = find(PRATIQUES);
  const ideesStart = find(IDEES);
  if (pratiquesStart === -1 || ideesStart === -1) {
    report.push(
      issue("warning", "section_not_found", {}, {
        fr: "Annexes « Pratiques observées, ici et ailleurs » et « Idées à explorer » introuvables : seul le corps du texte est lu.",
        en: 'Annex sections "Pratiques observées, ici et ailleurs" and "Idées à explorer" not found: only the body was read.',
      }),
    );
  }
  const annex: FicheDraft[] = [];
  if (pratiquesStart !== -1) annex.push(...readAnnexPratiques(lines, pratiquesStart + 1, ideesStart > pratiquesStart ? ideesStart : lines.length));
  if (ideesStart !== -1) annex.push(...readAnnexIdees(lines, ideesStart + 1, pratiquesStart > ideesStart ? pratiquesStart : lines.length, report));

  const merged = mergeChapterCopies(finaliseAll(annex, vocabulary), finaliseAll(readBody(lines, bodyEnd), vocabulary));
  merged.sort((a, b) => a.fiche.source.line - b.fiche.source.line);
  const taken = new Set<string>();
  for (const entry of merged) {
    entry.issues.push(...linkBordeauxGenerics(entry.fiche));
    ensureUniqueKey(entry.fiche, entry.issues, taken);
    report.push(...entry.issues);
  }
  const fiches = merged.map((entry) => entry.fiche);
  if (fiches.length === 0) {
    report.push(issue("warning", "no_fiche", {}, { fr: "Aucune fiche trouvée dans le document.", en: "No fiche found in the document." }));
  }
  return { fiches, report: sortIssues([...report, ...acteurIssues(fiches)]) };
}
