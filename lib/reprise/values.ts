import type { FicheType } from "@/lib/fiche/values";
import { foldText } from "@/lib/slug";

/**
 * The fiches an acteur can take up: a pratique observée and a fiche pratique describe something done
 * that can be done again elsewhere. An idée à explorer has not been done yet: whoever carries it out
 * first becomes its porteur, or writes the pratique.
 */
export const REPRISE_FICHE_TYPES: readonly FicheType[] = ["pratique", "fiche_pratique"];

export const REPRISE_COMMUNE_MAX = 120;
export const REPRISE_CHANGEMENTS_MAX = 2000;

/** Two spellings of a commune ("Saint-Médard", "saint medard") count once: the key they share. */
export function communeKey(commune: string): string {
  return foldText(commune).replace(/[^a-z0-9]+/g, " ").trim();
}

/** How many different communes these take-ups are in. */
export function countCommunes(communes: string[]): number {
  return new Set(communes.map(communeKey).filter(Boolean)).size;
}

/** « Reprise dans 3 communes », « Reprise dans 1 commune ». */
export function repriseCommunesLabel(count: number): string {
  return `Reprise dans ${count} commune${count > 1 ? "s" : ""}`;
}
