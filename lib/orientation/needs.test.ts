import { describe, expect, it } from "vitest";
import { LIEU_SERVICES } from "@/lib/lieu/labels";
import { findNeed, publicTermsOf, SERVICE_NEEDS, themeNeeds } from "./needs";

describe("needs", () => {
  const themes = [{ slug: "sante", label: "Santé" }];

  it("give every service a readable, unique key, and every theme a prefixed one", () => {
    expect(SERVICE_NEEDS.find((n) => n.label === "Aide aux démarches administratives")?.key).toBe("aide-aux-demarches-administratives");
    expect(new Set(SERVICE_NEEDS.map((n) => n.key)).size).toBe(LIEU_SERVICES.length);
    expect(themeNeeds(themes)).toEqual([{ kind: "theme", key: "theme-sante", label: "Santé", theme: "sante", themes: ["sante"] }]);
  });

  it("are found by key among services and themes", () => {
    expect(findNeed("aide-aux-demarches-administratives", themes)).toMatchObject({ kind: "service", themes: ["service-public"] });
    expect(findNeed("theme-sante", themes)).toMatchObject({ kind: "theme", theme: "sante" });
    expect(findNeed("theme-inconnu", themes)).toBeUndefined();
  });

  it("map a person's publics and support to the wiki's publics without duplicates", () => {
    expect(publicTermsOf(["Surdité", "Déficience visuelle", "Seniors", "Femmes"])).toEqual(["personnes-handicap", "seniors"]);
    expect(publicTermsOf(["inconnu"])).toEqual([]);
  });
});
