import type { CommentStatut } from "@/lib/comment/values";
import { canEditFiche, canReadFiche, type FicheAccessFacts } from "./fiche";
import { isModerator, type Viewer } from "./viewer";

/** What the comment policies need to know of a message. */
export type CommentFacts = { authorId: number | null; statut: CommentStatut };

/** Signed-in people comment on any fiche they can read, except a hidden one (it is out of public life). */
export function canComment(viewer: Viewer | null, fiche: FicheAccessFacts): boolean {
  return viewer !== null && canReadFiche(viewer, fiche) && !fiche.masquee;
}

/** A visitor without an account asks a question on a published fiche; it waits for a moderator. */
export function canAskQuestion(viewer: Viewer | null, fiche: FicheAccessFacts): boolean {
  return viewer === null && fiche.statut === "publiee" && !fiche.masquee;
}

/** Published messages are read with the fiche; waiting and hidden ones by moderators only. */
export function canReadComment(viewer: Viewer | null, fiche: FicheAccessFacts, comment: CommentFacts): boolean {
  if (!canReadFiche(viewer, fiche)) return false;
  return comment.statut === "publie" || isModerator(viewer);
}

/** Only its author rewrites a message, while it is shown. */
export function canEditComment(viewer: Viewer | null, fiche: FicheAccessFacts, comment: CommentFacts): boolean {
  return viewer !== null && comment.authorId === viewer.id && comment.statut === "publie" && canComment(viewer, fiche);
}

/** "Résolu": whoever opened the thread, the fiche's editors, and moderators. */
export function canResolveThread(viewer: Viewer | null, fiche: FicheAccessFacts, opening: CommentFacts): boolean {
  if (!viewer || !canReadComment(viewer, fiche, opening)) return false;
  return opening.authorId === viewer.id || canEditFiche(viewer, fiche) || isModerator(viewer);
}

/** Publishing a visitor's question, hiding a message: moderators. */
export function canModerateComment(viewer: Viewer | null): boolean {
  return isModerator(viewer);
}
