import { canonicalActeur } from "./acteur-names";
import type { ActeurDirectoryEntry, ImportedFiche, ParsedActeur } from "./types";

/**
 * The directory acteurs named by a set of fiches, one per normalised key: generic acteurs left
 * out, the alias table's name when it has one, otherwise the spelling met most often (the first
 * one on a tie). Sorted by name.
 */
export function collectActeurs(fiches: ImportedFiche[]): ActeurDirectoryEntry[] {
  const groups = new Map<string, { acteurs: ParsedActeur[]; fiches: Set<string> }>();
  for (const fiche of fiches) {
    for (const acteur of fiche.acteurs) {
      if (acteur.generic) continue;
      const group = groups.get(acteur.key) ?? { acteurs: [], fiches: new Set<string>() };
      group.acteurs.push(acteur);
      group.fiches.add(fiche.key);
      groups.set(acteur.key, group);
    }
  }
  const entries: ActeurDirectoryEntry[] = [];
  for (const [key, group] of groups) {
    const counts = new Map<string, number>();
    for (const acteur of group.acteurs) counts.set(acteur.nom, (counts.get(acteur.nom) ?? 0) + 1);
    const mostUsed = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    // Rules may read differently with or without a parenthesis: a confident guess wins.
    const decided = group.acteurs.find((acteur) => acteur.confident) ?? group.acteurs[0];
    entries.push({
      key,
      nom: canonicalActeur(key)?.nom || mostUsed,
      sigle: group.acteurs.find((acteur) => acteur.sigle)?.sigle ?? null,
      organisation: decided.organisation,
      categorie: decided.categorie,
      typologie: decided.typologie,
      confident: decided.confident,
      reason: decided.reason,
      reasonEn: decided.reasonEn,
      variantes: [...counts.keys()],
      fiches: [...group.fiches],
    });
  }
  return entries.sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
}
