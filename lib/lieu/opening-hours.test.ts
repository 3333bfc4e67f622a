import { describe, expect, it } from "vitest";
import { describeOpeningHours, isOpenAt, openingHoursToFrench, openingStateAt, parseOpeningHours, type OpeningHours } from "./opening-hours";

// The rendering uses non-breaking spaces; compare with ordinary ones for readability.
const plain = (lines: string[] | null) => lines?.map((l) => l.replace(/\u00a0/g, " "));

function errorOf(text: string): string {
  const result = parseOpeningHours(text);
  if (result.ok) throw new Error(`"${text}" was accepted`);
  return result.error;
}

describe("parseOpeningHours", () => {
  it("reads weekday ranges, several spans, public holidays and normalises the text", () => {
    const result = parseOpeningHours("mo-fr 9:00-12:00, 14:00 - 17:30 ;Sa 10:00-12:00; ph closed;");
    expect(result).toMatchObject({ ok: true, normalized: "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off" });
    if (!result.ok || result.value.alwaysOpen) throw new Error("unreachable");
    expect(result.value.rules[0]).toEqual({
      days: [{ kind: "weekday", from: "Mo", to: "Fr" }],
      spans: [
        { from: 540, to: 720 },
        { from: 840, to: 1050 },
      ],
      off: false,
      comment: undefined,
    });
    expect(result.value.rules[2]).toMatchObject({ days: [{ kind: "holiday" }], off: true });
  });

  it("accepts 24/7, rules without days, day lists, comments and a wrapping range", () => {
    expect(parseOpeningHours("24/7")).toMatchObject({ ok: true, value: { alwaysOpen: true } });
    expect(parseOpeningHours("08:00-24:00")).toMatchObject({ ok: true, normalized: "08:00-24:00" });
    expect(parseOpeningHours('Mo,We,Fr 14:00-18:00 "sur rendez-vous; le mercredi"')).toMatchObject({
      ok: true,
      normalized: 'Mo,We,Fr 14:00-18:00 "sur rendez-vous; le mercredi"',
    });
    expect(parseOpeningHours('Tu "sur rendez-vous"')).toMatchObject({ ok: true, normalized: 'Tu "sur rendez-vous"' });
    expect(parseOpeningHours("Fr-Mo 10:00-12:00")).toMatchObject({ ok: true, normalized: "Fr-Mo 10:00-12:00" });
  });

  it("refuses what it does not understand, saying why in French", () => {
    expect(errorOf("Lu-Ve 09:00-12:00")).toContain("Jour inconnu « Lu »");
    expect(errorOf("Mo-Fr 9h-12h")).toContain("Horaire invalide « 9h-12h »");
    expect(errorOf("Mo 14:00-12:00")).toContain("l'heure de fin doit suivre l'heure de début");
    expect(errorOf("Mo 22:00-02:00")).toContain("après minuit");
    expect(errorOf("Mo 09:60-12:00")).toContain("Heure impossible « 09:60 »");
    expect(errorOf("Mo 09:00-24:30")).toContain("Heure impossible « 24:30 »");
    expect(errorOf("Mo-Fr")).toContain("ni horaires ni « off »");
    expect(errorOf("Mo-Fr 09:00-12:00 Sa 10:00-12:00")).toContain("Séparez les règles par un point-virgule");
    expect(errorOf("Mo-We-Fr 09:00-12:00")).toContain("Plage de jours invalide");
    expect(errorOf('Mo 09:00-12:00 "sans fin')).toContain("n'est pas refermé");
    expect(errorOf("Mo 09:00-12:00;; Tu 09:00-12:00")).toContain("Deux points-virgules");
    expect(errorOf("Jan-Mar Mo 09:00-12:00")).toContain("Jour inconnu « Jan »");
    expect(errorOf("   ")).toBe("Les horaires sont vides.");
  });
});

describe("openingHoursToFrench", () => {
  it("renders each rule as a French sentence", () => {
    expect(plain(openingHoursToFrench("Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off"))).toEqual([
      "Lundi au vendredi : 9 h – 12 h, 14 h – 17 h 30",
      "Samedi : 10 h – 12 h",
      "Jours fériés : fermé",
    ]);
    expect(plain(openingHoursToFrench('Mo,We,Fr 14:05-18:00 "sur rendez-vous"; Su,PH off'))).toEqual([
      "Lundi, mercredi et vendredi : 14 h 05 – 18 h (sur rendez-vous)",
      "Dimanche et jours fériés : fermé",
    ]);
    expect(plain(openingHoursToFrench("Mo-Su 08:00-20:00"))).toEqual(["Tous les jours : 8 h – 20 h"]);
    expect(plain(openingHoursToFrench('Tu "sur rendez-vous"'))).toEqual(["Mardi : sur rendez-vous"]);
  });

  it("returns null for text that does not parse, so that the page can show it as written", () => {
    expect(openingHoursToFrench("du lundi au vendredi")).toBeNull();
  });

  it("describes 24/7 in words", () => {
    const parsed = parseOpeningHours("24/7");
    if (!parsed.ok) throw new Error(parsed.error);
    expect(describeOpeningHours(parsed.value).map((l) => `${l.days} : ${l.hours}`.replace(/\u00a0/g, " "))).toEqual([
      "Tous les jours : 24 h sur 24",
    ]);
  });
});

function hours(text: string): OpeningHours {
  const parsed = parseOpeningHours(text);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe("isOpenAt", () => {
  const weekdays = hours("Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off");

  it("reads the instant on a Paris clock, winter (UTC+1) and summer (UTC+2) alike", () => {
    // Monday 6 January 2025, 09:30 in Paris.
    expect(isOpenAt(weekdays, new Date("2025-01-06T08:30:00Z"))).toBe(true);
    // Monday 6 January 2025, 08:30 in Paris: not yet.
    expect(isOpenAt(weekdays, new Date("2025-01-06T07:30:00Z"))).toBe(false);
    // Monday 7 July 2025, 09:30 in Paris (07:30 UTC in summer time).
    expect(isOpenAt(weekdays, new Date("2025-07-07T07:30:00Z"))).toBe(true);
  });

  it("opens at the start of a span and closes at its end", () => {
    expect(isOpenAt(weekdays, new Date("2025-01-06T08:00:00Z"))).toBe(true); // 09:00
    expect(isOpenAt(weekdays, new Date("2025-01-06T10:59:00Z"))).toBe(true); // 11:59
    expect(isOpenAt(weekdays, new Date("2025-01-06T11:00:00Z"))).toBe(false); // 12:00, lunch
    expect(isOpenAt(weekdays, new Date("2025-01-06T13:15:00Z"))).toBe(true); // 14:15
    expect(isOpenAt(weekdays, new Date("2025-01-11T09:30:00Z"))).toBe(true); // Saturday 10:30
    expect(isOpenAt(weekdays, new Date("2025-01-12T09:30:00Z"))).toBe(false); // Sunday
    expect(isOpenAt(hours("Mo 20:00-24:00"), new Date("2025-01-06T22:59:00Z"))).toBe(true); // 23:59
  });

  it("closes on French public holidays when PH is off, including the moving ones", () => {
    expect(isOpenAt(weekdays, new Date("2025-04-21T08:30:00Z"))).toBe(false); // Easter Monday 2025
    expect(isOpenAt(weekdays, new Date("2025-05-29T08:30:00Z"))).toBe(false); // Ascension 2025
    expect(isOpenAt(weekdays, new Date("2025-06-09T08:30:00Z"))).toBe(false); // Whit Monday 2025
    expect(isOpenAt(weekdays, new Date("2025-07-14T08:30:00Z"))).toBe(false); // 14 juillet, a Monday
    expect(isOpenAt(weekdays, new Date("2025-04-22T08:30:00Z"))).toBe(true); // the Tuesday after
    expect(isOpenAt(hours("Mo-Fr 09:00-12:00"), new Date("2025-04-21T08:30:00Z"))).toBe(true); // no PH rule
  });

  it("lets a later rule replace the earlier ones for the whole day, as OpenStreetMap does", () => {
    const wednesdayOff = hours("Mo-Fr 09:00-17:00; We off");
    expect(isOpenAt(wednesdayOff, new Date("2025-01-08T09:00:00Z"))).toBe(false);
    expect(isOpenAt(wednesdayOff, new Date("2025-01-09T09:00:00Z"))).toBe(true);
    const wraps = hours("Fr-Mo 10:00-12:00");
    expect(isOpenAt(wraps, new Date("2025-01-12T10:00:00Z"))).toBe(true); // Sunday
    expect(isOpenAt(wraps, new Date("2025-01-08T10:00:00Z"))).toBe(false); // Wednesday
    expect(isOpenAt(hours("24/7"), new Date("2025-12-25T03:00:00Z"))).toBe(true);
  });

  it("says unknown rather than open when the rule in force is only a comment", () => {
    const byAppointment = hours('Mo 09:00-12:00; Tu "sur rendez-vous"');
    expect(openingStateAt(byAppointment, new Date("2025-01-07T09:00:00Z"))).toBe("unknown");
    expect(isOpenAt(byAppointment, new Date("2025-01-07T09:00:00Z"))).toBe(false);
    expect(openingStateAt(byAppointment, new Date("2025-01-06T09:00:00Z"))).toBe("open");
    expect(openingStateAt(byAppointment, new Date("2025-01-08T09:00:00Z"))).toBe("closed");
  });
});
