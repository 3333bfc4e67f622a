import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { acteur, acteurTheme, fiche, ficheTerm, taxonomyTerm } from "@/db/schema";
import { seedTaxonomies } from "@/db/seed";
import { createTermSchema, updateTermSchema } from "@/lib/schemas/taxonomy";
import type { Viewer } from "@/lib/policies/viewer";
import { createTerm, deleteTerm, describeTermUsage, listTermsWithUsage, updateTerm } from "./taxonomy";
import { domainErrorOf } from "./domain-error-testing";

const ADMIN: Viewer = { id: 1, name: "Admin", role: "admin", acteurIds: [] };

function buildActeur(slug: string) {
  return getTestDb().insert(acteur).values({ slug, nom: slug, categorie: "non_lucratif", typologie: "association" }).returning().get();
}
function buildFiche(slug: string) {
  return getTestDb().insert(fiche).values({ slug, type: "pratique" }).returning().get();
}
function termBySlug(taxonomy: "theme" | "public" | "enjeu" | "objectif", slug: string) {
  return listTermsByTaxonomy(getTestDb(), taxonomy).find((t) => t.slug === slug)!;
}

describe("taxonomy commands", () => {
  it("refuse anyone but an administrator, before changing anything", () => {
    const db = getTestDb();
    const emploi = termBySlug("theme", "emploi");
    const moderator: Viewer = { id: 2, name: "Modération", role: "moderateur", acteurIds: [] };
    for (const viewer of [null, moderator]) {
      expect(domainErrorOf(() => createTerm(db, viewer, { taxonomy: "theme", label: "Intrus", description: "" })).code).toBe("forbidden");
      expect(domainErrorOf(() => updateTerm(db, viewer, { termId: emploi.id, label: "Détourné", description: "", rank: 1 })).code).toBe("forbidden");
      expect(domainErrorOf(() => deleteTerm(db, viewer, emploi.id)).code).toBe("forbidden");
    }
    expect(termBySlug("theme", "emploi")).toEqual(emploi);
    expect(listTermsByTaxonomy(db, "theme").some((t) => t.label === "Intrus")).toBe(false);
  });
});

describe("createTerm", () => {
  it("slugs the label and appends the term after the last one of its taxonomy", () => {
    const db = getTestDb();
    const before = listTermsByTaxonomy(db, "enjeu");
    const term = createTerm(db, ADMIN, { taxonomy: "enjeu", label: "Mettre en œuvre l'accès aux droits", description: "Pour tous." });
    expect(term.slug).toBe("mettre-en-oeuvre-l-acces-aux-droits");
    expect(term.position).toBe(Math.max(...before.map((t) => t.position)) + 1);
    expect(listTermsByTaxonomy(db, "enjeu").at(-1)?.id).toBe(term.id);
  });

  it("puts the term at the rank given and moves the others down", () => {
    const db = getTestDb();
    const term = createTerm(db, ADMIN, { taxonomy: "objectif", label: "Repérer", description: "", rank: 2 });
    const objectifs = listTermsByTaxonomy(db, "objectif");
    expect(objectifs.map((t) => t.label).slice(0, 3)).toEqual(["Sensibiliser", "Repérer", "Analyser"]);
    expect(objectifs.map((t) => t.position)).toEqual(objectifs.map((_, i) => i));
    expect(term.position).toBe(1);
  });

  it("refuses a label that another term of the same taxonomy already has, accents and case aside", () => {
    const db = getTestDb();
    const error = domainErrorOf(() => createTerm(db, ADMIN, { taxonomy: "theme", label: "SANTE", description: "" }));
    expect(error.code).toBe("label_taken");
    expect(error.field).toBe("label");
    expect(error.messageFr).toBe("Le terme « Santé » existe déjà dans les thèmes.");
  });

  it("accepts the same label in another taxonomy, with its own slug there", () => {
    const db = getTestDb();
    const term = createTerm(db, ADMIN, { taxonomy: "public", label: "Santé", description: "" });
    expect(term.slug).toBe("sante");
    expect(termBySlug("theme", "sante").taxonomy).toBe("theme");
  });

  it("keeps slugs unique when a renamed term still holds the slug a new label asks for", () => {
    const db = getTestDb();
    const culture = termBySlug("theme", "culture");
    updateTerm(db, ADMIN, { termId: culture.id, label: "Arts et culture", description: culture.description, rank: culture.position + 1 });
    const term = createTerm(db, ADMIN, { taxonomy: "theme", label: "Culture", description: "" });
    expect(term.slug).toBe("culture-2");
  });

  it("refuses a label without any letter or digit", () => {
    const error = domainErrorOf(() => createTerm(getTestDb(), ADMIN, { taxonomy: "theme", label: "— ?", description: "" }));
    expect(error.code).toBe("invalid_label");
  });
});

describe("updateTerm", () => {
  it("changes label, description and rank but keeps the slug", () => {
    const db = getTestDb();
    const emploi = termBySlug("theme", "emploi");
    const updated = updateTerm(db, ADMIN, { termId: emploi.id, label: "Emploi et insertion", description: "Trouver un travail.", rank: 1 });
    expect(updated).toMatchObject({ slug: "emploi", label: "Emploi et insertion", description: "Trouver un travail.", position: 0 });
    const themes = listTermsByTaxonomy(db, "theme");
    expect(themes[0].id).toBe(emploi.id);
    expect(themes.map((t) => t.position)).toEqual(themes.map((_, i) => i));
  });

  it("moves a term down, and past the end means last", () => {
    const db = getTestDb();
    const [first, second] = listTermsByTaxonomy(db, "enjeu");
    updateTerm(db, ADMIN, { termId: first.id, label: first.label, description: first.description, rank: 2 });
    expect(listTermsByTaxonomy(db, "enjeu").slice(0, 2).map((t) => t.id)).toEqual([second.id, first.id]);
    updateTerm(db, ADMIN, { termId: second.id, label: second.label, description: second.description, rank: 9999 });
    expect(listTermsByTaxonomy(db, "enjeu").at(-1)?.id).toBe(second.id);
  });

  it("lets a term keep its own label and refuses another term's", () => {
    const db = getTestDb();
    const seniors = termBySlug("public", "seniors");
    expect(() => updateTerm(db, ADMIN, { termId: seniors.id, label: "seniors", description: "", rank: 3 })).not.toThrow();
    const error = domainErrorOf(() => updateTerm(db, ADMIN, { termId: seniors.id, label: "Jeunes", description: "", rank: 3 }));
    expect(error.code).toBe("label_taken");
    expect(db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, seniors.id)).get()?.label).toBe("seniors");
  });

  it("reports a term that no longer exists", () => {
    expect(domainErrorOf(() => updateTerm(getTestDb(), ADMIN, { termId: 987_654, label: "X", description: "", rank: 1 })).code).toBe("term_not_found");
  });

  it("keeps an admin's renaming through a later seed", () => {
    const db = getTestDb();
    const education = termBySlug("theme", "education");
    updateTerm(db, ADMIN, { termId: education.id, label: "Éducation populaire", description: "", rank: 4 });
    seedTaxonomies(db);
    const educations = listTermsByTaxonomy(db, "theme").filter((t) => t.slug.startsWith("education"));
    expect(educations.map((t) => t.label)).toEqual(["Éducation populaire"]);
  });
});

describe("deleteTerm", () => {
  it("deletes an unused term", () => {
    const db = getTestDb();
    const term = createTerm(db, ADMIN, { taxonomy: "public", label: "Étudiants", description: "" });
    expect(deleteTerm(db, ADMIN, term.id).label).toBe("Étudiants");
    expect(db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, term.id)).get()).toBeUndefined();
  });

  it("refuses a term used by acteurs or fiches, saying by how many", () => {
    const db = getTestDb();
    const term = createTerm(db, ADMIN, { taxonomy: "theme", label: "Mobilité", description: "" });
    const a1 = buildActeur("mobilite-1");
    const a2 = buildActeur("mobilite-2");
    const f = buildFiche("mobilite-fiche");
    db.insert(acteurTheme).values([{ acteurId: a1.id, termId: term.id }, { acteurId: a2.id, termId: term.id }]).run();
    db.insert(ficheTerm).values({ ficheId: f.id, termId: term.id }).run();

    const error = domainErrorOf(() => deleteTerm(db, ADMIN, term.id));
    expect(error.code).toBe("term_in_use");
    expect(error.messageFr).toBe("« Mobilité » est utilisé par 2 acteurs et 1 fiche : retirez-le d'abord de ces contenus, puis supprimez-le.");
    expect(db.select().from(taxonomyTerm).where(eq(taxonomyTerm.id, term.id)).get()).toBeDefined();
  });

  it("refuses a term used by a fiche only", () => {
    const db = getTestDb();
    const term = createTerm(db, ADMIN, { taxonomy: "objectif", label: "Financer", description: "" });
    db.insert(ficheTerm).values({ ficheId: buildFiche("financer-fiche").id, termId: term.id }).run();
    expect(domainErrorOf(() => deleteTerm(db, ADMIN, term.id)).messageFr).toContain("utilisé par 1 fiche :");
  });
});

describe("listTermsWithUsage", () => {
  it("counts the acteurs and fiches of each term, in display order", () => {
    const db = getTestDb();
    const lien = termBySlug("theme", "lien-social");
    db.insert(acteurTheme).values({ acteurId: buildActeur("usage-acteur").id, termId: lien.id }).run();
    const terms = listTermsWithUsage(db, "theme");
    expect(terms.find((t) => t.id === lien.id)?.usage).toEqual({ acteurs: 1, fiches: 0 });
    expect(terms.find((t) => t.slug === "sante")?.usage).toEqual({ acteurs: 0, fiches: 0 });
    const positions = terms.map((t) => t.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("describes usage in French", () => {
    expect(describeTermUsage({ acteurs: 0, fiches: 0 })).toBe("");
    expect(describeTermUsage({ acteurs: 1, fiches: 3 })).toBe("1 acteur et 3 fiches");
  });
});

describe("term schemas", () => {
  it("trim the label, treat an empty rank as none on creation and require one on update", () => {
    expect(createTermSchema.parse({ taxonomy: "theme", label: "  Numérique responsable ", rank: "" })).toEqual({
      taxonomy: "theme",
      label: "Numérique responsable",
      description: "",
    });
    const invalid = updateTermSchema.safeParse({ termId: "4", label: " ", description: "", rank: "" });
    expect(invalid.success).toBe(false);
    expect(invalid.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["label", "Le libellé est obligatoire."],
      ["rank", "La position est un nombre entier, 1 pour la première place."],
    ]);
    expect(updateTermSchema.parse({ termId: "4", label: "A", rank: " 3 " }).rank).toBe(3);
    expect(updateTermSchema.safeParse({ termId: "4", label: "A", rank: "2.5" }).success).toBe(false);
    expect(updateTermSchema.safeParse({ termId: "4", label: "A", rank: "0" }).success).toBe(false);
    expect(createTermSchema.safeParse({ taxonomy: "categorie", label: "A" }).success).toBe(false);
  });
});
