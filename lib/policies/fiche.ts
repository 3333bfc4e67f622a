import type { FicheActeurRole, FicheStatut } from "@/lib/fiche/values";
import { isModerator, type Viewer } from "./viewer";

/** What the fiche policies need to know of a fiche. */
export type FicheAccessFacts = {
  statut: FicheStatut;
  verrouillee: boolean;
  createdBy: number | null;
  porteurIds: number[];
  /** Hidden by a moderator: readable by moderators only. */
  masquee: boolean;
};

function isPorteurMember(viewer: Viewer, fiche: FicheAccessFacts): boolean {
  return fiche.porteurIds.some((id) => viewer.acteurIds.includes(id));
}

/** Drafts are visible only to their author, the porteurs' members and moderators; hidden fiches only to moderators. */
export function canReadFiche(viewer: Viewer | null, fiche: FicheAccessFacts): boolean {
  if (fiche.masquee) return isModerator(viewer);
  if (fiche.statut !== "brouillon") return true;
  if (!viewer) return false;
  return isModerator(viewer) || fiche.createdBy === viewer.id || isPorteurMember(viewer, fiche);
}

/**
 * Any contributor edits an unlocked fiche they can read; a locked (verrouillée) fiche only by its
 * porteurs' members and moderators. An archived fiche is frozen except for moderators.
 */
export function canEditFiche(viewer: Viewer | null, fiche: FicheAccessFacts): boolean {
  if (!viewer || !canReadFiche(viewer, fiche)) return false;
  if (isModerator(viewer)) return true;
  if (fiche.statut === "archivee") return false;
  if (fiche.verrouillee) return isPorteurMember(viewer, fiche);
  return true;
}

/** Publishing, locking and archiving: the porteurs' members, the author of a draft, and moderators. */
export function canManageFiche(viewer: Viewer | null, fiche: FicheAccessFacts): boolean {
  if (!viewer) return false;
  if (isModerator(viewer)) return true;
  if (isPorteurMember(viewer, fiche)) return true;
  return fiche.statut === "brouillon" && fiche.createdBy === viewer.id;
}

/**
 * Whether giving an acteur this role instead of that one (undefined: absent) makes or unmakes a
 * porteur. Porteurs govern the fiche (their members manage it), so only canManageFiche may do it.
 */
export function changesPorteur(from: FicheActeurRole | undefined, to: FicheActeurRole | undefined): boolean {
  return (from === "porteur") !== (to === "porteur");
}

export function canCreateFiche(viewer: Viewer | null): boolean {
  return viewer !== null;
}
