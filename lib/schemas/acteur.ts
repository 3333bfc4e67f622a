import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { ACTEUR_TYPOLOGIES } from "@/lib/acteur/labels";
import { emailSchema, phoneSchema, websiteSchema } from "./contact";
import { optionalText, requiredText, z } from "./zod";

/** Luhn checksum, as INSEE computes it for SIREN and SIRET numbers. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

// La Poste registered its offices under one SIREN before the Luhn key existed; INSEE also accepts
// those SIRET numbers when the sum of their digits is a multiple of 5 (the head office passes Luhn).
const LA_POSTE_SIREN = "356000000";

/** True for a 14-digit SIRET whose key is right (Luhn, or La Poste's rule). */
export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (passesLuhn(siret)) return true;
  return siret.startsWith(LA_POSTE_SIREN) && [...siret].reduce((sum, d) => sum + Number(d), 0) % 5 === 0;
}

/** "73282932000074" → "732 829 320 00074", the way it is printed on a Kbis or an invoice. */
export function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret) ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}` : siret;
}

const siretSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/[\s.\u00a0]/g, "") || undefined : v),
  z
    .string()
    .regex(/^\d{14}$/, "Le SIRET compte 14 chiffres (les espaces sont permis), par exemple 732 829 320 00074.")
    .refine(isValidSiret, "Ce numéro SIRET n'existe pas : un chiffre est sans doute mal recopié (la clé de contrôle ne correspond pas).")
    .optional(),
);

// The RNA number of an association: W and nine digits; Corsican ones carry 2A or 2B as department.
const rnaSchema = z.preprocess(
  (v) => (typeof v === "string" ? v.replace(/\s/g, "").toUpperCase() || undefined : v),
  z
    .string()
    .regex(/^W(\d{9}|2[AB]\d{7})$/, "Le numéro RNA est un W suivi de 9 chiffres, par exemple W332012345.")
    .optional(),
);

/** Ids ticked in a checkbox group; a wrong one is reported on the group, not on its position. */
const idList = (max: number, message: string) =>
  z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z
      .array(z.union([z.string(), z.number()]), { error: message })
      .max(max, `${max} au maximum.`)
      .transform((values, ctx) => {
        const ids = values.map(Number);
        if (ids.some((id) => !Number.isSafeInteger(id) || id <= 0)) {
          ctx.addIssue({ code: "custom", message });
          return z.NEVER;
        }
        return [...new Set(ids)];
      }),
  );

export const acteurSchema = z.object({
  nom: requiredText("Le nom de l'organisation", 160),
  categorie: z.enum(ACTEUR_CATEGORIES, { error: "Choisissez une catégorie d'acteur." }),
  typologie: z.enum(ACTEUR_TYPOLOGIES, { error: "Choisissez un type d'organisation." }),
  description: optionalText(5000),
  siteWeb: websiteSchema,
  courriel: emailSchema,
  telephone: phoneSchema,
  siret: siretSchema,
  rna: rnaSchema,
  themes: idList(20, "Thème inconnu."),
});
export type ActeurInput = z.infer<typeof acteurSchema>;

/** The form fields that hold several values, for formDataToObject. */
export const ACTEUR_ARRAY_FIELDS = ["themes"];

export const addMemberSchema = z.object({
  email: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.email({ error: "Saisissez l'adresse électronique de la personne, par exemple nom@exemple.fr." }).max(254),
  ),
});

export const removeMemberSchema = z.object({
  userId: z.coerce.number({ error: "Membre inconnu." }).int().positive({ error: "Membre inconnu." }),
});
