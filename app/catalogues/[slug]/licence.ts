import { getDb } from "@/db/client";
import { getContentLicence } from "@/server/licence";

/** The licence the print layout and the PDF cite: the one an admin chose for the wiki's content. */
export function catalogueLicence(): { name: string; url: string } {
  const { name, url } = getContentLicence(getDb());
  return { name, url };
}
