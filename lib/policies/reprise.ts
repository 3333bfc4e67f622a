import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import { REPRISE_FICHE_TYPES } from "@/lib/reprise/values";
import { isModerator, type Viewer } from "./viewer";

/** What the reprise policy needs to know of the fiche. */
export type RepriseFicheFacts = { type: FicheType; statut: FicheStatut; masquee: boolean };

/** Whether anyone can declare a reprise of this fiche: a published, visible pratique or fiche pratique. */
export function isRepriseOpen(fiche: RepriseFicheFacts): boolean {
  return fiche.statut === "publiee" && !fiche.masquee && REPRISE_FICHE_TYPES.includes(fiche.type);
}

/** A member of the acteur declares, edits or withdraws its reprise of an open fiche; moderators may for any acteur. */
export function canDeclareReprise(viewer: Viewer | null, acteurId: number, fiche: RepriseFicheFacts): boolean {
  if (!viewer || !isRepriseOpen(fiche)) return false;
  return isModerator(viewer) || viewer.acteurIds.includes(acteurId);
}

/** Withdrawing stays possible once the fiche is archived: an acteur may always take back what it said. */
export function canWithdrawReprise(viewer: Viewer | null, acteurId: number): boolean {
  if (!viewer) return false;
  return isModerator(viewer) || viewer.acteurIds.includes(acteurId);
}
