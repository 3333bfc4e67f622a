import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { fiche, type Fiche } from "@/db/schema";
import { displayTitre } from "@/lib/fiche/labels";
import type { Viewer } from "@/lib/policies/viewer";
import { canModerate } from "@/lib/policies/moderation";
import { DomainError } from "./errors";
import { setFicheStatut } from "./fiche";
import { refreshFichesCitingFiche } from "./fiche-links";
import { indexFiche } from "./search";
import { moveFollows } from "./follow";
import { moveReprises } from "./reprise";

/**
 * Moderators' decisions on a fiche: hide it from the public, archive it, merge a duplicate into
 * another. Each one re-renders the fiches whose links show it and updates the search index, in the
 * transaction that makes it.
 */

function moderatedFiche(db: Db, viewer: Viewer | null, ficheId: number): Fiche {
  if (!canModerate(viewer)) {
    throw new DomainError("forbidden", "Seuls les modérateurs peuvent faire cela.", undefined, `User ${viewer?.id ?? "anonymous"} is not a moderator.`);
  }
  const row = db.select().from(fiche).where(eq(fiche.id, ficheId)).get();
  if (!row) throw new DomainError("not_found", "Cette fiche n'existe pas ou plus.", undefined, `No fiche with id ${ficheId}.`);
  return row;
}

function afterChange(db: Db, ficheId: number): void {
  refreshFichesCitingFiche(db, ficheId);
  indexFiche(db, ficheId);
}

function setMasquee(db: Db, viewer: Viewer | null, ficheId: number, masquee: boolean): Fiche {
  return db.transaction(
    () => {
      const row = moderatedFiche(db, viewer, ficheId);
      if (row.masquee === masquee) return row;
      const updated = db.update(fiche).set({ masquee, updatedAt: new Date() }).where(eq(fiche.id, ficheId)).returning().get();
      afterChange(db, ficheId);
      return updated;
    },
    { behavior: "immediate" },
  );
}

/** Hides a fiche: its page, lists, backlinks, search, feeds and exports no longer show it to anyone but moderators. */
export function hideFiche(db: Db, viewer: Viewer | null, ficheId: number): Fiche {
  return setMasquee(db, viewer, ficheId, true);
}

/** Makes a hidden fiche visible again, as its statut allows. */
export function unhideFiche(db: Db, viewer: Viewer | null, ficheId: number): Fiche {
  return setMasquee(db, viewer, ficheId, false);
}

/** Archives a published fiche through the governance path (server/fiche), then updates the search index. */
export function archiveFiche(db: Db, viewer: Viewer | null, ficheId: number): Fiche {
  return db.transaction(
    () => {
      moderatedFiche(db, viewer, ficheId);
      const updated = setFicheStatut(db, viewer, ficheId, "archivee");
      indexFiche(db, ficheId);
      return updated;
    },
    { behavior: "immediate" },
  );
}

/**
 * Merges a duplicate (`sourceId`) into the fiche that stays (`targetId`): the source is archived and
 * redirects to the target, and the links to it lead there. Fiches already merged into the source
 * are moved onto the target, so that redirects never chain. Refuses merging a fiche into itself,
 * into a merged fiche, or into one the public cannot read (draft, hidden).
 */
export function mergeFiches(db: Db, viewer: Viewer | null, input: { sourceId: number; targetId: number }): { source: Fiche; target: Fiche } {
  return db.transaction(
    () => {
      const source = moderatedFiche(db, viewer, input.sourceId);
      if (input.sourceId === input.targetId) {
        throw new DomainError("same_fiche", "Une fiche ne peut pas être fusionnée avec elle-même : choisissez-en une autre.", "targetId", "A fiche cannot be merged into itself.");
      }
      if (source.redirectToId !== null) {
        throw new DomainError("already_merged", "Cette fiche a déjà été fusionnée avec une autre.", undefined, `Fiche ${source.id} is already merged into ${source.redirectToId}.`);
      }
      const target = db.select().from(fiche).where(eq(fiche.id, input.targetId)).get();
      if (!target) {
        throw new DomainError("target_not_found", "La fiche choisie n'existe pas ou plus : choisissez-la à nouveau.", "targetId", `No fiche with id ${input.targetId}.`);
      }
      if (target.redirectToId !== null) {
        throw new DomainError(
          "target_merged",
          `« ${displayTitre(target.titre)} » a elle-même été fusionnée avec une autre fiche : choisissez plutôt celle-ci.`,
          "targetId",
          `Fiche ${target.id} redirects to ${target.redirectToId}: merges do not chain.`,
        );
      }
      if (target.masquee || target.statut === "brouillon") {
        throw new DomainError(
          "target_not_public",
          `« ${displayTitre(target.titre)} » n'est pas visible du public (${target.masquee ? "masquée" : "brouillon"}) : choisissez une fiche publiée.`,
          "targetId",
          `Fiche ${target.id} is ${target.masquee ? "hidden" : "a draft"}: merge into a public fiche.`,
        );
      }
      const now = new Date();
      db.update(fiche).set({ redirectToId: target.id, updatedAt: now }).where(eq(fiche.redirectToId, source.id)).run();
      const merged = db.update(fiche).set({ redirectToId: target.id, statut: "archivee", updatedAt: now }).where(eq(fiche.id, source.id)).returning().get();
      moveReprises(db, source.id, target.id);
      moveFollows(db, "fiche", source.id, target.id);
      afterChange(db, source.id);
      // Links to the fiches just moved onto the target now show the target too.
      refreshFichesCitingFiche(db, target.id);
      return { source: merged, target };
    },
    { behavior: "immediate" },
  );
}
