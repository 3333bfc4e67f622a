import { z } from "./zod";

/** The headers that carry an uploaded file's name (URI-encoded: names may hold accents) and the previewed plan's digest. */
export const IMPORT_FILENAME_HEADER = "x-import-filename";
export const IMPORT_DIGEST_HEADER = "x-import-digest";

/** An upload to /api/import/preview or /api/import: the file is the raw request body. */
export const importUploadSchema = z.object({
  filename: z
    .string({ error: "Le nom du fichier manque : choisissez à nouveau le fichier." })
    .trim()
    .min(1, "Le nom du fichier manque : choisissez à nouveau le fichier.")
    .max(255, "Le nom du fichier est trop long : 255 caractères au plus."),
  size: z.number({ error: "La taille du fichier manque : envoyez-le à nouveau." }).int().nonnegative(),
  digest: z
    .string()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, "Aperçu inconnu : prévisualisez le fichier à nouveau.")
    .optional(),
});
export type ImportUpload = z.infer<typeof importUploadSchema>;
