import { canonicalActeur, foldActeurName, uncertainMerge } from "./acteur-names";
import type { CommuneDecision } from "./commune";
import type { ImportedFiche, ImportIssue, ImportIssueCode } from "./types";

/** Builds a report entry. */
export function issue(
  severity: ImportIssue["severity"],
  code: ImportIssueCode,
  at: { ficheKey?: string; line?: number },
  message: { fr: string; en: string },
): ImportIssue {
  return { severity, code, messageFr: message.fr, messageEn: message.en, ...at };
}

/**
 * One entry per directory acteur whose spellings only the alias table merges ("Diaconat" and
 * "Diaconat de Bordeaux Proactive"): a warning when the table marks the merge as uncertain.
 */
function mergeIssues(fiches: ImportedFiche[]): ImportIssue[] {
  const spellings = new Map<string, { at: { ficheKey: string; line: number }; forms: Map<string, string> }>();
  for (const fiche of fiches) {
    for (const acteur of fiche.acteurs) {
      if (acteur.generic) continue;
      const entry = spellings.get(acteur.key) ?? { at: { ficheKey: fiche.key, line: fiche.source.line }, forms: new Map<string, string>() };
      // A parenthesis alone never merges two names (acteur-names.ts): only the names are compared.
      const form = acteur.nom;
      if (!entry.forms.has(foldActeurName(form))) entry.forms.set(foldActeurName(form), form);
      spellings.set(acteur.key, entry);
    }
  }
  const issues: ImportIssue[] = [];
  for (const [key, { at, forms }] of spellings) {
    const nom = canonicalActeur(key)?.nom;
    if (!nom || forms.size < 2) continue;
    const uncertain = uncertainMerge(key);
    const fr = [...forms.values()].map((form) => `« ${form} »`).join(", ");
    const en = [...forms.values()].map((form) => `"${form}"`).join(", ");
    issues.push(
      uncertain
        ? issue("warning", "acteur_merged", at, {
            fr: `Acteurs ${fr} réunis sous « ${nom} » (${uncertain.fr}) : à vérifier.`,
            en: `Acteurs ${en} merged as "${nom}" (${uncertain.en}): please check.`,
          })
        : issue("info", "acteur_merged", at, {
            fr: `Acteurs ${fr} réunis sous « ${nom} » : même organisation.`,
            en: `Acteurs ${en} merged as "${nom}": the same organisation.`,
          }),
    );
  }
  return issues;
}

/**
 * Report entries about acteurs: the generic ones of each fiche, once per directory acteur the
 * catégorie guessed for it (a warning when no rule recognised the name), and the spellings merged.
 */
export function acteurIssues(fiches: ImportedFiche[]): ImportIssue[] {
  const issues: ImportIssue[] = mergeIssues(fiches);
  const guessed = new Set<string>();
  for (const fiche of fiches) {
    const at = { ficheKey: fiche.key, line: fiche.source.line };
    const generic = fiche.acteurs.filter((acteur) => acteur.generic).map((acteur) => acteur.nom);
    if (generic.length) {
      const fr = generic.map((nom) => `« ${nom} »`).join(", ");
      const en = generic.map((nom) => `"${nom}"`).join(", ");
      issues.push(
        issue("warning", "acteur_generic", at, {
          fr: `Acteurs génériques ou ambigus, gardés sur la fiche mais pas ajoutés à l'annuaire : ${fr}.`,
          en: `Generic or ambiguous acteurs, kept on the fiche but not added to the directory: ${en}.`,
        }),
      );
    }
    for (const acteur of fiche.acteurs) {
      if (acteur.generic || guessed.has(acteur.key)) continue;
      guessed.add(acteur.key);
      issues.push(
        acteur.confident
          ? issue("info", "acteur_categorie_guessed", at, {
              fr: `« ${acteur.nom} » classé ${acteur.categorie} / ${acteur.typologie} (${acteur.reason}).`,
              en: `"${acteur.nom}" classified as ${acteur.categorie} / ${acteur.typologie} (${acteur.reasonEn}).`,
            })
          : issue("warning", "acteur_categorie_uncertain", at, {
              fr: `« ${acteur.nom} » : catégorie devinée ${acteur.categorie} / ${acteur.typologie} (${acteur.reason}).`,
              en: `"${acteur.nom}": catégorie guessed as ${acteur.categorie} / ${acteur.typologie} (${acteur.reasonEn}), please check.`,
            }),
      );
    }
  }
  return issues;
}

/** Report entries in document order, warnings before infos on the same line. */
export function sortIssues(issues: ImportIssue[]): ImportIssue[] {
  const weight = (entry: ImportIssue) => (entry.severity === "warning" ? 0 : 1);
  return [...issues].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || weight(a) - weight(b) || a.code.localeCompare(b.code));
}

/**
 * Gives the fiche a suffix ("-2", "-3"…) when its key is already in `taken`, rewrites the key in its
 * own report entries, and reports the renaming.
 */
export function ensureUniqueKey(fiche: ImportedFiche, ficheIssues: ImportIssue[], taken: Set<string>): void {
  const original = fiche.key;
  if (taken.has(original)) {
    let n = 2;
    while (taken.has(`${original}-${n}`)) n++;
    fiche.key = `${original}-${n}`;
    for (const entry of ficheIssues) if (entry.ficheKey === original) entry.ficheKey = fiche.key;
    ficheIssues.push(
      issue("warning", "duplicate_key", { ficheKey: fiche.key, line: fiche.source.line }, {
        fr: `Une autre fiche porte déjà le titre « ${fiche.titreSource} » : celle-ci reçoit la clé ${fiche.key}.`,
        en: `Another fiche is already titled "${fiche.titreSource}": this one gets the key ${fiche.key}.`,
      }),
    );
  }
  taken.add(fiche.key);
}

const COMMUNE_SOURCES = { titre: "le titre", acteur_municipal: "une commune parmi les acteurs", acteur: "les acteurs", cible: "le public", texte: "le descriptif" };

/** Report entries about a fiche's commune: picked among several, or none found. */
export function communeIssues(decision: CommuneDecision, at: { ficheKey: string; line: number }): ImportIssue[] {
  if (!decision.commune) {
    return [
      issue("info", "commune_missing", at, {
        fr: "Aucune commune nommée dans la fiche : commune laissée vide.",
        en: "No commune named in the fiche: commune left empty.",
      }),
    ];
  }
  if (decision.candidates.length < 2) return [];
  const names = decision.candidates.map((c) => c.commune).join(", ");
  return [
    issue("warning", "commune_uncertain", at, {
      fr: `Plusieurs communes nommées (${names}) : ${decision.commune} retenue, nommée dans ${COMMUNE_SOURCES[decision.source!]}. À vérifier.`,
      en: `Several communes named (${names}): ${decision.commune} chosen, named in the ${decision.source}. Please check.`,
    }),
  ];
}
