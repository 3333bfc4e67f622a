import type { FicheActeurRole } from "@/lib/fiche/values";
import { foldActeurName } from "./acteur-names";
import { splitActeurs } from "./acteur-split";
import { issue } from "./issues";
import type { ImportedFicheType, ImportIssue, ParsedActeur } from "./types";

/*
 * The role of each acteur of a pratique, beyond what its "Acteurs" line says (acteur-split.ts reads
 * the cues written in the line itself). The first acteur named carries the action and stays porteur.
 * The others become:
 * partenaire (or financeur) when the descriptif or the éléments spécifiques name them after a cue:
 * "avec le soutien de", "en partenariat avec", "soutenu par", "les partenaires du projet sont",
 * "financé par", "mécènes". Organisations named there and not in the line are added with that role,
 * unless they look like one of the line's ("Conseil départemental" for "Conseil Départemental de la
 * Gironde", "UDCCAS" for "UDCCA"): the text is loose about names, and a duplicate is worse than a
 * missed partner. Every such inference is reported, since the text only suggests it.
 *
 * Without a cue, the line's order says nothing: a company listed after an association ("Keolis" on
 * DOM ASSIST, Auchan or Vinci on T.A.P.A.J) may carry the action as much as the first one.
 */

const CUE =
  /(avec le soutien(?: actif)?(?: du| de la| de l['’]| des| de)|en partenariat avec|soutenue?s? par|les partenaires(?: du projet| de l['’]association)?\s+(?:sont|:)|financée?s? par|(?:financeurs|mécènes)\s*:)\s*([^.;!?]+)/giu;

/** The organisations a text names after a partner or funder cue, with the role the cue gives. */
export function cuedActeurs(text: string): { acteur: ParsedActeur; role: FicheActeurRole; cue: string }[] {
  const found: { acteur: ParsedActeur; role: FicheActeurRole; cue: string }[] = [];
  for (const match of text.matchAll(CUE)) {
    const role: FicheActeurRole = /financ|mécène/iu.test(match[1]) ? "financeur" : "partenaire";
    // "des instances locales (CARSAT, UDCCAS, …)": the examples in parentheses are the organisations.
    // A parenthesis without a comma is a sigle: "la Fondation Internet Nouvelle Génération (FING)".
    // The list stops at the first full stop, which may be inside the parenthesis ("Conseil départemental...)").
    const list = match[2].replace(/\(([^()]*,[^()]*)(?:\)|$)/g, ", $1, ").replace(/\.{2,}|…/g, "");
    for (const acteur of splitActeurs(list)) {
      if (acteur.generic || !/^[\p{Lu}\p{N}]/u.test(acteur.nom)) continue;
      found.push({ acteur, role, cue: match[1].trim() });
    }
  }
  return found;
}

function sameActeur(a: ParsedActeur, b: ParsedActeur): boolean {
  const sigles = [a.sigle, b.sigle].filter(Boolean).map((s) => foldActeurName(s!));
  return a.key === b.key || (a.sigle !== null && foldActeurName(a.sigle) === b.key) || (b.sigle !== null && foldActeurName(b.sigle) === a.key) || (sigles.length === 2 && sigles[0] === sigles[1]);
}

/** Whether two names may be one organisation written loosely: one starts the other, or acronyms one letter apart. */
function lookAlike(a: ParsedActeur, b: ParsedActeur): boolean {
  const [short, long] = [a.key, b.key].sort((x, y) => x.length - y.length);
  if (short.length >= 4 && (long === short || long.startsWith(`${short} `))) return true;
  const acronym = (acteur: ParsedActeur) => (/^[\p{Lu}\p{N}]{3,}$/u.test(acteur.nom) ? acteur.key : null);
  const [x, y] = [acronym(a), acronym(b)].sort((p, q) => (p?.length ?? 0) - (q?.length ?? 0));
  return x !== null && y !== null && y.length === x.length + 1 && y.startsWith(x);
}

type RoleInput = { key: string; line: number; type: ImportedFicheType; acteurs: ParsedActeur[]; texts: (string | null | undefined)[] };

/**
 * Gives the acteurs of a pratique their partenaire and financeur roles (see above), adding the
 * organisations its text names as partners; returns the report entries of every role inferred.
 */
export function inferActeurRoles(input: RoleInput): { acteurs: ParsedActeur[]; issues: ImportIssue[] } {
  const at = { ficheKey: input.key, line: input.line };
  const issues: ImportIssue[] = [];
  const acteurs = input.acteurs.map((acteur) => ({ ...acteur }));
  for (const acteur of acteurs) {
    if (!acteur.generic && (acteur.role === "partenaire" || acteur.role === "financeur")) {
      issues.push(
        issue("info", "acteur_role_inferred", at, {
          fr: `« ${acteur.nom} » : rôle ${acteur.role}, lu dans la liste des acteurs (« ${acteur.source} »).`,
          en: `"${acteur.nom}": role ${acteur.role}, read in the acteurs line ("${acteur.source}").`,
        }),
      );
    }
  }
  if (input.type !== "pratique") return { acteurs, issues };
  const first = acteurs.find((acteur) => !acteur.generic);
  for (const { acteur: cued, role, cue } of cuedActeurs(input.texts.filter(Boolean).join("\n"))) {
    const existing = acteurs.find((acteur) => !acteur.generic && sameActeur(acteur, cued)) ?? acteurs.find((acteur) => !acteur.generic && lookAlike(acteur, cued));
    if (existing === first && first) continue;
    const target = existing ?? { ...cued, source: `${cue} ${cued.source}` };
    if (target.role === role) continue;
    target.role = role;
    if (!existing) acteurs.push(target);
    issues.push(
      issue("warning", "acteur_role_inferred", at, {
        fr: `« ${target.nom} » : rôle ${role} déduit du texte (« ${cue} »)${existing ? "" : ", acteur ajouté à la fiche"}.`,
        en: `"${target.nom}": role ${role} inferred from the text ("${cue}")${existing ? "" : ", acteur added to the fiche"}.`,
      }),
    );
  }
  return { acteurs, issues };
}
