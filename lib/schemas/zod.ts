import { z } from "zod";

// Every validation message the UI shows is in French; schemas may still give their own wording.
z.config(z.locales.fr());

export { z };

/** Turns empty form strings into undefined, so that optional fields stay optional. */
export const optionalText = (max: number) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v), z.string().max(max, `${max} caractères au maximum.`).optional());

export const requiredText = (label: string, max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v),
    z.string({ error: `${label} est obligatoire.` }).min(1, `${label} est obligatoire.`).max(max, `${max} caractères au maximum.`),
  );
