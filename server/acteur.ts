import { and, count, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { uniqueSlug } from "@/db/queries/slug";
import { acteur, acteurTheme, ficheActeur, membership, taxonomyTerm, user, type Acteur } from "@/db/schema";
import { canCreateActeur, canEditActeur } from "@/lib/policies/acteur";
import type { ActeurInput } from "@/lib/schemas/acteur";
import { authorize, SYSTEM, type Actor } from "./authorize";
import { DomainError } from "./errors";
import { refreshFichesCitingActeur } from "./fiche-links";
import { indexActeur } from "./search";
import { requireActiveUserByEmail } from "./user";

const EDIT_FORBIDDEN = "Seuls les membres de cet acteur et les modérateurs peuvent le modifier.";

function mayEdit(actor: Actor, acteurId: number): void {
  authorize(actor, (viewer) => canEditActeur(viewer, acteurId), EDIT_FORBIDDEN, "Only members of this acteur and moderators may change it.");
}

function setThemes(tx: Tx, acteurId: number, termIds: number[]): void {
  if (termIds.length) {
    const known = tx
      .select({ id: taxonomyTerm.id })
      .from(taxonomyTerm)
      .where(and(eq(taxonomyTerm.taxonomy, "theme"), inArray(taxonomyTerm.id, termIds)))
      .all();
    if (known.length !== termIds.length) {
      throw new DomainError("unknown_theme", "Un des thèmes choisis n'existe plus : rechargez la page et choisissez à nouveau.", "themes", "Unknown theme id.");
    }
  }
  tx.delete(acteurTheme).where(eq(acteurTheme.acteurId, acteurId)).run();
  if (termIds.length) tx.insert(acteurTheme).values(termIds.map((termId) => ({ acteurId, termId }))).run();
}

function columnsOf(input: ActeurInput) {
  return {
    nom: input.nom,
    categorie: input.categorie,
    typologie: input.typologie,
    description: input.description ?? "",
    siteWeb: input.siteWeb ?? null,
    courriel: input.courriel ?? null,
    telephone: input.telephone ?? null,
    siret: input.siret ?? null,
    rna: input.rna ?? null,
  };
}

/**
 * Creates an acteur with its themes; the person creating it becomes its first member. An acteur
 * the system reads from a document (server/importer) has no creator and no member until its people join it.
 */
export function createActeur(db: Db, actor: Actor, input: ActeurInput): Acteur {
  authorize(actor, canCreateActeur, "Connectez-vous pour présenter une organisation.", "Sign in to create an acteur.");
  const creatorId = actor === SYSTEM ? null : actor!.id;
  return db.transaction((tx) => {
    const created = tx
      .insert(acteur)
      .values({ ...columnsOf(input), slug: uniqueSlug(tx, acteur, acteur.slug, input.nom, "acteur", ["nouveau"]), createdBy: creatorId })
      .returning()
      .get();
    setThemes(tx, created.id, input.themes);
    if (creatorId !== null) tx.insert(membership).values({ userId: creatorId, acteurId: created.id }).run();
    indexActeur(db, created.id);
    return created;
  });
}

/** Updates an acteur and its themes. The slug is kept on rename, so that shared links keep working. */
export function updateActeur(db: Db, actor: Actor, acteurId: number, input: ActeurInput): Acteur {
  mayEdit(actor, acteurId);
  return db.transaction((tx) => {
    const previousNom = tx.select({ nom: acteur.nom }).from(acteur).where(eq(acteur.id, acteurId)).get()?.nom;
    const updated = tx
      .update(acteur)
      .set({ ...columnsOf(input), updatedAt: new Date() })
      .where(eq(acteur.id, acteurId))
      .returning()
      .get();
    if (!updated) throw new DomainError("acteur_not_found", "Cet acteur n'existe plus.", undefined, `No acteur with id ${acteurId}.`);
    setThemes(tx, acteurId, input.themes);
    // Fiches that mention the acteur show its name: re-render them with the new one.
    if (previousNom !== updated.nom) refreshFichesCitingActeur(db, acteurId);
    indexActeur(db, acteurId);
    return updated;
  });
}

/**
 * Makes the registered user with this email a member of the acteur. Only members and moderators
 * get past the policy, so saying that no account uses the address reveals nothing to a stranger.
 */
export function addMember(db: Db, actor: Actor, acteurId: number, email: string): { id: number; name: string } {
  mayEdit(actor, acteurId);
  const found = requireActiveUserByEmail(db, email);
  const inserted = db.insert(membership).values({ userId: found.id, acteurId }).onConflictDoNothing().run();
  if (inserted.changes === 0) {
    throw new DomainError("already_member", `${found.name} est déjà membre de cet acteur.`, "email", "Already a member.");
  }
  return { id: found.id, name: found.name };
}

/**
 * Removes a member (or lets one leave) and returns who it was. The last member of an acteur that
 * porte fiches must hand over first: those fiches would otherwise have nobody to manage them.
 * Without fiches, the last one may leave, and the acteur can be claimed again.
 */
export function removeMember(db: Db, actor: Actor, acteurId: number, userId: number): { id: number; name: string } {
  mayEdit(actor, acteurId);
  return db.transaction((tx) => {
    const members = tx.select({ n: count() }).from(membership).where(eq(membership.acteurId, acteurId)).get()!.n;
    const isMember = tx
      .select({ id: user.id, name: user.name })
      .from(membership)
      .innerJoin(user, eq(user.id, membership.userId))
      .where(and(eq(membership.acteurId, acteurId), eq(membership.userId, userId)))
      .get();
    if (!isMember) throw new DomainError("not_a_member", "Cette personne n'est pas membre de cet acteur.", undefined, "Not a member.");
    const portsFiches = tx
      .select({ ficheId: ficheActeur.ficheId })
      .from(ficheActeur)
      .where(and(eq(ficheActeur.acteurId, acteurId), eq(ficheActeur.role, "porteur")))
      .limit(1)
      .get();
    if (members <= 1 && portsFiches) {
      throw new DomainError(
        "last_member",
        "Cet acteur porte des fiches : ajoutez d'abord comme membre la personne qui prendra le relais, puis vous pourrez le quitter.",
        undefined,
        "The last member of an acteur that porte fiches cannot leave before handing over.",
      );
    }
    tx.delete(membership).where(and(eq(membership.acteurId, acteurId), eq(membership.userId, userId))).run();
    return isMember;
  });
}
