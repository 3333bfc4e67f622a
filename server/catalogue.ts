import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { uniqueSlug } from "@/db/queries/slug";
import { getReadableFiches } from "@/db/queries/catalogue";
import { catalogue, catalogueItem, catalogueModule, catalogueOwner, user, type Catalogue } from "@/db/schema";
import type { CatalogueStatut } from "@/lib/catalogue/values";
import type { Viewer } from "@/lib/policies/viewer";
import { CATALOGUE_ITEMS_MAX, CATALOGUE_MODULES_MAX, type CatalogueInput } from "@/lib/schemas/catalogue";
import { DomainError } from "./errors";



/** The catalogue row, or a French "not found" refusal. */
export function requireCatalogue(tx: Tx | Db, catalogueId: number): Catalogue {
  const row = tx.select().from(catalogue).where(eq(catalogue.id, catalogueId)).get();
  if (!row) throw new DomainError("catalogue_not_found", "Ce catalogue n'existe plus.", undefined, `No catalogue with id ${catalogueId}.`);
  return row;
}

/** Marks a catalogue as changed now, for the lists' "recently updated" order. */
export function touchCatalogue(tx: Tx | Db, catalogueId: number): void {
  tx.update(catalogue).set({ updatedAt: new Date() }).where(eq(catalogue.id, catalogueId)).run();
}

/** Creates a draft catalogue owned by the person creating it. */
export function createCatalogue(db: Db, ownerId: number, input: CatalogueInput): Catalogue {
  return db.transaction(
    (tx) => {
      const created = tx
        .insert(catalogue)
        .values({ ...input, slug: uniqueSlug(tx, catalogue, catalogue.slug, input.titre, "catalogue", ["nouveau"]), createdBy: ownerId })
        .returning()
        .get();
      tx.insert(catalogueOwner).values({ catalogueId: created.id, userId: ownerId }).run();
      return created;
    },
    { behavior: "immediate" },
  );
}

/** Updates the title, description, public, objectives and duration; the slug stays, so shared links keep working. */
export function updateCatalogue(db: Db, catalogueId: number, input: CatalogueInput): Catalogue {
  const updated = db
    .update(catalogue)
    .set({ ...input, updatedAt: new Date() })
    .where(eq(catalogue.id, catalogueId))
    .returning()
    .get();
  if (!updated) throw new DomainError("catalogue_not_found", "Ce catalogue n'existe plus.", undefined, `No catalogue with id ${catalogueId}.`);
  return updated;
}

/** Publishes a catalogue (it needs at least one fiche) or takes it back to draft. */
export function setCatalogueStatut(db: Db, catalogueId: number, statut: CatalogueStatut): Catalogue {
  return db.transaction(
    (tx) => {
      const current = requireCatalogue(tx, catalogueId);
      if (current.statut === statut) return current;
      if (statut === "public") {
        const items = tx
          .select({ n: count() })
          .from(catalogueItem)
          .innerJoin(catalogueModule, eq(catalogueModule.id, catalogueItem.moduleId))
          .where(eq(catalogueModule.catalogueId, catalogueId))
          .get()!.n;
        if (items === 0) {
          throw new DomainError(
            "catalogue_empty",
            "Ajoutez au moins une fiche à un module avant de publier le catalogue.",
            undefined,
            `Catalogue ${catalogueId} holds no fiche: it cannot be published.`,
          );
        }
      }
      return tx.update(catalogue).set({ statut, updatedAt: new Date() }).where(eq(catalogue.id, catalogueId)).returning().get();
    },
    { behavior: "immediate" },
  );
}

/** Deletes a catalogue with its modules and items; its adaptations keep their content and lose the link. */
export function deleteCatalogue(db: Db, catalogueId: number): void {
  const deleted = db.delete(catalogue).where(eq(catalogue.id, catalogueId)).run();
  if (deleted.changes === 0) throw new DomainError("catalogue_not_found", "Ce catalogue n'existe plus.", undefined, `No catalogue with id ${catalogueId}.`);
}

/**
 * Makes the registered person with this email a co-owner. Only owners and moderators get here, so
 * saying that no account uses the address reveals nothing to a stranger.
 */
export function addCatalogueOwner(db: Db, catalogueId: number, email: string): { id: number; name: string } {
  const found = db
    .select({ id: user.id, name: user.name, disabled: user.disabled })
    .from(user)
    .where(eq(user.email, email.trim().toLowerCase()))
    .get();
  if (!found || found.disabled) {
    throw new DomainError(
      "user_not_found",
      "Aucun compte avec cette adresse. La personne doit d'abord créer son compte sur le wiki, puis vous pourrez l'ajouter.",
      "email",
      "No active account with this email.",
    );
  }
  requireCatalogue(db, catalogueId);
  const inserted = db.insert(catalogueOwner).values({ catalogueId, userId: found.id }).onConflictDoNothing().run();
  if (inserted.changes === 0) {
    throw new DomainError("already_owner", `${found.name} gère déjà ce catalogue.`, "email", "Already an owner.");
  }
  touchCatalogue(db, catalogueId);
  return { id: found.id, name: found.name };
}

/** Removes a co-owner and returns who it was; the last owner stays, so that someone can still update the catalogue. */
export function removeCatalogueOwner(db: Db, catalogueId: number, userId: number): { id: number; name: string } {
  return db.transaction(
    (tx) => {
      const owners = tx.select({ n: count() }).from(catalogueOwner).where(eq(catalogueOwner.catalogueId, catalogueId)).get()!.n;
      const owner = tx
        .select({ id: user.id, name: user.name })
        .from(catalogueOwner)
        .innerJoin(user, eq(user.id, catalogueOwner.userId))
        .where(and(eq(catalogueOwner.catalogueId, catalogueId), eq(catalogueOwner.userId, userId)))
        .get();
      if (!owner) throw new DomainError("not_an_owner", "Cette personne ne gère pas ce catalogue.", undefined, `User ${userId} does not own catalogue ${catalogueId}.`);
      if (owners <= 1) {
        throw new DomainError(
          "last_owner",
          "Un catalogue garde au moins un responsable : ajoutez d'abord la personne qui prendra le relais.",
          undefined,
          "The last owner cannot be removed.",
        );
      }
      tx.delete(catalogueOwner).where(and(eq(catalogueOwner.catalogueId, catalogueId), eq(catalogueOwner.userId, userId))).run();
      touchCatalogue(tx, catalogueId);
      return owner;
    },
    { behavior: "immediate" },
  );
}

/** The copy made by duplicateCatalogue, and how many items were left out because the duplicator may not read their fiche. */
export type DuplicateOutcome = { catalogue: Catalogue; skipped: number };

/**
 * "Dupliquer pour l'adapter": a new draft owned by the duplicator, pointing to its original, with a
 * copy of every module and item (notes and durations included), in the same order. Items whose
 * fiche the duplicator may not read are left out: a copy never hands them a fiche they cannot see.
 */
export function duplicateCatalogue(db: Db, viewer: Viewer, catalogueId: number): DuplicateOutcome {
  return db.transaction(
    (tx) => {
      const source = requireCatalogue(tx, catalogueId);
      const modules = tx
        .select()
        .from(catalogueModule)
        .where(eq(catalogueModule.catalogueId, source.id))
        .orderBy(asc(catalogueModule.position), asc(catalogueModule.id))
        .all();
      const items = modules.length
        ? tx
            .select()
            .from(catalogueItem)
            .where(inArray(catalogueItem.moduleId, modules.map((m) => m.id)))
            .orderBy(asc(catalogueItem.position), asc(catalogueItem.id))
            .all()
        : [];
      const readable = getReadableFiches(tx, [...new Set(items.map((i) => i.ficheId))], viewer);
      const copied = items.filter((i) => readable.has(i.ficheId)).length;
      // The caps hold for copies too: a catalogue filled before they existed could otherwise be copied whole.
      if (modules.length > CATALOGUE_MODULES_MAX || copied > CATALOGUE_ITEMS_MAX) {
        throw new DomainError(
          "catalogue_too_large",
          `Ce catalogue compte ${modules.length} modules et ${copied} fiches : une copie ne peut dépasser ${CATALOGUE_MODULES_MAX} modules et ${CATALOGUE_ITEMS_MAX} fiches. Demandez à ses responsables de l'alléger, ou créez un nouveau catalogue.`,
          undefined,
          `Catalogue ${catalogueId} has ${modules.length} modules and ${copied} items to copy; a catalogue may have at most ${CATALOGUE_MODULES_MAX} modules and ${CATALOGUE_ITEMS_MAX} items.`,
        );
      }
      const copy = tx
        .insert(catalogue)
        .values({
          slug: uniqueSlug(tx, catalogue, catalogue.slug, source.titre, "catalogue", ["nouveau"]),
          titre: source.titre,
          description: source.description,
          publicVise: source.publicVise,
          objectifs: source.objectifs,
          duree: source.duree,
          statut: "brouillon",
          originalId: source.id,
          createdBy: viewer.id,
        })
        .returning()
        .get();
      tx.insert(catalogueOwner).values({ catalogueId: copy.id, userId: viewer.id }).run();
      let skipped = 0;
      modules.forEach((m, modulePosition) => {
        const created = tx
          .insert(catalogueModule)
          .values({ catalogueId: copy.id, titre: m.titre, description: m.description, position: modulePosition })
          .returning({ id: catalogueModule.id })
          .get();
        const kept = items.filter((i) => i.moduleId === m.id && readable.has(i.ficheId));
        skipped += items.filter((i) => i.moduleId === m.id).length - kept.length;
        if (kept.length) {
          tx.insert(catalogueItem)
            .values(kept.map((i, position) => ({ moduleId: created.id, ficheId: i.ficheId, note: i.note, duree: i.duree, position })))
            .run();
        }
      });
      return { catalogue: copy, skipped };
    },
    { behavior: "immediate" },
  );
}
