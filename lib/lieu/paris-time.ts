// Opening hours are written in the lieu's local time: metropolitan France, whatever the time zone
// of the server or of the browser that evaluates them.

export const PARIS_TIME_ZONE = "Europe/Paris";

const WEEKDAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: PARIS_TIME_ZONE,
  year: "numeric",
  month: "numeric",
  day: "numeric",
  weekday: "short",
  hour: "numeric",
  minute: "numeric",
  hourCycle: "h23",
});

/** A wall-clock reading in Paris: the date, the weekday (0 = Monday) and the minutes since midnight. */
export type ParisClock = { year: number; month: number; day: number; weekday: number; minutes: number };

/** What a clock on a wall in Paris shows at this instant. */
export function parisClock(date: Date): ParisClock {
  const parts = Object.fromEntries(formatter.formatToParts(date).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAY_INDEX[parts.weekday],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Easter Sunday of a Gregorian year (Meeus/Jones/Butcher), as [month, day]. */
function easter(year: number): [number, number] {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return [month, day];
}

const FIXED_HOLIDAYS = new Set(["1-1", "5-1", "5-8", "7-14", "8-15", "11-1", "11-11", "12-25"]);
// Easter Monday, Ascension Thursday and Whit Monday, in days after Easter Sunday.
const EASTER_OFFSETS = [1, 39, 50];

/**
 * The eleven national public holidays of France (the "PH" of opening hours). Alsace-Moselle's two
 * extra days are left out: the wiki serves the Bordeaux area.
 */
export function isFrenchPublicHoliday(year: number, month: number, day: number): boolean {
  if (FIXED_HOLIDAYS.has(`${month}-${day}`)) return true;
  const [easterMonth, easterDay] = easter(year);
  const easterTime = Date.UTC(year, easterMonth - 1, easterDay);
  const time = Date.UTC(year, month - 1, day);
  return EASTER_OFFSETS.some((offset) => easterTime + offset * 86_400_000 === time);
}
