import { describe, expect, it } from "vitest";
import { and, asc, eq } from "drizzle-orm";
import { getTestDb } from "./testing";
import { seedTaxonomies } from "./seed";
import { taxonomyTerm } from "./schema";

describe("seedTaxonomies", () => {
  it("seeds the Livre blanc's nine themes once and keeps admin edits", () => {
    const db = getTestDb();
    const themes = db.select().from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, "theme")).orderBy(asc(taxonomyTerm.position)).all();
    expect(themes.map((t) => t.label)).toEqual([
      "E-inclusion", "Lien social", "Citoyenneté", "Éducation", "Culture",
      "Service public", "Emploi", "Intergénérationnel", "Santé",
    ]);
    db.update(taxonomyTerm).set({ label: "Inclusion numérique" }).where(eq(taxonomyTerm.slug, "e-inclusion")).run();
    expect(seedTaxonomies(db)).toBe(0);
    const edited = db.select().from(taxonomyTerm).where(eq(taxonomyTerm.slug, "e-inclusion")).get();
    expect(edited?.label).toBe("Inclusion numérique");
  });

  it("does not bring back a term an admin deleted", () => {
    const db = getTestDb();
    db.delete(taxonomyTerm).where(eq(taxonomyTerm.slug, "gens-du-voyage")).run();
    expect(seedTaxonomies(db)).toBe(0);
    expect(db.select().from(taxonomyTerm).where(eq(taxonomyTerm.slug, "gens-du-voyage")).get()).toBeUndefined();
  });

  it("corrects the objectif label an earlier seed wrote, but not one an admin edited", () => {
    const db = getTestDb();
    const fifth = and(eq(taxonomyTerm.taxonomy, "objectif"), eq(taxonomyTerm.slug, "mettre-en-oeuvre-evaluer"));
    const read = () => db.select({ label: taxonomyTerm.label, description: taxonomyTerm.description }).from(taxonomyTerm).where(fifth).get();
    const current = read();
    expect(current?.label).toBe("Mettre en œuvre la politique publique d'accompagnement aux démarches administratives : renforcer la visibilité et financer");

    // An install seeded before the correction.
    db.update(taxonomyTerm).set({ label: "Mettre en œuvre et évaluer", description: "Lancer l'action, la suivre et en mesurer les effets." }).where(fifth).run();
    expect(seedTaxonomies(db)).toBe(0);
    expect(read()).toEqual(current);

    db.update(taxonomyTerm).set({ label: "Piloter et financer" }).where(fifth).run();
    seedTaxonomies(db);
    expect(read()).toEqual({ ...current, label: "Piloter et financer" });
  });
});
