import { and, asc, count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { uniqueSlug } from "@/db/queries/slug";
import { getCatalogueAccessFacts, getReadableFiches } from "@/db/queries/catalogue";
import { catalogue, catalogueItem, catalogueModule, catalogueOwner, user, type Catalogue } from "@/db/schema";
import { copyTitre } from "@/lib/catalogue/copy-titre";
import type { CatalogueStatut } from "@/lib/catalogue/values";
import { canCreateCatalogue, canDuplicateCatalogue, canEditCatalogue, type CatalogueAccessFacts } from "@/lib/policies/catalogue";
import type { Viewer } from "@/lib/policies/viewer";
import { CATALOGUE_ITEMS_MAX, CATALOGUE_MODULES_MAX, type CatalogueInput } from "@/lib/schemas/catalogue";
import { authorize, SYSTEM, type Actor } from "./authorize";
import { DomainError } from "./errors";
import { followTarget, removeFollowsOfTarget } from "./follow";
import { recordEvent } from "./notification";
import { requireActiveUserByEmail } from "./user";

// Every check and the write it guards share one IMMEDIATE transaction: an owner removed meanwhile
// cannot slip a change in between.
const IMMEDIATE = { behavior: "immediate" } as const;

// The catalogue id comes back from the browser: the policy is asked about the catalogue as stored.
// A catalogue deleted meanwhile lets a signed-in person through, so that the command answers
// "ce catalogue n'existe plus" rather than a misleading refusal.
function authorizeOn(
  tx: Tx,
  actor: Actor,
  catalogueId: number,
  policy: (viewer: Viewer | null, facts: CatalogueAccessFacts) => boolean,
  messageFr: string,
  messageEn: string,
): void {
  if (actor === SYSTEM) return;
  const facts = getCatalogueAccessFacts(tx, catalogueId);
  authorize(actor, (viewer) => (facts ? policy(viewer, facts) : viewer !== null), messageFr, messageEn);
}

/** Throws "forbidden" unless the actor owns this catalogue or moderates; call it inside the command's transaction. */
export function mayEditCatalogue(tx: Tx, actor: Actor, catalogueId: number): void {
  authorizeOn(
    tx,
    actor,
    catalogueId,
    canEditCatalogue,
    "Seuls les responsables de ce catalogue et les modérateurs peuvent le modifier.",
    "Only the owners of this catalogue and moderators may change it.",
  );
}

// A catalogue always has an owner (removeCatalogueOwner keeps the last one), and the system has no
// account to be one: only a person creates or copies a catalogue.
const actorIdOf = (actor: Actor) => (actor === SYSTEM || actor === null ? null : actor.id);

function ownerOf(actor: Actor): Viewer {
  if (actor === SYSTEM || actor === null) {
    throw new DomainError("owner_required", "Un catalogue appartient à une personne : connectez-vous pour le créer.", undefined, "Only a person can own a catalogue.");
  }
  return actor;
}

/** The catalogue row, or a French "not found" refusal. */
export function requireCatalogue(tx: Tx | Db, catalogueId: number): Catalogue {
  const row = tx.select().from(catalogue).where(eq(catalogue.id, catalogueId)).get();
  if (!row) throw new DomainError("catalogue_not_found", "Ce catalogue n'existe plus.", undefined, `No catalogue with id ${catalogueId}.`);
  return row;
}

/**
 * Marks a catalogue as changed now, for the lists' "recently updated" order; with the person who
 * changed its content, tells its followers too (not for a change of owners).
 */
export function touchCatalogue(tx: Tx | Db, catalogueId: number, editor?: Actor): void {
  tx.update(catalogue).set({ updatedAt: new Date() }).where(eq(catalogue.id, catalogueId)).run();
  if (editor !== undefined) recordEvent(tx, { kind: "catalogue_modifie", catalogueId, actorId: actorIdOf(editor) });
}

/** Creates a draft catalogue owned by the person creating it. */
export function createCatalogue(db: Db, actor: Actor, input: CatalogueInput): Catalogue {
  authorize(actor, canCreateCatalogue, "Connectez-vous pour créer un catalogue.", "Sign in to create a catalogue.");
  const ownerId = ownerOf(actor).id;
  return db.transaction(
    (tx) => {
      const created = tx
        .insert(catalogue)
        .values({ ...input, slug: uniqueSlug(tx, catalogue, catalogue.slug, input.titre, "catalogue", ["nouveau"]), createdBy: ownerId })
        .returning()
        .get();
      tx.insert(catalogueOwner).values({ catalogueId: created.id, userId: ownerId }).run();
      followTarget(tx, ownerId, "catalogue", created.id);
      return created;
    },
    { behavior: "immediate" },
  );
}

/** Updates the title, description, public, objectives and duration; the slug stays, so shared links keep working. */
export function updateCatalogue(db: Db, actor: Actor, catalogueId: number, input: CatalogueInput): Catalogue {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    const updated = tx
      .update(catalogue)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(catalogue.id, catalogueId))
      .returning()
      .get();
    if (!updated) throw new DomainError("catalogue_not_found", "Ce catalogue n'existe plus.", undefined, `No catalogue with id ${catalogueId}.`);
    recordEvent(tx, { kind: "catalogue_modifie", catalogueId, actorId: actorIdOf(actor) });
    return updated;
  }, IMMEDIATE);
}

/** Publishes a catalogue (it needs at least one fiche) or takes it back to draft. */
export function setCatalogueStatut(db: Db, actor: Actor, catalogueId: number, statut: CatalogueStatut): Catalogue {
  return db.transaction(
    (tx) => {
      mayEditCatalogue(tx, actor, catalogueId);
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
export function deleteCatalogue(db: Db, actor: Actor, catalogueId: number): void {
  db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    const deleted = tx.delete(catalogue).where(eq(catalogue.id, catalogueId)).run();
    if (deleted.changes === 0) throw new DomainError("catalogue_not_found", "Ce catalogue n'existe plus.", undefined, `No catalogue with id ${catalogueId}.`);
    removeFollowsOfTarget(tx, "catalogue", catalogueId);
  }, IMMEDIATE);
}

/**
 * Makes the registered person with this email a co-owner. The owners and moderators are let through
 * before the address is looked up, so saying that no account uses it reveals nothing to a stranger.
 */
export function addCatalogueOwner(db: Db, actor: Actor, catalogueId: number, email: string): { id: number; name: string } {
  return db.transaction((tx) => {
    mayEditCatalogue(tx, actor, catalogueId);
    const found = requireActiveUserByEmail(tx, email);
    requireCatalogue(tx, catalogueId);
    const inserted = tx.insert(catalogueOwner).values({ catalogueId, userId: found.id }).onConflictDoNothing().run();
    if (inserted.changes === 0) {
      throw new DomainError("already_owner", `${found.name} gère déjà ce catalogue.`, "email", "Already an owner.");
    }
    touchCatalogue(tx, catalogueId);
    return { id: found.id, name: found.name };
  }, IMMEDIATE);
}

/** Removes a co-owner and returns who it was; the last owner stays, so that someone can still update the catalogue. */
export function removeCatalogueOwner(db: Db, actor: Actor, catalogueId: number, userId: number): { id: number; name: string } {
  return db.transaction(
    (tx) => {
      mayEditCatalogue(tx, actor, catalogueId);
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

/** The title of a new copy: "X (copie)", or "X (copie 2)"… when a catalogue already has that title. */
function freeCopyTitre(tx: Tx, titre: string): string {
  return copyTitre(titre, (candidate) => tx.select({ id: catalogue.id }).from(catalogue).where(eq(catalogue.titre, candidate)).get() !== undefined);
}

/**
 * "Dupliquer pour l'adapter": a new draft owned by the duplicator, titled "… (copie)" and pointing to
 * its original, with a copy of every module and item (notes and durations included), in the same order. Items whose
 * fiche the duplicator may not read are left out: a copy never hands them a fiche they cannot see.
 */
export function duplicateCatalogue(db: Db, actor: Actor, catalogueId: number): DuplicateOutcome {
  return db.transaction(
    (tx) => {
      authorizeOn(
        tx,
        actor,
        catalogueId,
        canDuplicateCatalogue,
        "Ce catalogue n'est pas public : seuls ses responsables peuvent le dupliquer.",
        "Only the owners of a draft catalogue and moderators may copy it.",
      );
      const viewer = ownerOf(actor);
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
      const titre = freeCopyTitre(tx, source.titre);
      const copy = tx
        .insert(catalogue)
        .values({
          slug: uniqueSlug(tx, catalogue, catalogue.slug, titre, "catalogue", ["nouveau"]),
          titre,
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
      followTarget(tx, viewer.id, "catalogue", copy.id);
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
