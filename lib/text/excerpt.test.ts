import { describe, expect, it } from "vitest";
import { excerptOf } from "./excerpt";

describe("excerptOf", () => {
  it("keeps a short text whole", () => {
    expect(excerptOf("Un atelier le mardi.", 40)).toBe("Un atelier le mardi.");
  });

  it("cuts a long text at the last word boundary and says so", () => {
    expect(excerptOf("Un atelier numérique chaque mardi matin", 25)).toBe("Un atelier numérique…");
  });

  it("cuts a single long word where it must", () => {
    expect(excerptOf("Anticonstitutionnellement", 10)).toBe("Anticonsti…");
  });
});
