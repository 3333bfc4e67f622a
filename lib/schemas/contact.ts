import { z } from "./zod";

// Contact fields shared by acteurs and lieux. Values are stored normalised, so that the directory
// shows them the same way whoever typed them.

/** Overseas departments whose numbers belong to the French ten-digit plan (0262…, 0590…, 0694…). */
const OVERSEAS_CODES = ["262", "269", "590", "594", "596"];

/**
 * A French phone number as "05 56 12 34 56", from any usual writing ("0556123456", "05.56.12.34.56",
 * "+33 5 56 12 34 56", "+33 (0)5…", "0033…", "+262 692…"), or null when it is not one.
 */
export function normalizePhoneFr(input: string): string | null {
  let digits = input.replace(/\(0\)/g, "").replace(/[\s.\-/()]/g, "");
  if (digits.startsWith("00")) digits = `+${digits.slice(2)}`;
  let national: string | null = null;
  if (/^0[1-9]\d{8}$/.test(digits)) national = digits;
  else if (/^\+33[1-9]\d{8}$/.test(digits)) national = `0${digits.slice(3)}`;
  else {
    const overseas = OVERSEAS_CODES.find((code) => digits.startsWith(`+${code}`));
    if (overseas && /^[1-9]\d{8}$/.test(digits.slice(overseas.length + 1))) national = `0${digits.slice(overseas.length + 1)}`;
  }
  return national ? national.replace(/(\d{2})(?=\d)/g, "$1 ") : null;
}

/** A web address with its scheme; "www.exemple.fr" becomes "https://www.exemple.fr". Null when invalid. */
export function normalizeWebsite(input: string): string | null {
  if (/\s/.test(input)) return null;
  const text = /^[a-z][a-z0-9+.-]*:/i.test(input) ? input : `https://${input}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (!/^[^.\s]+(\.[^.\s]+)+$/.test(url.hostname) || url.username || url.password) return null;
  return text;
}

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v);

export const phoneSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(40, "Ce numéro est trop long.")
    .transform((value, ctx) => {
      const phone = normalizePhoneFr(value);
      if (!phone) {
        ctx.addIssue({ code: "custom", message: "Saisissez un numéro de téléphone français, par exemple 05 56 12 34 56 ou +33 5 56 12 34 56." });
        return z.NEVER;
      }
      return phone;
    })
    .optional(),
);

const WEBSITE_HINT = "par exemple https://www.exemple.fr";

export const websiteSchema = z.preprocess(
  blankToUndefined,
  z
    .string()
    .max(500, "Cette adresse est trop longue : 500 caractères au maximum.")
    .transform((value, ctx) => {
      const url = normalizeWebsite(value);
      if (!url) {
        ctx.addIssue({ code: "custom", message: `Saisissez une adresse de site web valide, ${WEBSITE_HINT}.` });
        return z.NEVER;
      }
      return url;
    })
    .optional(),
);

export const emailSchema = z.preprocess(
  (v) => {
    const value = blankToUndefined(v);
    return typeof value === "string" ? value.toLowerCase() : value;
  },
  z.email({ error: "Saisissez une adresse électronique valide, par exemple contact@exemple.fr." }).max(254).optional(),
);

/** Reads a list typed in one field, or already given as an array (API, importer). */
function splitList(value: unknown, separator: RegExp): unknown {
  if (typeof value === "string") return value.split(separator).map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(value)) return value.map((v) => (typeof v === "string" ? v.trim() : v)).filter((v) => v !== "");
  return value ?? [];
}

/** Several addresses separated by commas, semicolons or line breaks; each wrong one is named. */
export const emailListSchema = z.preprocess(
  (v) => splitList(v, /[\s,;]+/),
  z
    .array(z.string())
    .max(10, "10 adresses au maximum.")
    .transform((values, ctx) => {
      const out: string[] = [];
      for (const value of values) {
        const email = value.toLowerCase();
        if (!z.email().safeParse(email).success || email.length > 254) {
          ctx.addIssue({ code: "custom", message: `« ${value} » n'est pas une adresse électronique valide.` });
        } else if (!out.includes(email)) out.push(email);
      }
      return out;
    }),
);

/** Several web addresses separated by spaces, commas or line breaks; each wrong one is named. */
export const websiteListSchema = z.preprocess(
  (v) => splitList(v, /[\s,;]+/),
  z
    .array(z.string())
    .max(10, "10 adresses au maximum.")
    .transform((values, ctx) => {
      const out: string[] = [];
      for (const value of values) {
        const url = value.length <= 500 ? normalizeWebsite(value) : null;
        if (!url) ctx.addIssue({ code: "custom", message: `« ${value} » n'est pas une adresse de site web valide (${WEBSITE_HINT}).` });
        else if (!out.includes(url)) out.push(url);
      }
      return out;
    }),
);
