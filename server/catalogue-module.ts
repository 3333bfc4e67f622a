import { and, asc, count, eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { getReadableFiches } from "@/db/queries/catalogue";
import { catalogueItem, catalogueModule, fiche } from "@/db/schema";
import { CATALOGUE_ITEMS_MAX, CATALOGUE_MODULES_MAX, type AddFicheInput, type ModuleInput } from "@/lib/schemas/catalogue";
import { displayTitre } from "@/lib/fiche/labels";
import { SYSTEM, type Actor } from "./authorize";
import { mayEditCatalogue, requireCatalogue, touchCatalogue } from "./catalogue";
import { DomainError } from "./errors";

// Modules and items are kept in order by a dense 0-based `position`. Every change reads the list
// and rewrites it inside one IMMEDIATE transaction: two people reordering at once are serialized,
// and each move applies to the order as it stands, never to a stale copy. The same transaction first
// asks whether the actor may edit the catalogue, against its owners as stored.

type Positioned = { id: number; position: number };

const IMMEDIATE = { behavior: "immediate" } as const;

function moduleNotFound(moduleId: number): DomainError {
  return new DomainError("module_not_found", "Ce module n'existe plus : rechargez la page.", "moduleId", `No module ${moduleId} in this catalogue.`);
}

function itemNotFound(itemId: number): DomainError {
  return new DomainError("item_not_found", "Cette fiche n'est plus dans le catalogue : rechargez la page.", "itemId", `No item ${itemId} in this catalogue.`);
}

function requireModule(tx: Tx, catalogueId: number, moduleId: number): { id: number; titre: string } {
  const found = tx
    .select({ id: catalogueModule.id, titre: catalogueModule.titre })
    .from(catalogueModule)
    .where(and(eq(catalogueModule.id, moduleId), eq(catalogueModule.catalogueId, catalogueId)))
    .get();
  if (!found) throw moduleNotFound(moduleId);
  return found;
}

function requireItem(tx: Tx, catalogueId: number, itemId: number): { id: number; moduleId: number } {
  const found = tx
    .select({ id: catalogueItem.id, moduleId: catalogueItem.moduleId })
    .from(catalogueItem)
    .innerJoin(catalogueModule, eq(catalogueModule.id, catalogueItem.moduleId))
    .where(and(eq(catalogueItem.id, itemId), eq(catalogueModule.catalogueId, catalogueId)))
    .get();
  if (!found) throw itemNotFound(itemId);
  return found;
}

function modulesOf(tx: Tx, catalogueId: number): Positioned[] {
  return tx
    .select({ id: catalogueModule.id, position: catalogueModule.position })
    .from(catalogueModule)
    .where(eq(catalogueModule.catalogueId, catalogueId))
    .orderBy(asc(catalogueModule.position), asc(catalogueModule.id))
    .all();
}

function itemsOf(tx: Tx, moduleId: number): Positioned[] {
  return tx
    .select({ id: catalogueItem.id, position: catalogueItem.position })
    .from(catalogueItem)
    .where(eq(catalogueItem.moduleId, moduleId))
    .orderBy(asc(catalogueItem.position), asc(catalogueItem.id))
    .all();
}

/** Writes positions 0, 1, 2… in list order, touching only the rows whose position changes. */
function renumber(list: Positioned[], write: (id: number, position: number) => void): void {
  list.forEach((row, index) => {
    if (row.position !== index) write(row.id, index);
  });
}

const writeModule = (tx: Tx) => (id: number, position: number) =>
  tx.update(catalogueModule).set({ position }).where(eq(catalogueModule.id, id)).run();
const writeItem = (tx: Tx, moduleId: number) => (id: number, position: number) =>
  tx.update(catalogueItem).set({ moduleId, position }).where(eq(catalogueItem.id, id)).run();

function itemCount(tx: Tx, catalogueId: number): number {
  return tx
    .select({ n: count() })
    .from(catalogueItem)
    .innerJoin(catalogueModule, eq(catalogueModule.id, catalogueItem.moduleId))
    .where(eq(catalogueModule.catalogueId, catalogueId))
    .get()!.n;
}

const clamp = (position: number, length: number) => Math.min(Math.max(Math.trunc(position), 0), length);

/** Appends a module to the catalogue. */
export function addModule(db: Db, actor: Actor, catalogueId: number, input: ModuleInput): { id: number; position: number } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    requireCatalogue(tx, catalogueId);
    const modules = modulesOf(tx, catalogueId);
    if (modules.length >= CATALOGUE_MODULES_MAX) {
      throw new DomainError(
        "too_many_modules",
        `Un catalogue compte au plus ${CATALOGUE_MODULES_MAX} modules : ajoutez ces fiches à un module existant, ou supprimez un module avant d'en créer un autre.`,
        undefined,
        `Catalogue ${catalogueId} already has ${modules.length} modules; the maximum is ${CATALOGUE_MODULES_MAX}.`,
      );
    }
    renumber(modules, writeModule(tx));
    const created = tx
      .insert(catalogueModule)
      .values({ catalogueId, titre: input.titre, description: input.description, position: modules.length })
      .returning({ id: catalogueModule.id, position: catalogueModule.position })
      .get();
    touchCatalogue(tx, catalogueId, actor);
    return created;
  }, IMMEDIATE);
}

/** Renames a module and updates its description. */
export function renameModule(db: Db, actor: Actor, catalogueId: number, moduleId: number, input: ModuleInput): void {
  db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    requireModule(tx, catalogueId, moduleId);
    tx.update(catalogueModule).set({ titre: input.titre, description: input.description }).where(eq(catalogueModule.id, moduleId)).run();
    touchCatalogue(tx, catalogueId, actor);
  }, IMMEDIATE);
}

/** Deletes a module with its items, and closes the gap it leaves in the order. */
export function removeModule(db: Db, actor: Actor, catalogueId: number, moduleId: number): { titre: string } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    const removed = requireModule(tx, catalogueId, moduleId);
    tx.delete(catalogueModule).where(eq(catalogueModule.id, moduleId)).run();
    renumber(modulesOf(tx, catalogueId), writeModule(tx));
    touchCatalogue(tx, catalogueId, actor);
    return { titre: removed.titre };
  }, IMMEDIATE);
}

/** Moves a module to a 0-based position among the catalogue's modules (clamped to the list), and returns where it landed. */
export function moveModule(db: Db, actor: Actor, catalogueId: number, moduleId: number, position: number): { position: number; count: number } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    requireModule(tx, catalogueId, moduleId);
    const modules = modulesOf(tx, catalogueId);
    const moving = modules.find((m) => m.id === moduleId)!;
    const others = modules.filter((m) => m.id !== moduleId);
    const target = clamp(position, others.length);
    others.splice(target, 0, moving);
    renumber(others, writeModule(tx));
    touchCatalogue(tx, catalogueId, actor);
    return { position: target, count: others.length };
  }, IMMEDIATE);
}

/**
 * Adds a fiche at the end of a module, with the trainer's note and duration. Only a fiche the person
 * may read: a draft of someone else, or a fiche hidden by a moderator, is refused as unknown.
 */
export function addFicheToModule(db: Db, actor: Actor, catalogueId: number, input: AddFicheInput): { id: number; titre: string } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    requireModule(tx, catalogueId, input.moduleId);
    const items = itemCount(tx, catalogueId);
    if (items >= CATALOGUE_ITEMS_MAX) {
      throw new DomainError(
        "too_many_items",
        `Un catalogue compte au plus ${CATALOGUE_ITEMS_MAX} fiches : retirez-en une avant d'en ajouter une autre, ou créez un second catalogue.`,
        undefined,
        `Catalogue ${catalogueId} already holds ${items} items; the maximum is ${CATALOGUE_ITEMS_MAX}.`,
      );
    }
    // The system reads as a visitor: what it adds to a catalogue, everyone may read.
    const viewer = actor === SYSTEM ? null : actor;
    const found = getReadableFiches(tx, [input.ficheId], viewer).get(input.ficheId);
    if (!found) {
      throw new DomainError(
        "fiche_unavailable",
        "Cette fiche n'existe pas ou vous ne pouvez pas la lire : choisissez-en une dans la liste des suggestions.",
        "ficheId",
        `Fiche ${input.ficheId} does not exist or user ${viewer?.id ?? "(system)"} may not read it.`,
      );
    }
    const already = tx
      .select({ titre: catalogueModule.titre })
      .from(catalogueItem)
      .innerJoin(catalogueModule, eq(catalogueModule.id, catalogueItem.moduleId))
      .where(and(eq(catalogueModule.catalogueId, catalogueId), eq(catalogueItem.ficheId, input.ficheId)))
      .get();
    if (already) {
      throw new DomainError(
        "fiche_already_in_catalogue",
        `« ${displayTitre(found.titre)} » est déjà dans le module « ${already.titre} ».`,
        "ficheId",
        `Fiche ${input.ficheId} is already in catalogue ${catalogueId}.`,
      );
    }
    const siblings = itemsOf(tx, input.moduleId);
    renumber(siblings, writeItem(tx, input.moduleId));
    const created = tx
      .insert(catalogueItem)
      .values({ moduleId: input.moduleId, ficheId: input.ficheId, note: input.note, duree: input.duree, position: siblings.length })
      .returning({ id: catalogueItem.id })
      .get();
    touchCatalogue(tx, catalogueId, actor);
    return { id: created.id, titre: displayTitre(found.titre) };
  }, IMMEDIATE);
}

/** Updates the trainer's note and duration of an item. */
export function updateItem(db: Db, actor: Actor, catalogueId: number, itemId: number, input: { note: string; duree: string }): void {
  db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    requireItem(tx, catalogueId, itemId);
    tx.update(catalogueItem).set({ note: input.note, duree: input.duree }).where(eq(catalogueItem.id, itemId)).run();
    touchCatalogue(tx, catalogueId, actor);
  }, IMMEDIATE);
}

/** Takes a fiche out of its module and closes the gap; the fiche itself is untouched. */
export function removeItem(db: Db, actor: Actor, catalogueId: number, itemId: number): { titre: string } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    const item = requireItem(tx, catalogueId, itemId);
    const titre = tx
      .select({ titre: fiche.titre })
      .from(catalogueItem)
      .innerJoin(fiche, eq(fiche.id, catalogueItem.ficheId))
      .where(eq(catalogueItem.id, itemId))
      .get()!.titre;
    tx.delete(catalogueItem).where(eq(catalogueItem.id, itemId)).run();
    renumber(itemsOf(tx, item.moduleId), writeItem(tx, item.moduleId));
    touchCatalogue(tx, catalogueId, actor);
    return { titre: displayTitre(titre) };
  }, IMMEDIATE);
}

/**
 * Moves an item to a 0-based position in a module of the same catalogue (its own or another),
 * clamped to that module's length; both modules are renumbered. Returns where it landed.
 */
export function moveItem(db: Db, actor: Actor, catalogueId: number, itemId: number, moduleId: number, position: number): { moduleId: number; moduleTitre: string; position: number; count: number } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    const item = requireItem(tx, catalogueId, itemId);
    const target = requireModule(tx, catalogueId, moduleId);
    if (item.moduleId !== moduleId) {
      const left = itemsOf(tx, item.moduleId).filter((i) => i.id !== itemId);
      renumber(left, writeItem(tx, item.moduleId));
    }
    const list = itemsOf(tx, moduleId).filter((i) => i.id !== itemId);
    const index = clamp(position, list.length);
    // Position -1 makes renumber write the moved row, so that its module is always set.
    list.splice(index, 0, { id: itemId, position: -1 });
    renumber(list, writeItem(tx, moduleId));
    touchCatalogue(tx, catalogueId, actor);
    return { moduleId, moduleTitre: target.titre, position: index, count: list.length };
  }, IMMEDIATE);
}
