import { describe, expect, it } from "vitest";
import { isFrenchPublicHoliday, parisClock } from "./paris-time";

describe("parisClock", () => {
  it("follows Paris summer and winter time, and the date change at midnight", () => {
    expect(parisClock(new Date("2025-01-06T08:30:00Z"))).toEqual({ year: 2025, month: 1, day: 6, weekday: 0, minutes: 9 * 60 + 30 });
    expect(parisClock(new Date("2025-07-06T22:30:00Z"))).toEqual({ year: 2025, month: 7, day: 7, weekday: 0, minutes: 30 });
    // 30 March 2025: clocks go from 02:00 to 03:00 at 01:00 UTC.
    expect(parisClock(new Date("2025-03-30T01:00:00Z")).minutes).toBe(3 * 60);
  });
});

describe("isFrenchPublicHoliday", () => {
  it("knows the fixed days and those that move with Easter", () => {
    for (const [y, m, d] of [
      [2024, 4, 1], // Easter Monday 2024
      [2024, 5, 9], // Ascension 2024
      [2024, 5, 20], // Whit Monday 2024
      [2026, 4, 6], // Easter Monday 2026
      [2025, 1, 1],
      [2025, 5, 8],
      [2025, 11, 11],
      [2025, 12, 25],
    ]) {
      expect(isFrenchPublicHoliday(y, m, d), `${y}-${m}-${d}`).toBe(true);
    }
    expect(isFrenchPublicHoliday(2024, 3, 31)).toBe(false); // Easter Sunday is a Sunday, not a holiday of its own
    expect(isFrenchPublicHoliday(2025, 12, 26)).toBe(false); // Saint-Étienne is only kept in Alsace-Moselle
    expect(isFrenchPublicHoliday(2025, 4, 22)).toBe(false);
  });
});
