import { and, asc, count, desc, eq, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db/client";
import { acteur, acteurClaim, membership, user, type ActeurClaim } from "@/db/schema";
import type { ActeurClaimDecision } from "@/lib/acteur-claim/values";
import { canClaimActeur, canDecideActeurClaim } from "@/lib/policies/acteur";
import type { Viewer } from "@/lib/policies/viewer";
import type { DecideActeurClaimInput, RequestActeurClaimInput } from "@/lib/schemas/acteur-claim";
import { DomainError } from "./errors";

// Bounds the moderators' queue: one person cannot fill it with requests for the whole directory.
export const OPEN_CLAIMS_PER_PERSON_MAX = 5;

/** An open request as the moderators' queue shows it. */
export type OpenActeurClaimItem = {
  id: number;
  message: string;
  fonction: string;
  createdAt: Date;
  acteur: { id: number; slug: string; nom: string; memberCount: number };
  person: { id: number; name: string; email: string };
};

/** A request as its author sees it on their account page. */
export type OwnActeurClaimItem = {
  id: number;
  acteur: { slug: string; nom: string };
  createdAt: Date;
  decidedAt: Date | null;
  decision: ActeurClaimDecision | null;
  decisionNote: string | null;
};

/** What canClaimActeur needs to know of an acteur; undefined when it does not exist. */
export function getActeurClaimFacts(db: Db, acteurId: number): { id: number; memberCount: number } | undefined {
  const found = db.select({ id: acteur.id }).from(acteur).where(eq(acteur.id, acteurId)).get();
  if (!found) return undefined;
  return { id: found.id, memberCount: db.select({ n: count() }).from(membership).where(eq(membership.acteurId, acteurId)).get()!.n };
}

function openClaimOf(db: Db, userId: number, acteurId: number): ActeurClaim | undefined {
  return db
    .select()
    .from(acteurClaim)
    .where(and(eq(acteurClaim.acteurId, acteurId), eq(acteurClaim.userId, userId), isNull(acteurClaim.decidedAt)))
    .get();
}

/** The viewer's open request to manage this acteur, if any. */
export function getOpenActeurClaim(db: Db, viewer: Viewer | null, acteurId: number): ActeurClaim | undefined {
  return viewer ? openClaimOf(db, viewer.id, acteurId) : undefined;
}

/**
 * Asks the moderators to make the viewer a member of an acteur that has none. Refused when the
 * viewer already is a member, already has an open request for it, or when the acteur has members.
 */
export function requestActeurClaim(db: Db, viewer: Viewer | null, acteurId: number, input: RequestActeurClaimInput): ActeurClaim {
  if (!viewer) throw new DomainError("unauthenticated", "Connectez-vous pour demander à gérer cet acteur.", undefined, "Sign in to claim an acteur.");
  return db.transaction(
    () => {
      const facts = getActeurClaimFacts(db, acteurId);
      if (!facts) throw new DomainError("not_found", "Cet acteur n'existe pas ou plus.", undefined, `No acteur with id ${acteurId}.`);
      if (viewer.acteurIds.includes(acteurId)) {
        throw new DomainError("already_member", "Vous êtes déjà membre de cet acteur : vous pouvez le modifier.", undefined, "Already a member.");
      }
      if (!canClaimActeur(viewer, facts)) {
        throw new DomainError(
          "has_members",
          "Cet acteur a déjà des membres : demandez à l'un d'eux de vous ajouter.",
          undefined,
          "This acteur has members; ask one of them to add you.",
        );
      }
      if (openClaimOf(db, viewer.id, acteurId)) {
        throw new DomainError("already_requested", "Votre demande est déjà en attente : un modérateur va l'examiner.", undefined, "A request is already open.");
      }
      const open = db.select({ n: count() }).from(acteurClaim).where(and(eq(acteurClaim.userId, viewer.id), isNull(acteurClaim.decidedAt))).get()!.n;
      if (open >= OPEN_CLAIMS_PER_PERSON_MAX) {
        throw new DomainError(
          "too_many_open",
          `Vous avez déjà ${open} demandes en attente : attendez qu'un modérateur y réponde.`,
          undefined,
          `At most ${OPEN_CLAIMS_PER_PERSON_MAX} open requests per person.`,
        );
      }
      return db.insert(acteurClaim).values({ acteurId, userId: viewer.id, message: input.message, fonction: input.fonction }).returning().get();
    },
    { behavior: "immediate" },
  );
}

function assertModerator(viewer: Viewer | null): asserts viewer is Viewer {
  if (!canDecideActeurClaim(viewer)) {
    throw new DomainError("forbidden", "Seuls les modérateurs traitent les demandes de gestion.", undefined, `User ${viewer?.id ?? "anonymous"} may not decide claims.`);
  }
}

const person = alias(user, "person");

/** Open requests, oldest first, for the moderators' queue. */
export function listOpenActeurClaims(db: Db, viewer: Viewer | null, limit = 100): OpenActeurClaimItem[] {
  assertModerator(viewer);
  const memberCount = sql<number>`(select count(*) from ${membership} where ${membership.acteurId} = ${acteur.id})`.mapWith(Number);
  return db
    .select({
      id: acteurClaim.id,
      message: acteurClaim.message,
      fonction: acteurClaim.fonction,
      createdAt: acteurClaim.createdAt,
      acteurId: acteur.id,
      slug: acteur.slug,
      nom: acteur.nom,
      memberCount,
      personId: person.id,
      name: person.name,
      email: person.email,
    })
    .from(acteurClaim)
    .innerJoin(acteur, eq(acteur.id, acteurClaim.acteurId))
    .innerJoin(person, eq(person.id, acteurClaim.userId))
    .where(isNull(acteurClaim.decidedAt))
    .orderBy(asc(acteurClaim.createdAt), asc(acteurClaim.id))
    .limit(limit)
    .all()
    .map((r) => ({
      id: r.id,
      message: r.message,
      fonction: r.fonction,
      createdAt: r.createdAt,
      acteur: { id: r.acteurId, slug: r.slug, nom: r.nom, memberCount: r.memberCount },
      person: { id: r.personId, name: r.name, email: r.email },
    }));
}

/** The viewer's own requests, newest first, with the moderators' answers. */
export function listOwnActeurClaims(db: Db, viewer: Viewer | null): OwnActeurClaimItem[] {
  if (!viewer) return [];
  return db
    .select({
      id: acteurClaim.id,
      slug: acteur.slug,
      nom: acteur.nom,
      createdAt: acteurClaim.createdAt,
      decidedAt: acteurClaim.decidedAt,
      decision: acteurClaim.decision,
      decisionNote: acteurClaim.decisionNote,
    })
    .from(acteurClaim)
    .innerJoin(acteur, eq(acteur.id, acteurClaim.acteurId))
    .where(eq(acteurClaim.userId, viewer.id))
    .orderBy(desc(acteurClaim.createdAt), desc(acteurClaim.id))
    .all()
    .map(({ slug, nom, ...r }) => ({ ...r, acteur: { slug, nom } }));
}

function decide(db: Db, viewer: Viewer | null, input: DecideActeurClaimInput, decision: ActeurClaimDecision): ActeurClaim {
  assertModerator(viewer);
  return db.transaction(
    (tx) => {
      const claim = tx.select().from(acteurClaim).where(eq(acteurClaim.id, input.claimId)).get();
      if (!claim) throw new DomainError("not_found", "Cette demande n'existe plus.", undefined, `No claim with id ${input.claimId}.`);
      if (claim.decidedAt) {
        throw new DomainError("already_decided", "Cette demande a déjà été traitée, peut-être par un autre modérateur.", undefined, `Claim ${input.claimId} is already decided.`);
      }
      if (decision === "acceptee") tx.insert(membership).values({ userId: claim.userId, acteurId: claim.acteurId }).onConflictDoNothing().run();
      return tx
        .update(acteurClaim)
        .set({ decision, decidedAt: new Date(), decidedBy: viewer.id, decisionNote: input.note ?? null })
        .where(eq(acteurClaim.id, claim.id))
        .returning()
        .get();
    },
    { behavior: "immediate" },
  );
}

/** Accepts a request: its author becomes a member of the acteur, in the same transaction. Moderators only. */
export function acceptActeurClaim(db: Db, viewer: Viewer | null, input: DecideActeurClaimInput): ActeurClaim {
  return decide(db, viewer, input, "acceptee");
}

/** Refuses a request, with an optional note for its author; they stay out. Moderators only. */
export function refuseActeurClaim(db: Db, viewer: Viewer | null, input: DecideActeurClaimInput): ActeurClaim {
  return decide(db, viewer, input, "refusee");
}
