/**
 * Reads opening hours as people write them in French ("du lundi au vendredi de 9h à 12h et de 14h
 * à 17h, fermé les jours fériés") and writes them in the OpenStreetMap syntax the wiki stores
 * (Mo-Fr 09:00-12:00,14:00-17:00; PH off). Only what is listed here is understood; anything else
 * is refused with a French sentence that names the words not understood, never guessed.
 *
 *   days     lundi … dimanche, lun … dim, plurals (« les lundis »), « du lundi au vendredi »,
 *            « lundi-vendredi », « lundi, mercredi et vendredi », « tous les jours », « en semaine »,
 *            « le week-end », « (les) jours fériés »
 *   hours    9h, 9 h 30, 9H30, 09:00, midi, minuit (as an end); « de 9h à 12h », « 9h-12h »,
 *            « entre 9h et 12h », « de 9 à 12h »; several spans joined by « et » or a comma
 *   half-days « matin » is read 09:00-12:00 and « après-midi » 14:00-17:00 (MORNING, AFTERNOON): a
 *            note says so, so that the person can write the real hours instead
 *   closed   « fermé » (« fermé le lundi », « le dimanche fermé »), « sauf le mercredi »
 *   comment  « sur rendez-vous », « sur rdv »
 *   clauses  separated by « ; », a new line, or a comma followed by new days
 *
 * In OpenStreetMap a later rule replaces the earlier ones for its days. French lists are read as
 * additions, so the closures go last, and two opening rules sharing a day are refused rather than
 * silently overriding one another.
 */

import { parseOpeningHours, WEEKDAYS, type Weekday } from "./opening-hours";

export const MORNING = { from: 9 * 60, to: 12 * 60 };
export const AFTERNOON = { from: 14 * 60, to: 17 * 60 };
export const HALF_DAY_NOTE =
  "« matin » est lu de 9 h à 12 h et « après-midi » de 14 h à 17 h : écrivez les heures exactes si elles sont différentes.";

export type FrenchHorairesResult = { ok: true; normalized: string; notes: string[] } | { ok: false; error: string };

type Token =
  | { kind: "time"; minutes: number; unit: boolean; text: string }
  | { kind: "word"; norm: string; text: string }
  | { kind: "sep"; value: string; text: string };

type Days = { osm: string; set: number[]; label: string };
type Clause = { days: Days[]; spans: { from: number; to: number }[]; off: boolean; comment?: string; except: Days[] };

const DAY_WORDS: Record<string, Weekday> = {
  lundi: "Mo", lun: "Mo", mardi: "Tu", mar: "Tu", mercredi: "We", mer: "We", jeudi: "Th", jeu: "Th",
  vendredi: "Fr", ven: "Fr", vend: "Fr", samedi: "Sa", sam: "Sa", dimanche: "Su", dim: "Su",
};
const DAY_LABELS: Record<Weekday, string> = { Mo: "lundi", Tu: "mardi", We: "mercredi", Th: "jeudi", Fr: "vendredi", Sa: "samedi", Su: "dimanche" };
const FILLERS = new Set(["le", "les", "la", "l", "et", "ouvert", "ouverte", "ouverts", "ouvertes", "de", "du", "d", "tous", "toutes", "chaque", "uniquement", "seulement", "."]);
const CLOSED = new Set(["ferme", "fermee", "fermes", "fermees", "fermeture"]);
const HYPHENATED = new Set(["apres-midi", "apres-midis", "week-end", "week-ends", "rendez-vous"]);
const EXAMPLE = "« du lundi au vendredi de 9h à 12h et de 14h à 17h ; samedi matin ; fermé les jours fériés »";

class FrenchHoursError extends Error {}

const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
const frTime = (m: number) => (m % 60 ? `${Math.floor(m / 60)}h${String(m % 60).padStart(2, "0")}` : `${Math.floor(m / 60)}h`);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const pattern = /(\d{1,2})\s*(?:heures?(?![\p{L}])|h|:)\s*(\d{2})?(?!\d)|(\d+)|([\p{L}]+(?:['’-][\p{L}]+)*)|([;,:\n\-–—/.])|(\S)/giu;
  for (const m of text.matchAll(pattern)) {
    const [whole, hours, minutes, bare, word, sep, other] = m;
    if (hours !== undefined) {
      const h = Number(hours);
      const min = minutes === undefined ? 0 : Number(minutes);
      if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new FrenchHoursError(`L'heure « ${whole.trim()} » n'existe pas.`);
      tokens.push({ kind: "time", minutes: h * 60 + min, unit: true, text: whole.trim() });
    } else if (bare !== undefined) {
      if (Number(bare) > 24) throw new FrenchHoursError(`« ${bare} » n'est pas compris : écrivez les heures avec « h », par exemple 9h ou 14h30.`);
      tokens.push({ kind: "time", minutes: Number(bare) * 60, unit: false, text: bare });
    } else if (word !== undefined) {
      // « l'après-midi », « jusqu'à »: the elided word stands on its own; « lundi-vendredi » is three tokens.
      for (const part of word.split(/(?<=['’])/)) {
        const norm = fold(part).replace(/['’]$/, "");
        if (!norm.includes("-") || HYPHENATED.has(norm)) tokens.push({ kind: "word", norm, text: part });
        else
          part.split("-").forEach((piece, n) => {
            if (n) tokens.push({ kind: "sep", value: "-", text: "-" });
            tokens.push({ kind: "word", norm: fold(piece), text: piece });
          });
      }
    } else if (sep !== undefined) {
      const value = sep === "\n" ? ";" : /[–—]/.test(sep) ? "-" : sep;
      tokens.push({ kind: "sep", value, text: sep });
    } else {
      throw new FrenchHoursError(`Le signe « ${other} » n'est pas compris. Écrivez par exemple ${EXAMPLE}.`);
    }
  }
  return tokens;
}

function dayRange(from: Weekday, to: Weekday): Days {
  const a = WEEKDAYS.indexOf(from);
  const b = WEEKDAYS.indexOf(to);
  const set: number[] = [];
  for (let i = a; ; i = (i + 1) % 7) {
    set.push(i);
    if (i === b) break;
  }
  return { osm: a === b ? from : `${from}-${to}`, set, label: a === b ? DAY_LABELS[from] : `du ${DAY_LABELS[from]} au ${DAY_LABELS[to]}` };
}

const HOLIDAYS: Days = { osm: "PH", set: [7], label: "les jours fériés" };

function dayWord(token: Token | undefined): Weekday | undefined {
  if (token?.kind !== "word") return undefined;
  return DAY_WORDS[token.norm] ?? DAY_WORDS[token.norm.replace(/s$/, "")];
}

const isWord = (token: Token | undefined, ...words: string[]) => token?.kind === "word" && words.includes(token.norm);
const isSep = (token: Token | undefined, value: string) => token?.kind === "sep" && token.value === value;

/** The days starting at tokens[i], with how many tokens they take; undefined when none start there. */
function readDays(tokens: Token[], i: number): { days: Days; next: number } | undefined {
  const t = tokens[i];
  if (isWord(t, "du", "de") && dayWord(tokens[i + 1])) return readDays(tokens, i + 1);
  if (isWord(t, "tous", "toutes") && isWord(tokens[i + 1], "les") && isWord(tokens[i + 2], "jours")) return { days: { ...dayRange("Mo", "Su"), label: "tous les jours" }, next: i + 3 };
  if (isWord(t, "en") && isWord(tokens[i + 1], "semaine")) return { days: dayRange("Mo", "Fr"), next: i + 2 };
  if (isWord(t, "week-end", "week-ends", "weekend", "weekends")) return { days: dayRange("Sa", "Su"), next: i + 1 };
  if (isWord(t, "jours", "jour") && isWord(tokens[i + 1], "feries", "ferie")) return { days: HOLIDAYS, next: i + 2 };
  if (isWord(t, "feries", "ferie")) return { days: HOLIDAYS, next: i + 1 };
  const from = dayWord(t);
  if (!from) return undefined;
  if ((isWord(tokens[i + 1], "au", "a") || isSep(tokens[i + 1], "-")) && dayWord(tokens[i + 2])) {
    return { days: dayRange(from, dayWord(tokens[i + 2])!), next: i + 3 };
  }
  return { days: dayRange(from, from), next: i + 1 };
}

function readTime(token: Token | undefined, end: boolean): { minutes: number; unit: boolean } | undefined {
  if (token?.kind === "time") return token;
  if (isWord(token, "midi")) return { minutes: 12 * 60, unit: true };
  if (end && isWord(token, "minuit")) return { minutes: 24 * 60, unit: true };
  return undefined;
}

/** A span « de 9h à 12h », « 9h-12h », « entre 9h et 12h » starting at tokens[i]. */
function readSpan(tokens: Token[], i: number): { span: { from: number; to: number }; next: number } | undefined {
  const between = isWord(tokens[i], "entre");
  const at = isWord(tokens[i], "de", "d", "entre") ? i + 1 : i;
  const start = readTime(tokens[at], false);
  if (!start) return undefined;
  const startText = tokens[at].text;
  let k = at + 1;
  if (isWord(tokens[k], "jusqu") && isWord(tokens[k + 1], "a")) k += 2;
  else if (isSep(tokens[k], "-") || isWord(tokens[k], "a", "au") || (between && isWord(tokens[k], "et"))) k += 1;
  else throw new FrenchHoursError(`Après « ${startText} », indiquez l'heure de fin, par exemple « de 9h à 12h ».`);
  const end = readTime(tokens[k], true);
  if (!end) throw new FrenchHoursError(`Après « ${startText} à », indiquez l'heure de fin, par exemple « de 9h à 12h ».`);
  if (!start.unit && !end.unit) {
    throw new FrenchHoursError(`« ${startText} à ${tokens[k].text} » n'est pas compris : écrivez les heures avec « h », par exemple « de 9h à 12h ».`);
  }
  if (end.minutes <= start.minutes) {
    throw new FrenchHoursError(`De ${frTime(start.minutes)} à ${frTime(end.minutes)} : l'heure de fin doit suivre l'heure de début (les horaires après minuit ne sont pas pris en charge).`);
  }
  return { span: { from: start.minutes, to: end.minutes }, next: k + 1 };
}

const hasState = (c: Clause) => c.spans.length > 0 || c.off || c.comment !== undefined;
const newClause = (): Clause => ({ days: [], spans: [], off: false, except: [] });
const daysLabel = (days: Days[]) => days.map((d) => d.label).join(", ");

function readClauses(tokens: Token[]): { clauses: Clause[]; halfDays: boolean } {
  const clauses: Clause[] = [];
  let current = newClause();
  let except = false;
  let halfDays = false;
  const close = () => {
    if (current.days.length || hasState(current) || current.except.length) clauses.push(current);
    current = newClause();
    except = false;
  };
  const addSpan = (span: { from: number; to: number }) => {
    if (current.off) throw new FrenchHoursError(`« fermé » et des horaires se suivent pour ${daysLabel(current.days) || "les mêmes jours"} : séparez-les par un point-virgule.`);
    current.spans.push(span);
    except = false;
  };
  for (let i = 0; i < tokens.length; ) {
    const t = tokens[i];
    const days = readDays(tokens, i);
    if (days) {
      if (except) current.except.push(days.days);
      else {
        if (current.days.length && hasState(current)) close();
        current.days.push(days.days);
      }
      i = days.next;
      continue;
    }
    const span = readSpan(tokens, i);
    if (span) {
      addSpan(span.span);
      i = span.next;
      continue;
    }
    if (isSep(t, ";")) close();
    else if (isSep(t, ",") || isSep(t, "/")) except = false;
    else if (isWord(t, "matin", "matins", "matinee", "matinees")) {
      addSpan(MORNING);
      halfDays = true;
    } else if (isWord(t, "apres-midi", "apres-midis") || (isWord(t, "apres") && isWord(tokens[i + 1], "midi", "midis"))) {
      addSpan(AFTERNOON);
      halfDays = true;
      if (isWord(t, "apres")) i += 1;
    } else if (t.kind === "word" && CLOSED.has(t.norm)) {
      if (hasState(current)) close();
      current.off = true;
      except = false;
    } else if (isWord(t, "sur") && (isWord(tokens[i + 1], "rendez-vous", "rdv") || (isWord(tokens[i + 1], "rendez") && isWord(tokens[i + 2], "vous")))) {
      if (current.comment !== undefined || current.off) close();
      current.comment = "sur rendez-vous";
      i += isWord(tokens[i + 1], "rendez") ? 2 : 1;
    } else if (isWord(t, "sauf")) {
      if (!current.days.length) throw new FrenchHoursError("« sauf » doit suivre des jours, par exemple « du lundi au vendredi sauf le mercredi ».");
      except = true;
    } else if (t.kind === "word" && FILLERS.has(t.norm)) {
      // Articles and « ouvert » carry nothing that the days and hours do not already say.
    } else if (isSep(t, "-") || isSep(t, ".") || isSep(t, ":")) {
      // « Lundi : 9h-12h », a dash between clauses, a final full stop.
    } else if (t.kind === "time") {
      throw new FrenchHoursError(`« ${t.text} » n'est pas compris : écrivez un horaire avec son début et sa fin, par exemple « de 9h à 12h ».`);
    } else {
      throw new FrenchHoursError(`« ${t.text} » n'est pas compris. Écrivez par exemple ${EXAMPLE}.`);
    }
    i += 1;
  }
  close();
  return { clauses, halfDays };
}

/** Converts French opening hours to the OSM syntax; the error is a French sentence for the form. */
export function parseFrenchHoraires(text: string): FrenchHorairesResult {
  try {
    const { clauses, halfDays } = readClauses(tokenize(text.trim()));
    if (!clauses.length) return { ok: false, error: "Les horaires sont vides." };
    const opening: Clause[] = [];
    const closures: string[] = [];
    for (const clause of clauses) {
      if (!hasState(clause)) {
        throw new FrenchHoursError(`Pour « ${daysLabel(clause.days) || daysLabel(clause.except)} », indiquez les horaires (par exemple « de 9h à 12h ») ou « fermé ».`);
      }
      const key = clause.days.map((d) => d.osm).join(",");
      // A bare « fermé » would close every day, the opening days included.
      if (clause.off && !key) throw new FrenchHoursError("« fermé » : précisez quels jours, par exemple « fermé le dimanche » ou « fermé les jours fériés ».");
      if (clause.off) closures.push(`${key} off`.trim());
      else {
        clause.spans.sort((a, b) => a.from - b.from);
        // « lundi 9h-12h ; lundi 14h-17h »: the same days twice are one rule with both spans.
        const same = opening.find((o) => o.days.map((d) => d.osm).join(",") === key && o.comment === clause.comment);
        if (same) same.spans.push(...clause.spans);
        else opening.push(clause);
      }
      for (const d of clause.except) closures.push(`${d.osm} off`);
    }
    for (let a = 0; a < opening.length; a++) {
      for (let b = a + 1; b < opening.length; b++) {
        const setOf = (c: Clause) => (c.days.length ? c.days.flatMap((d) => d.set) : [0, 1, 2, 3, 4, 5, 6]);
        const shared = setOf(opening[a]).filter((d) => setOf(opening[b]).includes(d));
        if (shared.length) {
          const day = shared[0] === 7 ? "les jours fériés" : `le ${DAY_LABELS[WEEKDAYS[shared[0]]]}`;
          throw new FrenchHoursError(
            `Deux règles donnent des horaires pour ${day} (« ${daysLabel(opening[a].days) || "tous les jours"} » et « ${daysLabel(opening[b].days) || "tous les jours"} ») : écrivez-les sur une seule règle, par exemple « mercredi de 9h à 12h et de 14h à 17h », ou utilisez « sauf ».`,
          );
        }
      }
    }
    const rules = opening.map((c) => {
      const spans = c.spans.map((s) => `${hhmm(s.from)}-${hhmm(s.to)}`).join(",");
      const comment = c.comment === undefined ? "" : `"${c.comment}"`;
      return [c.days.map((d) => d.osm).join(","), spans, comment].filter(Boolean).join(" ");
    });
    const parsed = parseOpeningHours([...rules, ...closures].join("; "));
    if (!parsed.ok) return parsed;
    return { ok: true, normalized: parsed.normalized, notes: halfDays ? [HALF_DAY_NOTE] : [] };
  } catch (error) {
    if (error instanceof FrenchHoursError) return { ok: false, error: error.message };
    throw error;
  }
}
