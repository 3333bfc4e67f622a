import { describe, expect, it } from "vitest";
import { describeOpeningHours, openingHoursToFrench, parseOpeningHours } from "./opening-hours";

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
