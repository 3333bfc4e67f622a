/**
 * A small, strict subset of OpenStreetMap's opening_hours syntax
 * (https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification), the format of the
 * "horaires" field of the schéma des lieux de médiation numérique. Accepted grammar:
 *
 *   horaires  = "24/7" | rule *( ";" rule )
 *   rule      = [ days ] ( spans [ comment ] | "off" [ comment ] | comment )
 *   days      = range *( "," range )
 *   range     = weekday [ "-" weekday ] | "PH"          ; PH: jours fériés; Fr-Mo wraps over the week end
 *   weekday   = "Mo" | "Tu" | "We" | "Th" | "Fr" | "Sa" | "Su"
 *   spans     = span *( "," span )
 *   span      = time "-" time                          ; the end is after the start, 24:00 at most
 *   time      = 1*2DIGIT ":" 2DIGIT
 *   comment   = DQUOTE *( any character but DQUOTE ) DQUOTE
 *
 * Day names and "off" are read case-insensitively, "closed" is read as "off", and times such as
 * 9:00 are accepted; the normalised text (Mo-Fr 09:00-12:00) is what gets stored. Months, weeks,
 * school holidays and spans over midnight are refused rather than half-understood.
 */

import { isFrenchPublicHoliday, parisClock, type ParisClock } from "./paris-time";

export const WEEKDAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export type DayRange = { kind: "weekday"; from: Weekday; to: Weekday } | { kind: "holiday" };
export type TimeSpan = { from: number; to: number };
export type OpeningRule = { days: DayRange[]; spans: TimeSpan[]; off: boolean; comment?: string };
export type OpeningHours = { alwaysOpen: true } | { alwaysOpen: false; rules: OpeningRule[] };

export type ParseResult = { ok: true; value: OpeningHours; normalized: string } | { ok: false; error: string };

const DAY_NAMES: Record<Weekday, string> = {
  Mo: "lundi",
  Tu: "mardi",
  We: "mercredi",
  Th: "jeudi",
  Fr: "vendredi",
  Sa: "samedi",
  Su: "dimanche",
};

const EXAMPLE = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off";

class HoursSyntaxError extends Error {}

/** Splits on a separator outside of double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = "";
    } else current += char;
  }
  if (quoted) throw new HoursSyntaxError("Un commentaire entre guillemets n'est pas refermé.");
  parts.push(current);
  return parts;
}

function parseWeekday(token: string): Weekday {
  const found = WEEKDAYS.find((d) => d.toLowerCase() === token.toLowerCase());
  if (!found) {
    throw new HoursSyntaxError(`Jour inconnu « ${token} » : utilisez Mo, Tu, We, Th, Fr, Sa, Su (lundi à dimanche) ou PH (jours fériés).`);
  }
  return found;
}

function parseDays(text: string): DayRange[] {
  return text.split(",").map((part) => {
    const token = part.trim();
    if (!token) throw new HoursSyntaxError("Une liste de jours contient une virgule de trop.");
    if (token.toUpperCase() === "PH") return { kind: "holiday" as const };
    const [from, to, extra] = token.split("-");
    if (extra !== undefined) throw new HoursSyntaxError(`Plage de jours invalide « ${token} » : écrivez par exemple Mo-Fr.`);
    const start = parseWeekday(from);
    return { kind: "weekday" as const, from: start, to: to === undefined ? start : parseWeekday(to) };
  });
}

function parseTime(token: string, span: string): number {
  const match = /^(\d{1,2}):(\d{2})$/.exec(token);
  if (!match) throw new HoursSyntaxError(`Horaire invalide « ${span} » : écrivez par exemple 09:00-12:00.`);
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) {
    throw new HoursSyntaxError(`Heure impossible « ${token} » dans « ${span} ».`);
  }
  return hours * 60 + minutes;
}

function parseSpans(text: string): TimeSpan[] {
  return text.split(",").map((part) => {
    const span = part.trim();
    const [from, to, extra] = span.split("-");
    if (!span || to === undefined || extra !== undefined) {
      throw new HoursSyntaxError(`Horaire invalide « ${span} » : écrivez par exemple 09:00-12:00.`);
    }
    const start = parseTime(from.trim(), span);
    const end = parseTime(to.trim(), span);
    if (end <= start) {
      throw new HoursSyntaxError(`Dans « ${span} », l'heure de fin doit suivre l'heure de début (les horaires après minuit ne sont pas pris en charge).`);
    }
    return { from: start, to: end };
  });
}

function parseRule(text: string): OpeningRule {
  let rest = text.trim();
  let comment: string | undefined;
  const commentMatch = /"([^"]*)"\s*$/.exec(rest);
  if (commentMatch) {
    comment = commentMatch[1].trim();
    rest = rest.slice(0, commentMatch.index).trim();
    if (!comment) throw new HoursSyntaxError("Un commentaire entre guillemets est vide.");
  }
  if (rest.includes('"')) throw new HoursSyntaxError("Un commentaire entre guillemets doit venir à la fin de sa règle.");

  // Tokens never contain spaces except around "," and "-", so glue those back first.
  const words = rest.replace(/\s*([,-])\s*/g, "$1").split(/\s+/).filter(Boolean);
  let days: DayRange[] = [];
  if (words.length && !/^\d/.test(words[0]) && !/^(off|closed)$/i.test(words[0])) {
    days = parseDays(words.shift()!);
  }
  let spans: TimeSpan[] = [];
  let off = false;
  if (words.length && /^(off|closed)$/i.test(words[0])) {
    off = true;
    words.shift();
  } else if (words.length) {
    spans = parseSpans(words.shift()!);
  }
  if (words.length) {
    throw new HoursSyntaxError(`« ${words.join(" ")} » n'est pas compris. Séparez les règles par un point-virgule, par exemple : ${EXAMPLE}.`);
  }
  if (!spans.length && !off && comment === undefined) {
    throw new HoursSyntaxError(`La règle « ${text.trim()} » n'indique ni horaires ni « off » : écrivez par exemple Mo-Fr 09:00-12:00.`);
  }
  return { days, spans, off, comment };
}

/** Parses opening hours written in the subset above; the error is a French sentence for the form. */
export function parseOpeningHours(text: string): ParseResult {
  const trimmed = text.trim();
  if (!trimmed) return { ok: false, error: "Les horaires sont vides." };
  if (trimmed === "24/7") return { ok: true, value: { alwaysOpen: true }, normalized: "24/7" };
  try {
    const parts = splitOutsideQuotes(trimmed, ";").map((p) => p.trim());
    // A trailing ";" is common and harmless.
    if (parts.length > 1 && parts[parts.length - 1] === "") parts.pop();
    if (parts.some((p) => p === "")) throw new HoursSyntaxError("Deux points-virgules se suivent sans règle entre eux.");
    const rules = parts.map(parseRule);
    const value: OpeningHours = { alwaysOpen: false, rules };
    return { ok: true, value, normalized: serializeOpeningHours(value) };
  } catch (error) {
    if (error instanceof HoursSyntaxError) return { ok: false, error: error.message };
    throw error;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function serializeTime(minutes: number): string {
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Writes parsed opening hours back in canonical OSM form. */
export function serializeOpeningHours(hours: OpeningHours): string {
  if (hours.alwaysOpen) return "24/7";
  return hours.rules
    .map((rule) => {
      const days = rule.days.map((d) => (d.kind === "holiday" ? "PH" : d.from === d.to ? d.from : `${d.from}-${d.to}`)).join(",");
      const state = rule.off ? "off" : rule.spans.map((s) => `${serializeTime(s.from)}-${serializeTime(s.to)}`).join(",");
      const comment = rule.comment !== undefined ? `"${rule.comment}"` : "";
      return [days, state, comment].filter(Boolean).join(" ");
    })
    .join("; ");
}

const NBSP = "\u00a0";

/** "9 h", "17 h 30", in French typography. */
function frenchTime(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h}${NBSP}h${NBSP}${pad(m)}` : `${h}${NBSP}h`;
}

function frenchList(items: string[]): string {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} et ${items[items.length - 1]}`;
}

function frenchDays(days: DayRange[]): string {
  if (!days.length) return "Tous les jours";
  if (days.length === 1 && days[0].kind === "weekday" && days[0].from === "Mo" && days[0].to === "Su") return "Tous les jours";
  const text = frenchList(
    days.map((d) => (d.kind === "holiday" ? "jours fériés" : d.from === d.to ? DAY_NAMES[d.from] : `${DAY_NAMES[d.from]} au ${DAY_NAMES[d.to]}`)),
  );
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function frenchState(rule: OpeningRule): string {
  const state = rule.off ? "fermé" : rule.spans.map((s) => `${frenchTime(s.from)} – ${frenchTime(s.to)}`).join(", ");
  if (rule.comment === undefined) return state;
  return state ? `${state} (${rule.comment})` : rule.comment;
}

export type OpeningLine = { days: string; hours: string };

/** One French line per rule: { days: "Lundi au vendredi", hours: "9 h – 12 h, 14 h – 17 h 30" }. */
export function describeOpeningHours(hours: OpeningHours): OpeningLine[] {
  if (hours.alwaysOpen) return [{ days: "Tous les jours", hours: `24${NBSP}h sur 24` }];
  return hours.rules.map((rule) => ({ days: frenchDays(rule.days), hours: frenchState(rule) }));
}

/** "Lundi au vendredi : 9 h – 12 h, 14 h – 17 h 30" per rule, or null when the text does not parse. */
export function openingHoursToFrench(text: string): string[] | null {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) return null;
  return describeOpeningHours(parsed.value).map((line) => `${line.days}${NBSP}: ${line.hours}`);
}

/** "open", "closed", or "unknown" when the rule in force only carries a comment (Tu "sur rendez-vous"). */
export type OpeningState = "open" | "closed" | "unknown";

function dayMatches(range: DayRange, weekday: number, holiday: boolean): boolean {
  if (range.kind === "holiday") return holiday;
  const from = WEEKDAYS.indexOf(range.from);
  const to = WEEKDAYS.indexOf(range.to);
  // Fr-Mo wraps over the week end.
  return from <= to ? weekday >= from && weekday <= to : weekday >= from || weekday <= to;
}

/**
 * The state at an instant, read on a Paris clock. As in OpenStreetMap, a later rule that applies
 * to the day replaces the earlier ones for that whole day, so "Mo-Fr 09:00-17:00; We off" closes
 * on Wednesdays, and "PH off" closes on French public holidays.
 */
export function openingStateAt(hours: OpeningHours, date: Date): OpeningState {
  return openingStateAtClock(hours, parisClock(date));
}

/** openingStateAt for a clock already read: ranking many lieux reads the clock once. */
export function openingStateAtClock(hours: OpeningHours, clock: ParisClock): OpeningState {
  if (hours.alwaysOpen) return "open";
  const holiday = isFrenchPublicHoliday(clock.year, clock.month, clock.day);
  let state: OpeningState = "closed";
  for (const rule of hours.rules) {
    if (rule.days.length && !rule.days.some((range) => dayMatches(range, clock.weekday, holiday))) continue;
    if (rule.off) state = "closed";
    else if (!rule.spans.length) state = "unknown";
    else state = rule.spans.some((span) => clock.minutes >= span.from && clock.minutes < span.to) ? "open" : "closed";
  }
  return state;
}

/** Whether the lieu is open at this instant (Paris time); a comment-only rule does not count as open. */
export function isOpenAt(hours: OpeningHours, date: Date): boolean {
  return openingStateAt(hours, date) === "open";
}
