import { requiredText, z } from "@/lib/schemas/zod";
import { REPRISE_CHANGEMENTS_MAX, REPRISE_COMMUNE_MAX } from "./values";

const id = (what: string) => z.coerce.number({ error: `${what} inconnue.` }).int(`${what} inconnue.`).positive(`${what} inconnue.`);
const acteurId = z.coerce.number({ error: "Choisissez l'acteur qui l'a reprise." }).int("Choisissez l'acteur qui l'a reprise.").positive("Choisissez l'acteur qui l'a reprise.");

/** The current month as "AAAA-MM", in Paris: a take-up cannot start after it. */
export function currentMonth(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", year: "numeric", month: "2-digit" }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}`;
}

// "AAAA-MM" is what <input type="month"> sends; "AAAA" alone is accepted for the API and for those
// who only remember the year. Both compare as text against the current month.
const depuis = z.preprocess(
  (v) => (typeof v === "string" ? v.trim() : v),
  z
    .string({ error: "Indiquez depuis quand." })
    .min(1, { error: "Indiquez depuis quand.", abort: true })
    .regex(/^(19|20)\d\d(-(0[1-9]|1[0-2]))?$/, { error: "Indiquez le mois et l'année (par exemple 2024-09), ou l'année seule.", abort: true })
    .refine((value) => value.slice(0, 7) <= currentMonth(), "Cette date est dans le futur : indiquez depuis quand l'action a lieu."),
);

/** "Nous l'avons reprise": which fiche, which acteur, where, since when, what changed. */
export const repriseSchema = z.object({
  ficheId: id("Fiche"),
  acteurId,
  commune: requiredText("La commune", REPRISE_COMMUNE_MAX),
  depuis,
  changements: z.preprocess(
    (v) => (typeof v === "string" ? v.trim() : v ?? ""),
    z.string().max(REPRISE_CHANGEMENTS_MAX, `${REPRISE_CHANGEMENTS_MAX} caractères au maximum.`),
  ),
});
export type RepriseInput = z.infer<typeof repriseSchema>;

export const withdrawRepriseSchema = z.object({ ficheId: id("Fiche"), acteurId });

/** "Depuis septembre 2024", or "depuis 2024". */
export function formatDepuis(depuis: string): string {
  const [year, month] = depuis.split("-");
  if (!month) return year;
  const label = new Intl.DateTimeFormat("fr-FR", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(Number(year), Number(month) - 1, 1)));
  return `${label} ${year}`;
}
