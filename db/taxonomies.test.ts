import { describe, expect, it } from "vitest";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import { PERSON_PUBLIC_TERMS, SERVICE_THEMES } from "@/lib/orientation/needs";
import { TAXONOMY_SEED, TERM_SEED_FIXES } from "./taxonomies";

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

describe("the objectifs of the fiches pratiques", () => {
  it("are the five objectives of Mathilde Herrero's study, in its order", () => {
    expect(TAXONOMY_SEED.objectif.map((t) => t.label)).toEqual([
      "Sensibiliser",
      "Analyser",
      "Concevoir et organiser le service",
      "Accompagner les équipes",
      "Mettre en œuvre la politique publique d'accompagnement aux démarches administratives : renforcer la visibilité et financer",
    ]);
  });

  it("correct only seeded terms, from a text the seed no longer writes", () => {
    for (const fix of TERM_SEED_FIXES) {
      const term = TAXONOMY_SEED[fix.taxonomy].find((t) => t.slug === fix.slug);
      expect(term, fix.slug).toBeDefined();
      expect(term![fix.field]).not.toBe(fix.from);
    }
  });
});
