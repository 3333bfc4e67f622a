import type { Db } from "@/db/client";
import { licenceOf, type Licence, type LicenceId } from "@/lib/licence";
import { getSetting, setSetting } from "./setting";

/** The licence of the wiki's content: the admin's choice, Licence Ouverte 2.0 until one is made. */
export function getContentLicence(db: Db): Licence {
  return licenceOf(getSetting(db, "content.licence"));
}

/** Records the admin's choice of licence; callers check canChooseLicence first. */
export function setContentLicence(db: Db, id: LicenceId): Licence {
  setSetting(db, "content.licence", id);
  return licenceOf(id);
}
