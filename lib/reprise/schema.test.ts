import { describe, expect, it } from "vitest";
import { currentMonth, formatDepuis, repriseSchema } from "./schema";

const valid = { ficheId: "3", acteurId: "4", commune: " Bègles ", depuis: "2024-09", changements: "" };

function errorsOf(input: Record<string, unknown>) {
  const parsed = repriseSchema.safeParse(input);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join("."), i.message]));
}

describe("repriseSchema", () => {
  it("reads a form", () => {
    expect(repriseSchema.parse(valid)).toEqual({ ficheId: 3, acteurId: 4, commune: "Bègles", depuis: "2024-09", changements: "" });
    expect(repriseSchema.parse({ ...valid, depuis: "2019" }).depuis).toBe("2019");
  });

  it("says in French what is wrong", () => {
    expect(errorsOf({ ...valid, commune: "  " })).toEqual({ commune: "La commune est obligatoire." });
    expect(errorsOf({ ...valid, acteurId: "" })).toEqual({ acteurId: "Choisissez l'acteur qui l'a reprise." });
    expect(errorsOf({ ...valid, depuis: "septembre" }).depuis).toMatch(/mois et l'année/);
    expect(errorsOf({ ...valid, changements: "x".repeat(2001) })).toEqual({ changements: "2000 caractères au maximum." });
  });

  it("refuses a start in the future", () => {
    const [year, month] = currentMonth().split("-").map(Number);
    const next = month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, "0")}`;
    expect(errorsOf({ ...valid, depuis: next }).depuis).toMatch(/dans le futur/);
    expect(errorsOf({ ...valid, depuis: String(year + 1) }).depuis).toMatch(/dans le futur/);
    expect(errorsOf({ ...valid, depuis: currentMonth() })).toEqual({});
  });

  it("writes the month in words", () => {
    expect(formatDepuis("2024-09")).toBe("septembre 2024");
    expect(formatDepuis("2021")).toBe("2021");
  });
});
