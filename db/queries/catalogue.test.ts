import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildActeur, buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { fiche, ficheActeur } from "@/db/schema";
import { canReadCatalogue } from "@/lib/policies/catalogue";
import type { Viewer } from "@/lib/policies/viewer";
import { createCatalogue, duplicateCatalogue, setCatalogueStatut, addCatalogueOwner } from "@/server/catalogue";
import { addFicheToModule, addModule } from "@/server/catalogue-module";
import { insertFiche } from "@/server/fiche";
import { getCatalogueBySlug, listCataloguesByOwner, listPublicCatalogues, listPublicCataloguesIncludingFiche } from "./catalogue";

const viewerOf = (id: number): Viewer => getViewerById(getTestDb(), id)!;
const buildViewer = (values: Parameters<typeof buildUser>[0] = {}) => viewerOf(buildUser(values).id);
let n = 0;
const buildFiche = (createdBy: number | null = null, statut: "brouillon" | "publiee" = "publiee") =>
  insertFiche(getTestDb(), { type: "pratique", titre: `Atelier ${++n}`, createdBy, statut });
const empty = { description: "", publicVise: "", objectifs: "", duree: "" };

/** A catalogue with one module holding the given fiches, published unless told otherwise. */
function buildCatalogue(owner: Viewer, titre: string, ficheIds: number[], publish = true, values = empty) {
  const db = getTestDb();
  const created = createCatalogue(db, owner, { titre, ...values });
  const { id: moduleId } = addModule(db, owner, created.id, { titre: "Module", description: "" });
  for (const ficheId of ficheIds) addFicheToModule(db, owner, created.id, { moduleId, ficheId, note: "", duree: "" });
  if (publish) setCatalogueStatut(db, owner, created.id, "public");
  return created;
}

describe("getCatalogueBySlug", () => {
  it("gives each fiche's source and web link when they are text, and nothing otherwise", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const sourced = buildFiche();
    const odd = buildFiche();
    const bare = buildFiche();
    db.update(fiche).set({ fields: { source: "Livre blanc, p. 12", lienWeb: "https://exemple.fr/atelier", extrait: "Un atelier." } }).where(eq(fiche.id, sourced.id)).run();
    db.update(fiche).set({ fields: { source: 12, lienWeb: ["https://exemple.fr"] } }).where(eq(fiche.id, odd.id)).run();
    db.update(fiche).set({ fields: {} }).where(eq(fiche.id, bare.id)).run();
    const created = buildCatalogue(owner, "Sources", [sourced.id, odd.id, bare.id]);
    const fiches = getCatalogueBySlug(db, created.slug, owner)!.modules[0].items.map((i) => ({ source: i.fiche!.source, lienWeb: i.fiche!.lienWeb }));
    expect(fiches).toEqual([
      { source: "Livre blanc, p. 12", lienWeb: "https://exemple.fr/atelier" },
      { source: "", lienWeb: "" },
      { source: "", lienWeb: "" },
    ]);
  });

  it("gives a draft's access facts so that only owners and moderators read it", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const draft = buildCatalogue(owner, "Brouillon secret", [buildFiche().id], false);
    const found = getCatalogueBySlug(db, draft.slug, null)!;
    expect(canReadCatalogue(null, found.access)).toBe(false);
    expect(canReadCatalogue(buildViewer(), found.access)).toBe(false);
    expect(canReadCatalogue(owner, found.access)).toBe(true);
    expect(canReadCatalogue(buildViewer({ role: "moderateur" }), found.access)).toBe(true);
    expect(getCatalogueBySlug(db, "n-existe-pas", owner)).toBeNull();
  });

  it("shows a draft fiche of someone else or a hidden fiche as unavailable, never its content", () => {
    const db = getTestDb();
    const author = buildViewer();
    const porteurMember = buildViewer();
    const acteur = buildActeur({ members: [buildUser()] });
    db.$client.prepare("insert into membership (user_id, acteur_id) values (?, ?)").run(porteurMember.id, acteur.id);
    const draft = buildFiche(author.id, "brouillon");
    db.insert(ficheActeur).values({ ficheId: draft.id, acteurId: acteur.id, role: "porteur" }).run();
    const hidden = buildFiche();
    const visible = buildFiche();
    const created = buildCatalogue(author, "Mélange", [draft.id, hidden.id, visible.id]);
    db.update(fiche).set({ masquee: true, html: "<p>secret</p>" }).where(eq(fiche.id, hidden.id)).run();

    const items = (viewer: Viewer | null) => getCatalogueBySlug(db, created.slug, viewer, { content: true })!.modules[0].items.map((i) => i.fiche?.titre ?? null);
    expect(items(null)).toEqual([null, null, visible.titre]);
    expect(items(buildViewer())).toEqual([null, null, visible.titre]);
    expect(items(author)).toEqual([draft.titre, null, visible.titre]);
    expect(items(viewerOf(porteurMember.id))).toEqual([draft.titre, null, visible.titre]);
    expect(items(buildViewer({ role: "moderateur" }))).toEqual([draft.titre, hidden.titre, visible.titre]);
    const shown = getCatalogueBySlug(db, created.slug, null, { content: true })!.modules[0].items[2].fiche!;
    expect(shown.html).toContain("<h2>");
    expect(getCatalogueBySlug(db, created.slug, null)!.modules[0].items[2].fiche!.html).toBe("");
  });

  it("credits the original only while the viewer may read it", () => {
    const db = getTestDb();
    const author = buildViewer();
    const source = buildCatalogue(author, "Original", [buildFiche().id]);
    const adapter = buildViewer();
    const { catalogue: copy } = duplicateCatalogue(db, adapter, source.id);
    expect(getCatalogueBySlug(db, copy.slug, adapter)!.original).toEqual({ slug: source.slug, titre: "Original" });
    setCatalogueStatut(db, author, source.id, "brouillon");
    expect(getCatalogueBySlug(db, copy.slug, adapter)!.original).toBeNull();
    expect(getCatalogueBySlug(db, copy.slug, author)!.original).toEqual({ slug: source.slug, titre: "Original" });
  });
});

describe("listPublicCatalogues", () => {
  it("lists public catalogues only, and finds them whatever the accents and case, title matches first", () => {
    const db = getTestDb();
    const owner = buildViewer({ name: "Formatrice" });
    const f = buildFiche().id;
    const inTitle = buildCatalogue(owner, "Médiation numérique pour les bénévoles", [f]);
    const inObjectifs = buildCatalogue(owner, "Parcours seniors", [f], true, { ...empty, objectifs: "Devenir médiateur bénévole" });
    buildCatalogue(owner, "Médiation en brouillon", [f], false);
    buildCatalogue(owner, "Autre sujet", [f]);

    const all = listPublicCatalogues(db);
    expect(all.items.map((c) => c.titre)).not.toContain("Médiation en brouillon");
    expect(all.items.find((c) => c.id === inTitle.id)).toMatchObject({ owners: ["Formatrice"], moduleCount: 1, ficheCount: 1, statut: "public" });

    const found = listPublicCatalogues(db, { q: "MEDIATION benevole" });
    expect(found.items.map((c) => c.id)).toEqual([inTitle.id]);
    expect(listPublicCatalogues(db, { q: "médiat bénévol" }).items.map((c) => c.id)).toEqual([inTitle.id, inObjectifs.id]);
    expect(listPublicCatalogues(db, { q: "introuvable" })).toMatchObject({ items: [], total: 0 });
  });

  it("pages the results", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const f = buildFiche().id;
    for (let i = 0; i < 3; i++) buildCatalogue(owner, `Pagination zèbre ${i}`, [f]);
    const second = listPublicCatalogues(db, { q: "zebre", page: 2, pageSize: 2 });
    expect(second).toMatchObject({ total: 3, page: 2, pageCount: 2 });
    expect(second.items).toHaveLength(1);
    expect(listPublicCatalogues(db, { q: "zebre", page: 9, pageSize: 2 }).page).toBe(2);
  });
});

describe("listCataloguesByOwner and listPublicCataloguesIncludingFiche", () => {
  it("lists a person's drafts and co-owned catalogues, and the public catalogues holding a fiche", () => {
    const db = getTestDb();
    const owner = buildViewer({ name: "Inès" });
    const coOwner = buildViewer({ email: "co@exemple.fr", name: "Colin" });
    const f = buildFiche().id;
    buildCatalogue(owner, "B brouillon", [f], false);
    const published = buildCatalogue(owner, "A public", [f]);
    addCatalogueOwner(db, owner, published.id, "co@exemple.fr");

    expect(listCataloguesByOwner(db, owner.id).map((c) => [c.titre, c.statut])).toEqual([
      ["A public", "public"],
      ["B brouillon", "brouillon"],
    ]);
    expect(listCataloguesByOwner(db, coOwner.id).map((c) => c.id)).toEqual([published.id]);
    expect(listPublicCataloguesIncludingFiche(db, f)).toEqual([{ slug: published.slug, titre: "A public", owners: ["Colin", "Inès"] }]);
    expect(listPublicCataloguesIncludingFiche(db, buildFiche().id)).toEqual([]);
  });
});
