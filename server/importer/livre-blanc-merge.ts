import { listItems, suggestTerms } from "./finalise";
import { issue } from "./issues";
import { looseTitleKey, uniqueLiens, wordOverlap } from "./text";
import type { ImportedFiche, ImportIssue } from "./types";

export type FicheWithIssues = { fiche: ImportedFiche; issues: ImportIssue[] };

// A body copy under another title is recognised when it names the same acteurs and this share
// of its descriptif's words is in the annex one: "L'INTERNAUTE PUBLIC" shares 0.88 with "Voisins
// référents". Words alone are not enough: the body's "CARTOGRAPHIE DU TERRITOIRE" shares 0.89 with
// the annex's other idée "Cartographie des acteurs", and unrelated pratiques reach 0.57.
const SAME_TEXT = 0.7;

function findAnnexCopy(annex: FicheWithIssues[], body: ImportedFiche): ImportedFiche | null {
  const candidates = annex.map((entry) => entry.fiche).filter((fiche) => fiche.type === body.type);
  const title = looseTitleKey(body.titreSource);
  const byTitle = candidates.find((fiche) => looseTitleKey(fiche.titreSource) === title);
  if (byTitle) return byTitle;
  const acteurs = looseTitleKey(body.acteursRaw ?? "");
  const text = body.descriptif?.text;
  if (!acteurs || !text) return null;
  return (
    candidates.find(
      (fiche) => looseTitleKey(fiche.acteursRaw ?? "") === acteurs && !!fiche.descriptif && wordOverlap(fiche.descriptif.text, text) >= SAME_TEXT,
    ) ?? null
  );
}

type FillableField = "acteursRaw" | "cible" | "descriptif" | "elementsSpecifiques";
const FILLABLE: [FillableField, string][] = [
  ["acteursRaw", "acteurs"],
  ["cible", "cible"],
  ["descriptif", "descriptif"],
  ["elementsSpecifiques", "éléments spécifiques"],
];
const MISSING_CODE: Partial<Record<FillableField, ImportIssue["code"]>> = {
  acteursRaw: "missing_acteur",
  cible: "missing_cible",
  descriptif: "missing_descriptif",
};

/** Folds a body copy into its annex fiche: enjeu, source, other title, chapter version, missing fields. */
function mergeInto(target: FicheWithIssues, body: ImportedFiche): void {
  const fiche = target.fiche;
  const at = { ficheKey: fiche.key, line: body.source.line };
  fiche.autresSources.push(body.source);
  fiche.versionsChapitre.push({
    source: body.source,
    titreSource: body.titreSource,
    acteursRaw: body.acteursRaw,
    cible: body.cible,
    descriptif: body.descriptif?.text ?? null,
  });
  if (looseTitleKey(body.titreSource) !== looseTitleKey(fiche.titreSource)) fiche.titresAlternatifs.push(body.titre);
  for (const enjeu of body.enjeux) if (!fiche.enjeux.includes(enjeu)) fiche.enjeux.push(enjeu);
  fiche.liens = uniqueLiens([...fiche.liens, ...body.liens]);
  const enjeux = body.enjeux.join(", ");
  target.issues.push(
    issue("info", "duplicate_merged", at, {
      fr: `« ${body.titreSource} » (${body.source.section}, ligne ${body.source.line}) est aussi en annexe : fusionnée avec elle${enjeux ? `, enjeu ${enjeux} ajouté` : ""}.`,
      en: `"${body.titreSource}" (${body.source.section}, line ${body.source.line}) is also in the annex: merged into it${enjeux ? `, enjeu ${enjeux} added` : ""}.`,
    }),
  );
  let filled = false;
  for (const [field, label] of FILLABLE) {
    if (fiche[field] || !body[field]) continue;
    if (field === "acteursRaw") {
      fiche.acteursRaw = body.acteursRaw;
      fiche.acteurs = body.acteurs;
    } else if (field === "cible") fiche.cible = body.cible;
    else fiche[field] = body[field];
    filled = true;
    const missing = MISSING_CODE[field];
    target.issues = target.issues.filter((entry) => entry.code !== missing);
    target.issues.push(
      issue("info", "field_from_chapter", at, {
        fr: `Champ ${label} absent de l'annexe, repris du chapitre (ligne ${body.source.line}).`,
        en: `Field ${label} missing from the annex, taken from the chapter (line ${body.source.line}).`,
      }),
    );
  }
  if (filled) {
    suggestTerms(fiche);
    fiche.bullets = [...listItems(fiche.descriptif), ...listItems(fiche.elementsSpecifiques)];
  }
}

/**
 * Merges the body copies of fiches into their annex version (same title up to plurals and accents,
 * or the same descriptif under another title); body fiches without an annex copy are kept as
 * fiches of their own, reported as such. Body copies' own report entries are dropped with them.
 */
export function mergeChapterCopies(annex: FicheWithIssues[], body: FicheWithIssues[]): FicheWithIssues[] {
  const result = [...annex];
  for (const copy of body) {
    const target = findAnnexCopy(annex, copy.fiche);
    if (target) {
      mergeInto(annex.find((entry) => entry.fiche === target)!, copy.fiche);
      continue;
    }
    const { key, titreSource, source } = copy.fiche;
    copy.issues.push(
      issue("info", "chapter_only", { ficheKey: key, line: source.line }, {
        fr: `« ${titreSource} » n'apparaît que dans le chapitre « ${source.section} », pas en annexe : importée quand même.`,
        en: `"${titreSource}" only appears in the chapter "${source.section}", not in the annex: imported anyway.`,
      }),
    );
    result.push(copy);
  }
  return result;
}
