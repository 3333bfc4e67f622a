import { isModerator, type Viewer } from "./viewer";
import { canReadFiche, type FicheAccessFacts } from "./fiche";

/** Anyone signed in may report a problem on a fiche they can read. */
export function canReportFiche(viewer: Viewer | null, fiche: FicheAccessFacts): boolean {
  return viewer !== null && canReadFiche(viewer, fiche);
}

/** The moderators' queue and their decisions (resolve, hide, archive, merge): moderators and admins. */
export function canModerate(viewer: Viewer | null): boolean {
  return isModerator(viewer);
}
