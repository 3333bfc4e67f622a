import { inferActeurRoles } from "./acteur-roles";
import { splitActeurs } from "./acteur-split";
import { decideCommune } from "./commune";
import { toSentenceCase, type CasingVocabulary } from "./casing";
import { rejoinHyphenation } from "./hyphenation";
import { draftSource, type DraftEntry, type FicheDraft } from "./draft";
import { communeIssues, issue } from "./issues";
import { suggestPublics, suggestThemes } from "@/lib/taxonomy/classifier";
import { extractLinks, ficheKey, uniqueLiens } from "./text";
import type { FicheTextBlock, FicheTextField, ImportedFiche, ImportedLien, ImportIssue } from "./types";

/** Builds a text field from its entries; arrow lines that are only an address become links. */
function textField(entries: DraftEntry[], liens: ImportedLien[], vocabulary: CasingVocabulary): FicheTextField | null {
  const blocks: FicheTextBlock[] = [];
  for (const entry of entries) {
    const extracted = extractLinks(rejoinHyphenation(entry.text, vocabulary));
    liens.push(...extracted.liens);
    if (!extracted.text) continue;
    const last = blocks[blocks.length - 1];
    if (entry.kind === "text") blocks.push({ kind: "paragraph", text: extracted.text });
    else if (last?.kind === "list") last.items.push(extracted.text);
    else blocks.push({ kind: "list", items: [extracted.text] });
  }
  if (blocks.length === 0) return null;
  const text = blocks.map((block) => (block.kind === "paragraph" ? block.text : block.items.map((item) => `- ${item}`).join("\n"))).join("\n\n");
  return { text, blocks };
}

/** A one-line field (acteurs, cible): paragraphs joined by a space, list items by " ; ". */
function lineField(entries: DraftEntry[] | undefined): string | null {
  if (!entries?.length) return null;
  let text = "";
  for (const entry of entries) {
    if (!text) text = entry.text;
    else text += entry.kind === "text" ? ` ${entry.text}` : ` ; ${entry.text}`;
  }
  return text.replace(/\s+/g, " ").trim() || null;
}

/** The list items of a text field, in order. */
export function listItems(field: FicheTextField | null): string[] {
  return field?.blocks.flatMap((block) => (block.kind === "list" ? block.items : [])) ?? [];
}

/**
 * Turns a draft into an ImportedFiche: title in sentence case, fields as text, links pulled out,
 * acteurs split, themes and publics suggested; reports what a reviewer should look at.
 */
export function finaliseDraft(draft: FicheDraft, vocabulary: CasingVocabulary): { fiche: ImportedFiche; issues: ImportIssue[] } {
  const type = draft.type ?? "pratique";
  const titreSource = draft.titleLines.map((title) => title.text).join(" ").replace(/\s+/g, " ").trim();
  const key = ficheKey(type, titreSource);
  const source = draftSource(draft);
  const issues: ImportIssue[] = [];
  const at = { ficheKey: key, line: source.line };

  if (draft.titleLines.length > 1) {
    const lines = draft.titleLines.map((title) => title.line).join(", ");
    issues.push(
      issue("warning", "title_joined", at, {
        fr: `Titre écrit sur plusieurs lignes (${lines}) réuni en « ${titreSource} » : à vérifier.`,
        en: `Title written over several lines (${lines}) joined as "${titreSource}": please check.`,
      }),
    );
  }
  for (const line of draft.stitchedLines) {
    issues.push(
      issue("info", "page_break_stitched", { ficheKey: key, line }, {
        fr: `Paragraphe coupé par un saut de page, recollé à la ligne ${line}.`,
        en: `Paragraph cut by a page break, stitched back together at line ${line}.`,
      }),
    );
  }

  const liens: ImportedLien[] = [];
  const descriptif = textField([...draft.intro, ...(draft.fields.descriptif ?? [])], liens, vocabulary);
  const elementsSpecifiques = textField(draft.fields.elements ?? [], liens, vocabulary);
  for (const entry of [...(draft.fields.liens ?? []), ...(draft.fields.cible ?? [])]) liens.push(...extractLinks(entry.text).liens);
  const acteursRaw = lineField(draft.fields.acteurs);
  const cible = lineField(draft.fields.cible);
  const split = acteursRaw ? splitActeurs(acteursRaw, { type }) : [];
  const roles = inferActeurRoles({ key, line: source.line, type, acteurs: split, texts: [descriptif?.text, elementsSpecifiques?.text] });
  const acteurs = roles.acteurs;
  issues.push(...roles.issues);
  const pistes = type === "idee" ? listItems(descriptif) : [];

  const missing: [boolean, "missing_acteur" | "missing_cible" | "missing_descriptif", string, string][] = [
    [!acteursRaw, "missing_acteur", "Aucun acteur indiqué.", "No acteur given."],
    [!cible, "missing_cible", "Aucune cible ni public concerné indiqué.", "No cible / public concerné given."],
    [!descriptif, "missing_descriptif", "Aucun descriptif.", "No descriptif."],
  ];
  for (const [isMissing, code, fr, en] of missing) if (isMissing) issues.push(issue("warning", code, at, { fr, en }));

  // Re-casing an all-capital title is decided by the document's own spelling (casing.ts): no report entry.
  const titre = rejoinHyphenation(toSentenceCase(titreSource, vocabulary), vocabulary);
  const commune = decideCommune({ type, titre: titreSource, acteursRaw, cible, texte: [descriptif?.text, elementsSpecifiques?.text] });
  issues.push(...communeIssues(commune, at));

  const fiche: ImportedFiche = {
    key,
    type,
    titre,
    titreSource,
    titresAlternatifs: [],
    acteursRaw,
    acteurs,
    commune: commune.commune,
    intervenantsRaw: lineField(draft.fields.intervenants),
    cible,
    descriptif,
    elementsSpecifiques,
    bullets: [...listItems(descriptif), ...listItems(elementsSpecifiques)],
    pistes,
    liens: uniqueLiens(liens),
    source,
    autresSources: [],
    versionsChapitre: [],
    enjeux: draft.enjeu ? [draft.enjeu] : [],
    themes: [],
    publics: [],
    origine: draft.origine,
  };
  suggestTerms(fiche);
  return { fiche, issues };
}

/** (Re)computes the suggested themes and publics of a fiche from its current fields. */
export function suggestTerms(fiche: ImportedFiche): void {
  fiche.themes = suggestThemes([fiche.titreSource, fiche.descriptif?.text, fiche.elementsSpecifiques?.text]);
  fiche.publics = suggestPublics(fiche.cible);
}
