import { isModerator, type Actor } from "./actor";
import { canReadFiche, type FicheAccessFacts } from "./fiche";

/** Anyone signed in may report a problem on a fiche they can read. */
export function canReportFiche(actor: Actor | null, fiche: FicheAccessFacts): boolean {
  return actor !== null && canReadFiche(actor, fiche);
}

/** The moderators' queue and their decisions (resolve, hide, archive, merge): moderators and admins. */
export function canModerate(actor: Actor | null): boolean {
  return isModerator(actor);
}
