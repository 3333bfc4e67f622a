import { describe, expect, it } from "vitest";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import { TAXONOMY_SEED } from "@/db/taxonomies";
import { findNeed, PERSON_PUBLIC_TERMS, publicTermsOf, SERVICE_NEEDS, SERVICE_THEMES, themeNeeds } from "./needs";

const seededThemes = TAXONOMY_SEED.theme.map((t) => t.slug);
const seededPublics = TAXONOMY_SEED.public.map((t) => t.slug);

describe("correspondences between the national lists and the wiki's taxonomies", () => {
  it("cover every service, public and support of the national lists with seeded terms", () => {
    expect(Object.keys(SERVICE_THEMES).sort()).toEqual([...LIEU_SERVICES].sort());
    expect(Object.keys(PERSON_PUBLIC_TERMS).sort()).toEqual([...LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, ...LIEU_PRISES_EN_CHARGE_SPECIFIQUES].sort());
    for (const slugs of Object.values(SERVICE_THEMES)) for (const slug of slugs) expect(seededThemes).toContain(slug);
    for (const slugs of Object.values(PERSON_PUBLIC_TERMS)) for (const slug of slugs) expect(seededPublics).toContain(slug);
  });
});

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
