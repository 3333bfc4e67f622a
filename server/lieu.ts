import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { acteur, lieu, type Lieu } from "@/db/schema";
import { canEditActeur } from "@/lib/policies/acteur";
import type { LieuInput } from "@/lib/schemas/lieu";
import { authorize, type Actor } from "./authorize";
import { DomainError } from "./errors";
import { indexActeur } from "./search";

function columnsOf(input: LieuInput) {
  return {
    nom: input.nom,
    adresse: input.adresse,
    complementAdresse: input.complementAdresse ?? null,
    codePostal: input.codePostal,
    commune: input.commune,
    codeInsee: input.codeInsee ?? null,
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
    telephone: input.telephone ?? null,
    courriels: input.courriels,
    siteWeb: input.siteWeb,
    horaires: input.horaires ?? null,
    services: input.services,
    publicsSpecifiquementAdresses: input.publicsSpecifiquementAdresses,
    priseEnChargeSpecifique: input.priseEnChargeSpecifique,
    fraisACharge: input.fraisACharge,
    modalitesAcces: input.modalitesAcces,
    modalitesAccompagnement: input.modalitesAccompagnement,
    itinerance: input.itinerance,
    presentationResume: input.presentationResume ?? null,
    presentationDetail: input.presentationDetail ?? null,
  };
}

const notFound = (id: number) => new DomainError("lieu_not_found", "Ce lieu n'existe plus.", undefined, `No lieu with id ${id}.`);

// Checked against the acteur the lieu really belongs to, read from the database, never the caller's word.
function mayEditLieuxOf(actor: Actor, acteurId: number): void {
  authorize(
    actor,
    (viewer) => canEditActeur(viewer, acteurId),
    "Seuls les membres de cet acteur et les modérateurs peuvent modifier ses lieux.",
    "Only members of this acteur and moderators may change its lieux.",
  );
}

function acteurIdOfLieu(tx: Tx, lieuId: number): number {
  const found = tx.select({ acteurId: lieu.acteurId }).from(lieu).where(eq(lieu.id, lieuId)).get();
  if (!found) throw notFound(lieuId);
  return found.acteurId;
}

// A change to a lieu is a change to its acteur's profile: the directory dates it.
// An acteur is searched by its lieux' communes and names too: reindex it with them.
function touchActeur(db: Db, tx: Tx, acteurId: number): void {
  tx.update(acteur).set({ updatedAt: new Date() }).where(eq(acteur.id, acteurId)).run();
  indexActeur(db, acteurId);
}

/** Adds a lieu to an acteur. */
export function createLieu(db: Db, actor: Actor, acteurId: number, input: LieuInput): Lieu {
  mayEditLieuxOf(actor, acteurId);
  return db.transaction((tx) => {
    const exists = tx.select({ id: acteur.id }).from(acteur).where(eq(acteur.id, acteurId)).get();
    if (!exists) throw new DomainError("acteur_not_found", "Cet acteur n'existe plus.", undefined, `No acteur with id ${acteurId}.`);
    const created = tx.insert(lieu).values({ ...columnsOf(input), acteurId }).returning().get();
    touchActeur(db, tx, acteurId);
    return created;
  });
}

/** Replaces every field of a lieu. */
export function updateLieu(db: Db, actor: Actor, lieuId: number, input: LieuInput): Lieu {
  return db.transaction((tx) => {
    mayEditLieuxOf(actor, acteurIdOfLieu(tx, lieuId));
    const updated = tx
      .update(lieu)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(eq(lieu.id, lieuId))
      .returning()
      .get();
    if (!updated) throw notFound(lieuId);
    touchActeur(db, tx, updated.acteurId);
    return updated;
  });
}

/** Deletes a lieu; the fiches that named it lose the link (cascade). */
export function deleteLieu(db: Db, actor: Actor, lieuId: number): void {
  db.transaction((tx) => {
    mayEditLieuxOf(actor, acteurIdOfLieu(tx, lieuId));
    const deleted = tx.delete(lieu).where(eq(lieu.id, lieuId)).returning({ acteurId: lieu.acteurId }).get();
    if (!deleted) throw notFound(lieuId);
    touchActeur(db, tx, deleted.acteurId);
  });
}
