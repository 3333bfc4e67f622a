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
import { domainErrorOf } from "./domain-error-testing";

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
    const first = createCatalogue(db, owner, { titre: "Former les bénévoles à l'accompagnement numérique", ...fields });
    expect(first).toMatchObject({ slug: "former-les-benevoles-a-l-accompagnement-numerique", statut: "brouillon", createdBy: owner.id, duree: "2 jours" });
    expect(getCatalogueAccessFacts(db, first.id)).toEqual({ statut: "brouillon", ownerIds: [owner.id] });
    const second = createCatalogue(db, owner, { titre: "Former les bénévoles à l'accompagnement numérique !", ...fields });
    expect(second.slug).toBe("former-les-benevoles-a-l-accompagnement-numerique-2");
    expect(createCatalogue(db, owner, { titre: "Nouveau", ...fields }).slug).toBe("nouveau-2");
    const renamed = updateCatalogue(db, owner, first.id, { titre: "Former les bénévoles", ...fields, duree: "3 jours" });
    expect(renamed).toMatchObject({ slug: first.slug, titre: "Former les bénévoles", duree: "3 jours" });
  });
});

describe("setCatalogueStatut", () => {
  it("refuses to publish an empty catalogue, then publishes and unpublishes it", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const created = createCatalogue(db, owner, { titre: "Vide", ...fields });
    expect(codeOf(() => setCatalogueStatut(db, owner, created.id, "public"))).toBe("catalogue_empty");
    const { id: moduleId } = addModule(db, owner, created.id, { titre: "Accueillir", description: "" });
    expect(codeOf(() => setCatalogueStatut(db, owner, created.id, "public"))).toBe("catalogue_empty");
    addFicheToModule(db, owner, created.id, { moduleId, ficheId: buildFiche().id, note: "", duree: "" });
    expect(setCatalogueStatut(db, owner, created.id, "public").statut).toBe("public");
    expect(setCatalogueStatut(db, owner, created.id, "brouillon").statut).toBe("brouillon");
    expect(codeOf(() => setCatalogueStatut(db, owner, 999_999, "public"))).toBe("catalogue_not_found");
  });
});

describe("co-owners", () => {
  it("adds a registered person once, refuses unknown or disabled addresses, and keeps the last owner", () => {
    const db = getTestDb();
    const owner = buildViewer({ name: "Aline" });
    const coOwner = buildViewer({ name: "Yann", email: "yann@exemple.fr" });
    buildUser({ email: "partie@exemple.fr", disabled: true });
    const created = createCatalogue(db, owner, { titre: "À plusieurs", ...fields });
    expect(addCatalogueOwner(db, owner, created.id, " Yann@Exemple.fr ")).toEqual({ id: coOwner.id, name: "Yann" });
    expect(codeOf(() => addCatalogueOwner(db, owner, created.id, "yann@exemple.fr"))).toBe("already_owner");
    expect(codeOf(() => addCatalogueOwner(db, owner, created.id, "inconnu@exemple.fr"))).toBe("user_not_found");
    expect(codeOf(() => addCatalogueOwner(db, owner, created.id, "partie@exemple.fr"))).toBe("user_not_found");
    expect(getCatalogueAccessFacts(db, created.id)!.ownerIds).toEqual([owner.id, coOwner.id].sort((a, b) => a - b));

    expect(removeCatalogueOwner(db, owner, created.id, owner.id)).toEqual({ id: owner.id, name: "Aline" });
    expect(codeOf(() => removeCatalogueOwner(db, coOwner, created.id, coOwner.id))).toBe("last_owner");
    expect(codeOf(() => removeCatalogueOwner(db, coOwner, created.id, owner.id))).toBe("not_an_owner");
    expect(getCatalogueAccessFacts(db, created.id)!.ownerIds).toEqual([coOwner.id]);
  });
});

describe("duplicateCatalogue", () => {
  it("deep-copies modules and items with notes and durations into a new draft owned by the duplicator, crediting the original", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author, { titre: "Former les bénévoles", ...fields });
    const accueil = addModule(db, author, source.id, { titre: "Accueillir", description: "Premier contact" });
    const orienter = addModule(db, author, source.id, { titre: "Orienter", description: "" });
    const [f1, f2, f3] = [buildFiche(), buildFiche(), buildFiche()];
    addFicheToModule(db, author, source.id, { moduleId: accueil.id, ficheId: f1.id, note: "Pour commencer", duree: "1 h" });
    const second = addFicheToModule(db, author, source.id, { moduleId: accueil.id, ficheId: f2.id, note: "Cas pratique", duree: "30 min" });
    addFicheToModule(db, author, source.id, { moduleId: orienter.id, ficheId: f3.id, note: "", duree: "2 h" });
    moveItem(db, author, source.id, second.id, accueil.id, 0);
    setCatalogueStatut(db, author, source.id, "public");

    const adapter = buildViewer();
    const { catalogue: copy, skipped } = duplicateCatalogue(db, adapter, source.id);
    expect(skipped).toBe(0);
    expect(copy).toMatchObject({ titre: "Former les bénévoles (copie)", ...fields, statut: "brouillon", originalId: source.id, createdBy: adapter.id });
    expect(copy.slug).toBe("former-les-benevoles-copie");

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

  it("titles each copy « (copie) », then « (copie 2) »… past the titles taken, copies of copies included", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author, { titre: "Parcours d'accueil", ...fields });
    // A draft: its owner copies it.
    const first = duplicateCatalogue(db, author, source.id).catalogue;
    const second = duplicateCatalogue(db, author, source.id).catalogue;
    expect([first.titre, second.titre]).toEqual(["Parcours d'accueil (copie)", "Parcours d'accueil (copie 2)"]);
    expect([first.slug, second.slug]).toEqual(["parcours-d-accueil-copie", "parcours-d-accueil-copie-2"]);
    // Someone who titled their own catalogue like a copy takes that title too.
    createCatalogue(db, buildViewer(), { titre: "Parcours d'accueil (copie 3)", ...fields });
    const ofCopy = duplicateCatalogue(db, author, first.id).catalogue;
    expect(ofCopy).toMatchObject({ titre: "Parcours d'accueil (copie 4)", originalId: first.id });
    expect(getCatalogueBySlug(db, source.slug, author)!.titre).toBe("Parcours d'accueil");
  });

  it("leaves out items whose fiche the duplicator may not read, and says how many", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author, { titre: "Avec un brouillon", ...fields });
    const { id: moduleId } = addModule(db, author, source.id, { titre: "Module", description: "" });
    const draft = buildFiche(author.id, "brouillon");
    const published = buildFiche();
    addFicheToModule(db, author, source.id, { moduleId, ficheId: draft.id, note: "Mon brouillon", duree: "" });
    addFicheToModule(db, author, source.id, { moduleId, ficheId: published.id, note: "", duree: "" });
    setCatalogueStatut(db, author, source.id, "public");

    const { catalogue: copy, skipped } = duplicateCatalogue(db, buildViewer(), source.id);
    expect(skipped).toBe(1);
    expect(getCatalogueBySlug(db, copy.slug, null)!.modules[0].items.map((i) => i.ficheId)).toEqual([published.id]);
    // The author's own copy keeps their draft.
    expect(duplicateCatalogue(db, author, source.id).skipped).toBe(0);
  });

  it("keeps the copy when the original is deleted, without a credit link", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = createCatalogue(db, author, { titre: "Éphémère", ...fields });
    // A draft: only its owner may copy it.
    const { catalogue: copy } = duplicateCatalogue(db, author, source.id);
    deleteCatalogue(db, author, source.id);
    expect(db.select().from(catalogue).where(eq(catalogue.id, source.id)).get()).toBeUndefined();
    expect(getCatalogueBySlug(db, copy.slug, author)).toMatchObject({ originalId: source.id, original: null });
  });
});

describe("who may change a catalogue", () => {
  const EDIT_FORBIDDEN = "Seuls les responsables de ce catalogue et les modérateurs peuvent le modifier.";

  it("refuses a stranger and a visitor every edit and owner change, and changes nothing", () => {
    const db = getTestDb();
    const owner = buildViewer();
    buildViewer({ email: "renfort@exemple.fr" });
    const created = createCatalogue(db, owner, { titre: "Gardé", ...fields });
    const stranger = buildViewer();
    for (const who of [stranger, null]) {
      const attempts = [
        () => updateCatalogue(db, who, created.id, { titre: "Volé", ...fields }),
        () => setCatalogueStatut(db, who, created.id, "public"),
        () => deleteCatalogue(db, who, created.id),
        () => addCatalogueOwner(db, who, created.id, "renfort@exemple.fr"),
        () => removeCatalogueOwner(db, who, created.id, owner.id),
      ];
      for (const attempt of attempts) expect(domainErrorOf(attempt)).toMatchObject({ code: "forbidden", messageFr: EDIT_FORBIDDEN });
    }
    // The address is not looked up for a stranger: an unknown one is refused the same way.
    expect(codeOf(() => addCatalogueOwner(db, stranger, created.id, "inconnu@exemple.fr"))).toBe("forbidden");
    expect(getCatalogueBySlug(db, created.slug, owner)).toMatchObject({ titre: "Gardé", access: { statut: "brouillon", ownerIds: [owner.id] } });
  });

  it("lets an owner and a moderator edit and manage the owners", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const moderateur = buildViewer({ role: "moderateur" });
    const renfort = buildViewer({ email: "renfort2@exemple.fr" });
    const created = createCatalogue(db, owner, { titre: "Partagé", ...fields });
    expect(updateCatalogue(db, owner, created.id, { titre: "Par son responsable", ...fields }).titre).toBe("Par son responsable");
    expect(updateCatalogue(db, moderateur, created.id, { titre: "Par la modération", ...fields }).titre).toBe("Par la modération");
    expect(addCatalogueOwner(db, moderateur, created.id, "renfort2@exemple.fr").id).toBe(renfort.id);
    expect(removeCatalogueOwner(db, owner, created.id, renfort.id).id).toBe(renfort.id);
    deleteCatalogue(db, moderateur, created.id);
    expect(getCatalogueBySlug(db, created.slug, moderateur)).toBeNull();
  });

  it("lets only a signed-in person create, and copy only what they may read", () => {
    const db = getTestDb();
    expect(domainErrorOf(() => createCatalogue(db, null, { titre: "Anonyme", ...fields }))).toMatchObject({ code: "forbidden", messageFr: "Connectez-vous pour créer un catalogue." });
    const owner = buildViewer();
    const draft = createCatalogue(db, owner, { titre: "Brouillon à moi", ...fields });
    for (const who of [buildViewer(), null]) {
      expect(domainErrorOf(() => duplicateCatalogue(db, who, draft.id))).toMatchObject({
        code: "forbidden",
        messageFr: "Ce catalogue n'est pas public : seuls ses responsables peuvent le dupliquer.",
      });
    }
    expect(duplicateCatalogue(db, buildViewer({ role: "moderateur" }), draft.id).catalogue.originalId).toBe(draft.id);
    // A stranger asking about a catalogue that no longer exists is told so, not refused.
    expect(codeOf(() => updateCatalogue(db, buildViewer(), 999_999, { titre: "Perdu", ...fields }))).toBe("catalogue_not_found");
  });
});
