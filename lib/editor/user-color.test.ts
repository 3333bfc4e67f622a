import { describe, expect, it } from "vitest";
import { colorForUser, contrastWithWhite, initialsOf } from "./user-color";

describe("colorForUser", () => {
  it("gives every user a stable hex colour that white text is readable on", () => {
    for (let id = 0; id < 1000; id++) {
      const color = colorForUser(id);
      expect(color).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastWithWhite(color), `user ${id}: ${color}`).toBeGreaterThanOrEqual(4.5);
      expect(colorForUser(id)).toBe(color);
    }
  });

  it("tells neighbouring users apart", () => {
    const colors = new Set(Array.from({ length: 12 }, (_, i) => colorForUser(i + 1)));
    expect(colors.size).toBe(12);
  });

  it("computes contrast like WCAG", () => {
    expect(contrastWithWhite("#000000")).toBeCloseTo(21, 5);
    expect(contrastWithWhite("#ffffff")).toBeCloseTo(1, 5);
    expect(contrastWithWhite("#767676")).toBeCloseTo(4.54, 2);
  });
});

describe("initialsOf", () => {
  it("takes the first letters of the first and last words", () => {
    expect(initialsOf("Anne-Marie Dupont")).toBe("AD");
    expect(initialsOf("  élodie ")).toBe("É");
    expect(initialsOf("Jean de la Fontaine")).toBe("JF");
    expect(initialsOf("")).toBe("?");
  });
});
