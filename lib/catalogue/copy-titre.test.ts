import { describe, expect, it } from "vitest";
import { CATALOGUE_TITRE_MAX } from "@/lib/schemas/catalogue";
import { copyBase, copyTitre } from "./copy-titre";

const takenAmong = (titles: string[]) => (candidate: string) => titles.includes(candidate);

describe("copyTitre", () => {
  it("suffixes « (copie) », then counts from 2 past the titles already taken", () => {
    expect(copyTitre("Former les bénévoles", takenAmong([]))).toBe("Former les bénévoles (copie)");
    expect(copyTitre("Former les bénévoles", takenAmong(["Former les bénévoles (copie)"]))).toBe("Former les bénévoles (copie 2)");
    expect(copyTitre("Former les bénévoles", takenAmong(["Former les bénévoles (copie)", "Former les bénévoles (copie 2)"]))).toBe("Former les bénévoles (copie 3)");
    // A gap is filled: the first free title wins.
    expect(copyTitre("Former", takenAmong(["Former (copie)", "Former (copie 3)"]))).toBe("Former (copie 2)");
  });

  it("counts a copy of a copy instead of stacking suffixes", () => {
    expect(copyBase("Former (copie 12)")).toBe("Former");
    expect(copyTitre("Former (copie)", takenAmong(["Former (copie)"]))).toBe("Former (copie 2)");
    expect(copyTitre("Former (copie 2)", takenAmong(["Former (copie)", "Former (copie 2)"]))).toBe("Former (copie 3)");
    // Only a trailing suffix counts; a title that is nothing but one is kept whole.
    expect(copyTitre("(copie) de travail", takenAmong([]))).toBe("(copie) de travail (copie)");
    expect(copyTitre("(copie)", takenAmong([]))).toBe("(copie) (copie)");
  });

  it("shortens a long title so that the copy's stays within the cap", () => {
    const long = "é".repeat(CATALOGUE_TITRE_MAX);
    const first = copyTitre(long, takenAmong([]));
    expect(first).toHaveLength(CATALOGUE_TITRE_MAX);
    expect(first.endsWith("é (copie)")).toBe(true);
    const second = copyTitre(long, takenAmong([first]));
    expect(second).toHaveLength(CATALOGUE_TITRE_MAX);
    expect(second.endsWith("é (copie 2)")).toBe(true);
    // An emoji is never cut in half.
    const emoji = copyTitre("😀".repeat(CATALOGUE_TITRE_MAX / 2), takenAmong([]));
    expect(emoji.endsWith("😀 (copie)")).toBe(true);
    expect(emoji.length).toBeLessThanOrEqual(CATALOGUE_TITRE_MAX);
  });
});
