import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { getReprise } from "@/db/queries/reprise";
import { acteur, fiche, reprise, type Reprise } from "@/db/schema";
import { canDeclareReprise, canWithdrawReprise, isRepriseOpen } from "@/lib/policies/reprise";
import type { RepriseInput } from "@/lib/reprise/schema";
import { authorize, type Actor } from "./authorize";
import { DomainError } from "./errors";
import { recordEvent } from "./notification";
import { indexFiche } from "./search";

const IMMEDIATE = { behavior: "immediate" } as const;

function requireFiche(db: Db, ficheId: number) {
  const row = db.select({ type: fiche.type, statut: fiche.statut, masquee: fiche.masquee }).from(fiche).where(eq(fiche.id, ficheId)).get();
  if (!row) throw new DomainError("not_found", "Cette fiche n'existe pas.", undefined, `No fiche with id ${ficheId}.`);
  return row;
}

function requireActeur(db: Db, acteurId: number): void {
  if (!db.select({ id: acteur.id }).from(acteur).where(eq(acteur.id, acteurId)).get()) {
    throw new DomainError("acteur_not_found", "Cet acteur n'existe pas.", "acteurId", `No acteur with id ${acteurId}.`);
  }
}

/** The declaration and whether it is new (false: an existing one was updated). */
export type DeclaredReprise = { reprise: Reprise; created: boolean };

/**
 * "Nous l'avons reprise": records, or updates, the take-up of a fiche by an acteur. Only a new
 * declaration notifies the fiche's followers; correcting it later tells nobody again.
 */
export function declareReprise(db: Db, actor: Actor, input: RepriseInput): DeclaredReprise {
  const outcome = db.transaction((tx) => {
    const facts = requireFiche(db, input.ficheId);
    if (!isRepriseOpen(facts)) {
      throw new DomainError(
        "reprise_closed",
        "Seules les pratiques et les fiches pratiques publiées peuvent être déclarées reprises.",
        undefined,
        `Fiche ${input.ficheId} is not a published pratique or fiche pratique.`,
      );
    }
    requireActeur(db, input.acteurId);
    authorize(
      actor,
      (viewer) => canDeclareReprise(viewer, input.acteurId, facts),
      "Seuls les membres de cet acteur peuvent déclarer qu'il a repris cette pratique.",
      `Only members of acteur ${input.acteurId} may declare its take-ups.`,
    );
    const declaredBy = actor !== null && typeof actor === "object" ? actor.id : null;
    const values = { commune: input.commune, depuis: input.depuis, changements: input.changements };
    const existing = getReprise(tx, input.ficheId, input.acteurId);
    if (existing) {
      const updated = tx.update(reprise).set({ ...values, updatedAt: new Date() }).where(eq(reprise.id, existing.id)).returning().get();
      return { reprise: updated, created: false };
    }
    const created = tx.insert(reprise).values({ ...values, ficheId: input.ficheId, acteurId: input.acteurId, declaredBy }).returning().get();
    return { reprise: created, created: true };
  }, IMMEDIATE);
  // The search facet « Pratiques reprises » is derived from the rows: a new take-up may turn it on.
  if (outcome.created) indexFiche(db, outcome.reprise.ficheId);
  if (outcome.created && outcome.reprise.declaredBy !== null) {
    // After the commit, and never fatal: the declaration is what the member came to record.
    try {
      recordEvent(db, {
        kind: "reprise",
        repriseId: outcome.reprise.id,
        ficheId: outcome.reprise.ficheId,
        acteurId: outcome.reprise.acteurId,
        actorId: outcome.reprise.declaredBy,
      });
    } catch (error) {
      console.error("Notifying the reprise failed:", error);
    }
  }
  return outcome;
}

/** Withdraws an acteur's take-up of a fiche. */
export function withdrawReprise(db: Db, actor: Actor, input: { ficheId: number; acteurId: number }): void {
  db.transaction((tx) => {
    authorize(
      actor,
      (viewer) => canWithdrawReprise(viewer, input.acteurId),
      "Seuls les membres de cet acteur peuvent retirer sa reprise.",
      `Only members of acteur ${input.acteurId} may withdraw its take-ups.`,
    );
    const deleted = tx.delete(reprise).where(and(eq(reprise.ficheId, input.ficheId), eq(reprise.acteurId, input.acteurId))).run();
    if (deleted.changes === 0) {
      throw new DomainError("reprise_not_found", "Cet acteur n'a pas déclaré reprendre cette fiche.", undefined, "No such take-up.");
    }
  }, IMMEDIATE);
  indexFiche(db, input.ficheId);
}

/**
 * Moves the take-ups of a merged fiche onto the fiche it was merged into. An acteur that declared
 * both keeps its declaration of the target, the one readers now see.
 */
export function moveReprises(db: Db, fromFicheId: number, toFicheId: number): void {
  db.run(sql`update or ignore ${reprise} set fiche_id = ${toFicheId} where fiche_id = ${fromFicheId}`);
  db.delete(reprise).where(eq(reprise.ficheId, fromFicheId)).run();
  indexFiche(db, toFicheId);
}
