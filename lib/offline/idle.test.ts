import { describe, expect, it } from "vitest";
import { DEFAULT_IDLE_SIGNOUT_MINUTES, idleSignOutMinutes, idleStage, latestActivity } from "./idle";

describe("idleSignOutMinutes", () => {
  it("defaults to 30 minutes and reads a whole number", () => {
    expect(idleSignOutMinutes(undefined)).toBe(DEFAULT_IDLE_SIGNOUT_MINUTES);
    expect(idleSignOutMinutes(" ")).toBe(30);
    expect(idleSignOutMinutes("10")).toBe(10);
  });

  it("refuses what cannot leave a minute of warning, or is not a number of minutes", () => {
    for (const raw of ["1", "0", "-5", "2.5", "trente", "1441"]) {
      expect(() => idleSignOutMinutes(raw)).toThrow(/IDLE_SIGNOUT_MINUTES/);
    }
  });
});

describe("idleStage", () => {
  const limit = 10 * 60_000;

  it("stays active until the last minute, and says when that minute starts", () => {
    expect(idleStage(0, limit)).toEqual({ stage: "active", checkInMs: 9 * 60_000 });
    expect(idleStage(8 * 60_000, limit)).toEqual({ stage: "active", checkInMs: 60_000 });
  });

  it("warns during the last minute, then expires", () => {
    expect(idleStage(9 * 60_000, limit)).toEqual({ stage: "warning", checkInMs: 60_000 });
    expect(idleStage(9.5 * 60_000, limit)).toEqual({ stage: "warning", checkInMs: 30_000 });
    expect(idleStage(limit, limit)).toEqual({ stage: "expired" });
  });
});

describe("latestActivity", () => {
  it("takes the later of this tab's activity and another tab's", () => {
    expect(latestActivity(1_000, "5000")).toBe(5_000);
    expect(latestActivity(9_000, "5000")).toBe(9_000);
  });

  it("ignores what is not a time", () => {
    expect(latestActivity(1_000, null)).toBe(1_000);
    expect(latestActivity(1_000, "bientôt")).toBe(1_000);
  });
});
