import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { catalogue, catalogueItem, catalogueModule, fiche } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";
import { CATALOGUE_ITEMS_MAX, CATALOGUE_MODULES_MAX } from "@/lib/schemas/catalogue";
import { createCatalogue, duplicateCatalogue } from "./catalogue";
import { addFicheToModule, addModule } from "./catalogue-module";
import { domainErrorOf } from "./domain-error-testing";

const db = getTestDb();
const fields = { description: "", publicVise: "", objectifs: "", duree: "" };

function buildViewer(): Viewer {
  return getViewerById(db, buildUser().id)!;
}

let n = 0;
/** Published fiches inserted as rows only: the caps are about counts, not content. */
function buildFiches(count: number): number[] {
  return Array.from({ length: count }, () => {
    n += 1;
    return db.insert(fiche).values({ slug: `fiche-limite-${n}`, type: "pratique", titre: `Fiche ${n}`, statut: "publiee" }).returning().get().id;
  });
}

/** A catalogue with `modules` modules, the first holding `items` fiches, written straight to the tables. */
function buildCatalogue(owner: Viewer, modules: number, items: number) {
  const created = createCatalogue(db, owner, { titre: "Parcours complet", ...fields });
  const moduleIds = Array.from(
    { length: modules },
    (_, position) => db.insert(catalogueModule).values({ catalogueId: created.id, titre: `Module ${position + 1}`, position }).returning().get().id,
  );
  const ficheIds = buildFiches(items);
  if (items) db.insert(catalogueItem).values(ficheIds.map((ficheId, position) => ({ moduleId: moduleIds[0], ficheId, position }))).run();
  return { catalogueId: created.id, moduleIds };
}


describe("catalogue caps", () => {
  it("adds modules up to the cap, then refuses with a French message and a precise English one", () => {
    const owner = buildViewer();
    const { catalogueId } = buildCatalogue(owner, CATALOGUE_MODULES_MAX - 1, 0);
    addModule(db, owner, catalogueId, { titre: "Dernier module", description: "" });
    const error = domainErrorOf(() => addModule(db, owner, catalogueId, { titre: "Un de trop", description: "" }));
    expect(error.code).toBe("too_many_modules");
    expect(error.messageFr).toContain(`au plus ${CATALOGUE_MODULES_MAX} modules`);
    expect(error.message).toBe(`Catalogue ${catalogueId} already has ${CATALOGUE_MODULES_MAX} modules; the maximum is ${CATALOGUE_MODULES_MAX}.`);
    expect(db.select().from(catalogueModule).where(eq(catalogueModule.catalogueId, catalogueId)).all()).toHaveLength(CATALOGUE_MODULES_MAX);
  });

  it("adds fiches up to the cap across modules, then refuses", () => {
    const owner = buildViewer();
    const { catalogueId, moduleIds } = buildCatalogue(owner, 2, CATALOGUE_ITEMS_MAX - 1);
    const [last, extra] = buildFiches(2);
    addFicheToModule(db, owner, catalogueId, { moduleId: moduleIds[1], ficheId: last, note: "", duree: "" });
    const error = domainErrorOf(() => addFicheToModule(db, owner, catalogueId, { moduleId: moduleIds[1], ficheId: extra, note: "", duree: "" }));
    expect(error.code).toBe("too_many_items");
    expect(error.messageFr).toContain(`au plus ${CATALOGUE_ITEMS_MAX} fiches`);
    expect(error.message).toBe(`Catalogue ${catalogueId} already holds ${CATALOGUE_ITEMS_MAX} items; the maximum is ${CATALOGUE_ITEMS_MAX}.`);
  });

  it("duplicates a catalogue at the caps, and refuses one past them without creating anything", () => {
    const owner = buildViewer();
    const full = buildCatalogue(owner, CATALOGUE_MODULES_MAX, CATALOGUE_ITEMS_MAX);
    expect(duplicateCatalogue(db, owner, full.catalogueId).skipped).toBe(0);

    const tooManyModules = buildCatalogue(owner, CATALOGUE_MODULES_MAX + 1, 1);
    const tooManyItems = buildCatalogue(owner, 1, CATALOGUE_ITEMS_MAX + 1);
    const catalogues = () => db.select().from(catalogue).all().length;
    const before = catalogues();
    for (const { catalogueId } of [tooManyModules, tooManyItems]) {
      const error = domainErrorOf(() => duplicateCatalogue(db, owner, catalogueId));
      expect(error.code).toBe("catalogue_too_large");
      expect(error.messageFr).toContain(`ne peut dépasser ${CATALOGUE_MODULES_MAX} modules et ${CATALOGUE_ITEMS_MAX} fiches`);
    }
    expect(catalogues()).toBe(before);
    expect(domainErrorOf(() => duplicateCatalogue(db, owner, tooManyItems.catalogueId)).message).toBe(
      `Catalogue ${tooManyItems.catalogueId} has 1 modules and ${CATALOGUE_ITEMS_MAX + 1} items to copy; a catalogue may have at most ${CATALOGUE_MODULES_MAX} modules and ${CATALOGUE_ITEMS_MAX} items.`,
    );
  });
});
