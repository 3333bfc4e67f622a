import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getCatalogueAccessFacts, getCatalogueBySlug } from "@/db/queries/catalogue";
import { getTestDb } from "@/db/testing";
import { catalogue } from "@/db/schema";
import type { Viewer } from "@/lib/policies/viewer";
import {
  addCatalogueOwner,
  createCatalogue,
  deleteCatalogue,
  duplicateCatalogue,
  removeCatalogueOwner,
  setCatalogueStatut,
  updateCatalogue,
} from "./catalogue";
import { addFicheToModule, addModule, moveItem } from "./catalogue-module";
import { DomainError } from "./errors";
import { insertFiche } from "./fiche";

function buildViewer(values: Parameters<typeof buildUser>[0] = {}): Viewer {
  return getViewerById(getTestDb(), buildUser(values).id)!;
}
let n = 0;
const buildFiche = (createdBy: number | null = null, statut: "brouillon" | "publiee" = "publiee") =>
  insertFiche(getTestDb(), { type: "fiche_pratique", titre: `Accompagner ${++n}`, createdBy, statut });
const fields = { description: "Deux jours pour démarrer.", publicVise: "Bénévoles", objectifs: "Savoir orienter", duree: "2 jours" };

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe("createCatalogue and updateCatalogue", () => {
  it("creates a draft owned by its creator, with a unique slug that stays on rename and is never reserved", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const first = createCatalogue(db, owner.id, { titre: "Former les bénévoles à l'accompagnement numérique", ...fields });
    expect(first).toMatchObject({ slug: "former-les-benevoles-a-l-accompagnement-numerique", statut: "brouillon", createdBy: owner.id, duree: "2 jours" });
    expect(getCatalogueAccessFacts(db, first.id)).toEqual({ statut: "brouillon", ownerIds: [owner.id] });
    const second = createCatalogue(db, owner.id, { titre: "Former les bénévoles à l'accompagnement numérique !", ...fields });
    expect(second.slug).toBe("former-les-benevoles-a-l-accompagnement-numerique-2");
    expect(createCatalogue(db, owner.id, { titre: "Nouveau", ...fields }).slug).toBe("nouveau-2");
    const renamed = updateCatalogue(db, first.id, { titre: "Former les bénévoles", ...fields, duree: "3 jours" });
    expect(renamed).toMatchObject({ slug: first.slug, titre: "Former les bénévoles", duree: "3 jours" });
  });
});

describe("setCatalogueStatut", () => {
  it("refuses to publish an empty catalogue, then publishes and unpublishes it", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const created = createCatalogue(db, owner.id, { titre: "Vide", ...fields });
    expect(codeOf(() => setCatalogueStatut(db, created.id, "public"))).toBe("catalogue_empty");
    const { id: moduleId } = addModule(db, created.id, { titre: "Accueillir", description: "" });
    expect(codeOf(() => setCatalogueStatut(db, created.id, "public"))).toBe("catalogue_empty");
    addFicheToModule(db, owner, created.id, { moduleId, ficheId: buildFiche().id, note: "", duree: "" });
    expect(setCatalogueStatut(db, created.id, "public").statut).toBe("public");
    expect(setCatalogueStatut(db, created.id, "brouillon").statut).toBe("brouillon");
    expect(codeOf(() => setCatalogueStatut(db, 999_999, "public"))).toBe("catalogue_not_found");
  });
});

describe("co-owners", () => {
  it("adds a registered person once, refuses unknown or disabled addresses, and keeps the last owner", () => {
    const db = getTestDb();
    const owner = buildViewer({ name: "Aline" });
    const coOwner = buildViewer({ name: "Yann", email: "yann@exemple.fr" });
    buildUser({ email: "partie@exemple.fr", disabled: true });
    const created = createCatalogue(db, owner.id, { titre: "À plusieurs", ...fields });
    expect(addCatalogueOwner(db, created.id, " Yann@Exemple.fr ")).toEqual({ id: coOwner.id, name: "Yann" });
    expect(codeOf(() => addCatalogueOwner(db, created.id, "yann@exemple.fr"))).toBe("already_owner");
    expect(codeOf(() => addCatalogueOwner(db, created.id, "inconnu@exemple.fr"))).toBe("user_not_found");
    expect(codeOf(() => addCatalogueOwner(db, created.id, "partie@exemple.fr"))).toBe("user_not_found");
    expect(getCatalogueAccessFacts(db, created.id)!.ownerIds).toEqual([owner.id, coOwner.id].sort((a, b) => a - b));

    expect(removeCatalogueOwner(db, created.id, owner.id)).toEqual({ id: owner.id, name: "Aline" });
    expect(codeOf(() => removeCatalogueOwner(db, created.id, coOwner.id))).toBe("last_owner");
    expect(codeOf(() => removeCatalogueOwner(db, created.id, owner.id))).toBe("not_an_owner");
    expect(getCatalogueAccessFacts(db, created.id)!.ownerIds).toEqual([coOwner.id]);
  });
});

describe("duplicateCatalogue", () => {
  it("deep-copies modules and items with notes and durations into a new draft owned by the duplicator, crediting the original", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author.id, { titre: "Former les bénévoles", ...fields });
    const accueil = addModule(db, source.id, { titre: "Accueillir", description: "Premier contact" });
    const orienter = addModule(db, source.id, { titre: "Orienter", description: "" });
    const [f1, f2, f3] = [buildFiche(), buildFiche(), buildFiche()];
    addFicheToModule(db, author, source.id, { moduleId: accueil.id, ficheId: f1.id, note: "Pour commencer", duree: "1 h" });
    const second = addFicheToModule(db, author, source.id, { moduleId: accueil.id, ficheId: f2.id, note: "Cas pratique", duree: "30 min" });
    addFicheToModule(db, author, source.id, { moduleId: orienter.id, ficheId: f3.id, note: "", duree: "2 h" });
    moveItem(db, source.id, second.id, accueil.id, 0);
    setCatalogueStatut(db, source.id, "public");

    const adapter = buildViewer();
    const { catalogue: copy, skipped } = duplicateCatalogue(db, adapter, source.id);
    expect(skipped).toBe(0);
    expect(copy).toMatchObject({ titre: "Former les bénévoles", ...fields, statut: "brouillon", originalId: source.id, createdBy: adapter.id });
    expect(copy.slug).toBe("former-les-benevoles-2");

    const read = getCatalogueBySlug(db, copy.slug, adapter)!;
    expect(read.access).toEqual({ statut: "brouillon", ownerIds: [adapter.id] });
    expect(read.original).toEqual({ slug: source.slug, titre: "Former les bénévoles" });
    const shape = (c: NonNullable<typeof read>) =>
      c.modules.map((m) => ({ titre: m.titre, description: m.description, items: m.items.map((i) => ({ ficheId: i.ficheId, note: i.note, duree: i.duree })) }));
    expect(shape(read)).toEqual([
      { titre: "Accueillir", description: "Premier contact", items: [{ ficheId: f2.id, note: "Cas pratique", duree: "30 min" }, { ficheId: f1.id, note: "Pour commencer", duree: "1 h" }] },
      { titre: "Orienter", description: "", items: [{ ficheId: f3.id, note: "", duree: "2 h" }] },
    ]);
    expect(shape(read)).toEqual(shape(getCatalogueBySlug(db, source.slug, author)!));
    // The copy is separate: its modules and items are new rows.
    expect(read.modules.map((m) => m.id)).not.toContain(accueil.id);
    expect(getCatalogueAccessFacts(db, source.id)).toEqual({ statut: "public", ownerIds: [author.id] });
  });

  it("leaves out items whose fiche the duplicator may not read, and says how many", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author.id, { titre: "Avec un brouillon", ...fields });
    const { id: moduleId } = addModule(db, source.id, { titre: "Module", description: "" });
    const draft = buildFiche(author.id, "brouillon");
    const published = buildFiche();
    addFicheToModule(db, author, source.id, { moduleId, ficheId: draft.id, note: "Mon brouillon", duree: "" });
    addFicheToModule(db, author, source.id, { moduleId, ficheId: published.id, note: "", duree: "" });
    setCatalogueStatut(db, source.id, "public");

    const { catalogue: copy, skipped } = duplicateCatalogue(db, buildViewer(), source.id);
    expect(skipped).toBe(1);
    expect(getCatalogueBySlug(db, copy.slug, null)!.modules[0].items.map((i) => i.ficheId)).toEqual([published.id]);
    // The author's own copy keeps their draft.
    expect(duplicateCatalogue(db, author, source.id).skipped).toBe(0);
  });

  it("keeps the copy when the original is deleted, without a credit link", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author.id, { titre: "Éphémère", ...fields });
    const adapter = buildViewer();
    const { catalogue: copy } = duplicateCatalogue(db, adapter, source.id);
    deleteCatalogue(db, source.id);
    expect(db.select().from(catalogue).where(eq(catalogue.id, source.id)).get()).toBeUndefined();
    expect(getCatalogueBySlug(db, copy.slug, adapter)).toMatchObject({ originalId: source.id, original: null });
  });
});
