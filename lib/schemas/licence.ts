import { LICENCE_IDS } from "@/lib/licence";
import { z } from "./zod";

/** The admin's choice of the content licence. */
export const contentLicenceSchema = z.object({
  licence: z.enum(LICENCE_IDS, { error: "Choisissez une licence dans la liste." }),
});
export type ContentLicenceInput = z.infer<typeof contentLicenceSchema>;
