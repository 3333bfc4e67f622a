import { z } from "./zod";

/** The headers that carry an uploaded lieux file's name (URI-encoded: names may hold accents) and the preview's digest. */
export const LIEUX_FILENAME_HEADER = "x-import-filename";
export const LIEUX_DIGEST_HEADER = "x-import-digest";

/** An upload to /api/import-lieux/preview or /api/import-lieux: the file is the raw request body. */
export const lieuxUploadSchema = z.object({
  filename: z
    .string({ error: "Le nom du fichier manque : choisissez à nouveau le fichier." })
    .trim()
    .min(1, "Le nom du fichier manque : choisissez à nouveau le fichier.")
    .max(255, "Le nom du fichier est trop long : 255 caractères au plus."),
  digest: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "Aperçu inconnu : prévisualisez le fichier à nouveau.")
    .optional(),
});
export type LieuxUpload = z.infer<typeof lieuxUploadSchema>;
