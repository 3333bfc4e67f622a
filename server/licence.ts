import type { Db } from "@/db/client";
import { licenceOf, type Licence, type LicenceId } from "@/lib/licence";
import { canChooseLicence } from "@/lib/policies/licence";
import { authorize, type Actor } from "./authorize";
import { getSetting, setSetting } from "./setting";

/** The licence of the wiki's content: the admin's choice, Licence Ouverte 2.0 until one is made. */
export function getContentLicence(db: Db): Licence {
  return licenceOf(getSetting(db, "content.licence"));
}

/** Records the admin's choice of licence (canChooseLicence); the system may set it too. */
export function setContentLicence(db: Db, actor: Actor, id: LicenceId): Licence {
  authorize(actor, canChooseLicence, "Seuls les administrateurs choisissent la licence du contenu.", "Only admins choose the content's licence.");
  setSetting(db, "content.licence", id);
  return licenceOf(id);
}
