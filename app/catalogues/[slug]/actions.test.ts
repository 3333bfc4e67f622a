import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getCatalogueAccessFacts, getCatalogueBySlug } from "@/db/queries/catalogue";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";
import { addCatalogueOwner, createCatalogue, setCatalogueStatut } from "@/server/catalogue";
import { addFicheToModule, addModule } from "@/server/catalogue-module";
import { insertFiche } from "@/server/fiche";

// The actions read the session and talk to Next's router; both are replaced so that the test can
// sign in as anyone and see where an action redirects.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
  notFound: () => {
    throw new Error("NOT FOUND");
  },
}));

const { addOwnerAction, deleteCatalogueAction, duplicateCatalogueAction, setCatalogueStatutAction, updateCatalogueAction } = await import("./actions");
const { addFicheAction, addModuleAction, moveItemAction, removeItemAction } = await import("./structure-actions");

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}
const signInAs = (userId: number | null) => (session.viewer = userId === null ? null : getViewerById(getTestDb(), userId));
const empty = { description: "", publicVise: "", objectifs: "", duree: "" };
let n = 0;
const buildFiche = (createdBy: number | null = null, statut: "brouillon" | "publiee" = "publiee") =>
  insertFiche(getTestDb(), { type: "idee", titre: `Idée ${++n}`, createdBy, statut });

/** A catalogue of one module with two published fiches, owned by a new person. */
function buildCatalogue(titre = "Former les bénévoles") {
  const db = getTestDb();
  const owner = getViewerById(db, buildUser().id)!;
  const created = createCatalogue(db, owner, { titre, ...empty });
  const { id: moduleId } = addModule(db, owner, created.id, { titre: "Accueillir", description: "" });
  const items = [buildFiche(), buildFiche()].map((f) => addFicheToModule(db, owner, created.id, { moduleId, ficheId: f.id, note: "", duree: "" }).id);
  return { owner, catalogue: created, moduleId, items };
}
const order = (slug: string) => getCatalogueBySlug(getTestDb(), slug, null)!.modules[0].items.map((i) => i.id);

beforeEach(() => {
  session.viewer = null;
});

describe("editing permissions", () => {
  it("refuse visitors and non-owners, and change nothing", async () => {
    const { catalogue, moduleId, items } = buildCatalogue();
    const rename = form({ titre: "Renommé" });
    expect(await updateCatalogueAction(catalogue.id, null, rename)).toMatchObject({ ok: false, code: "unauthenticated" });
    signInAs(buildUser().id);
    expect(await updateCatalogueAction(catalogue.id, null, rename)).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Seuls les responsables de ce catalogue et les modérateurs peuvent le modifier.",
    });
    expect(await moveItemAction(catalogue.id, { itemId: items[1], moduleId, position: 0 })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await removeItemAction(catalogue.id, { itemId: items[0] })).toMatchObject({ ok: false, code: "forbidden" });
    expect(await setCatalogueStatutAction(catalogue.id, null, form({ statut: "public" }))).toMatchObject({ ok: false, code: "forbidden" });
    expect(getCatalogueBySlug(getTestDb(), catalogue.slug, null)).toMatchObject({ titre: "Former les bénévoles", statut: "brouillon" });
    expect(order(catalogue.slug)).toEqual(items);
  });

  it("let a co-owner and a moderator edit", async () => {
    const { owner, catalogue, moduleId, items } = buildCatalogue();
    const coOwner = buildUser({ email: "co-responsable@exemple.fr" });
    addCatalogueOwner(getTestDb(), owner, catalogue.id, "co-responsable@exemple.fr");
    signInAs(coOwner.id);
    expect(await moveItemAction(catalogue.id, { itemId: items[1], moduleId, position: 0 })).toMatchObject({ ok: true, data: { position: 0, count: 2, moduleTitre: "Accueillir" } });
    expect(order(catalogue.slug)).toEqual([items[1], items[0]]);
    expect(await setCatalogueStatutAction(catalogue.id, null, form({ statut: "public" }))).toMatchObject({ ok: true });
    signInAs(buildUser({ role: "moderateur" }).id);
    expect(await updateCatalogueAction(catalogue.id, null, form({ titre: "Par la modération" }))).toMatchObject({ ok: true, message: "Modifications enregistrées." });
    expect(getCatalogueBySlug(getTestDb(), catalogue.slug, null)).toMatchObject({ titre: "Par la modération", statut: "public" });
  });

  it("returns the errors field by field with what was typed", async () => {
    const { owner, catalogue } = buildCatalogue();
    signInAs(owner.id);
    const state = await updateCatalogueAction(catalogue.id, { submission: 2 } as never, form({ titre: "  ", description: "Gardée", duree: "x".repeat(101) }));
    expect(state).toMatchObject({ ok: false, code: "invalid", submission: 3, values: { description: "Gardée" } });
    expect(state.ok ? null : Object.keys(state.fieldErrors ?? {}).sort()).toEqual(["duree", "titre"]);
    expect(await addOwnerAction(catalogue.id, null, form({ email: "personne@" }))).toMatchObject({ ok: false, fieldErrors: { email: [expect.stringMatching(/^Saisissez/)] } });
  });
});

describe("adding fiches", () => {
  it("refuses a draft fiche of someone else, and keeps what was typed", async () => {
    const { owner, catalogue, moduleId } = buildCatalogue();
    const othersDraft = buildFiche(buildUser().id, "brouillon");
    signInAs(owner.id);
    const refused = await addFicheAction(catalogue.id, null, form({ moduleId: String(moduleId), ficheId: String(othersDraft.id), ficheTitre: "Idée", note: "Ma note" }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { ficheId: [expect.stringMatching(/^Cette fiche n'existe pas ou vous ne pouvez pas la lire/)] }, values: { note: "Ma note" } });
    expect(await addFicheAction(catalogue.id, null, form({ moduleId: String(moduleId), ficheId: "" }))).toMatchObject({
      ok: false,
      fieldErrors: { ficheId: ["Choisissez une fiche dans la liste des suggestions."] },
    });
    const ok = await addFicheAction(catalogue.id, null, form({ moduleId: String(moduleId), ficheId: String(buildFiche().id), note: "Pour lancer", duree: "1 h" }));
    expect(ok).toMatchObject({ ok: true, values: { moduleId: String(moduleId) } });
    expect(order(catalogue.slug)).toHaveLength(3);
  });

  it("refuses a module of another catalogue", async () => {
    const mine = buildCatalogue();
    const other = buildCatalogue();
    signInAs(mine.owner.id);
    expect(await addFicheAction(mine.catalogue.id, null, form({ moduleId: String(other.moduleId), ficheId: String(buildFiche().id) }))).toMatchObject({
      ok: false,
      code: "module_not_found",
    });
    expect(order(other.catalogue.slug)).toEqual(other.items);
  });
});

describe("addModuleAction", () => {
  it("keeps all of ten modules sent at once, in the order they were sent", async () => {
    const { owner, catalogue } = buildCatalogue();
    signInAs(owner.id);
    const titres = Array.from({ length: 10 }, (_, n) => `Séance ${n + 1}`);
    const states = await Promise.all(titres.map((titre) => addModuleAction(catalogue.id, null, form({ titre, description: "" }))));
    expect(states.map((s) => s.ok && s.message)).toEqual(titres.map((titre) => `Le module « ${titre} » a été ajouté.`));
    expect(getCatalogueBySlug(getTestDb(), catalogue.slug, owner)!.modules.map((m) => m.titre)).toEqual(["Accueillir", ...titres]);
  });
});

describe("duplicateCatalogueAction", () => {
  it("lets anyone signed in copy a public catalogue, never a draft of others, and opens the copy", async () => {
    const { owner, catalogue } = buildCatalogue("Parcours partagé");
    const adapter = buildUser();
    signInAs(adapter.id);
    expect(await duplicateCatalogueAction(catalogue.id, null, form({}))).toMatchObject({ ok: false, code: "forbidden" });
    setCatalogueStatut(getTestDb(), owner, catalogue.id, "public");
    signInAs(null);
    expect(await duplicateCatalogueAction(catalogue.id, null, form({}))).toMatchObject({ ok: false, code: "unauthenticated" });
    signInAs(adapter.id);
    await expect(duplicateCatalogueAction(catalogue.id, null, form({}))).rejects.toThrow("REDIRECT /catalogues/parcours-partage-copie/modifier?copie=1");
    expect(getCatalogueAccessFacts(getTestDb(), catalogue.id)).toEqual({ statut: "public", ownerIds: [owner.id] });
    expect(getCatalogueBySlug(getTestDb(), "parcours-partage-copie", null)).toMatchObject({ titre: "Parcours partagé (copie)", originalId: catalogue.id, statut: "brouillon", access: { ownerIds: [adapter.id] } });
  });
});

describe("deleteCatalogueAction", () => {
  it("lets only an owner or a moderator delete, and keeps the copies made from it", async () => {
    const { owner, catalogue } = buildCatalogue("À supprimer");
    setCatalogueStatut(getTestDb(), owner, catalogue.id, "public");
    const adapter = buildUser();
    signInAs(adapter.id);
    await expect(duplicateCatalogueAction(catalogue.id, null, form({}))).rejects.toThrow("REDIRECT /catalogues/a-supprimer-copie/modifier?copie=1");
    expect(await deleteCatalogueAction(catalogue.id, null, form({}))).toMatchObject({ ok: false, code: "forbidden" });
    signInAs(owner.id);
    await expect(deleteCatalogueAction(catalogue.id, null, form({}))).rejects.toThrow("REDIRECT /catalogues?supprime=1");
    expect(getCatalogueBySlug(getTestDb(), catalogue.slug, null)).toBeNull();
    expect(getCatalogueBySlug(getTestDb(), "a-supprimer-copie", null)).toMatchObject({ originalId: catalogue.id, original: null });
    expect(await deleteCatalogueAction(catalogue.id, null, form({}))).toMatchObject({ ok: false, code: "catalogue_not_found", message: "Ce catalogue n'existe plus." });
  });
});
