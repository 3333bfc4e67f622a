import { describe, expect, it } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { getActeurBySlug } from "@/db/queries/acteur";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { canEditActeur } from "@/lib/policies/acteur";
import { requestActeurClaimSchema } from "@/lib/schemas/acteur-claim";
import {
  acceptActeurClaim,
  getOpenActeurClaim,
  listOpenActeurClaims,
  listOwnActeurClaims,
  OPEN_CLAIMS_PER_PERSON_MAX,
  refuseActeurClaim,
  requestActeurClaim,
} from "./acteur-claim";
import { DomainError } from "./errors";

const claimInput = { message: "Je coordonne l'équipe de médiation numérique depuis 2021.", fonction: "Coordinatrice" };

function domainCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  throw new Error("no DomainError thrown");
}

function viewerOf(id: number) {
  return getViewerById(getTestDb(), id)!;
}

function setup() {
  const db = getTestDb();
  const orphan = buildActeur();
  const asker = buildUser();
  const moderator = buildUser({ role: "moderateur" });
  return { db, orphan, asker: viewerOf(asker.id), moderator: viewerOf(moderator.id) };
}

describe("requestActeurClaim", () => {
  it("opens one request per person and acteur, listed for moderators and for its author", () => {
    const { db, orphan, asker, moderator } = setup();
    const claim = requestActeurClaim(db, asker, orphan.id, claimInput);
    expect(claim).toMatchObject({ acteurId: orphan.id, userId: asker.id, decidedAt: null, decision: null });
    expect(getOpenActeurClaim(db, asker, orphan.id)?.id).toBe(claim.id);

    expect(domainCode(() => requestActeurClaim(db, asker, orphan.id, claimInput))).toBe("already_requested");
    const queue = listOpenActeurClaims(db, moderator).filter((c) => c.acteur.id === orphan.id);
    expect(queue).toEqual([expect.objectContaining({ id: claim.id, fonction: "Coordinatrice", person: expect.objectContaining({ id: asker.id }) })]);
    expect(listOwnActeurClaims(db, asker)).toEqual([expect.objectContaining({ id: claim.id, decision: null, acteur: { slug: orphan.slug, nom: orphan.nom } })]);
  });

  it("refuses a member, an acteur that has members (ask them) and a visitor", () => {
    const db = getTestDb();
    const member = buildUser();
    const managed = buildActeur({ members: [member] });
    const stranger = viewerOf(buildUser().id);
    expect(domainCode(() => requestActeurClaim(db, viewerOf(member.id), managed.id, claimInput))).toBe("already_member");
    expect(domainCode(() => requestActeurClaim(db, stranger, managed.id, claimInput))).toBe("has_members");
    expect(domainCode(() => requestActeurClaim(db, null, buildActeur().id, claimInput))).toBe("unauthenticated");
    expect(domainCode(() => requestActeurClaim(db, stranger, 999_999, claimInput))).toBe("not_found");
  });

  it("caps the open requests of one person", () => {
    const db = getTestDb();
    const asker = viewerOf(buildUser().id);
    for (let i = 0; i < OPEN_CLAIMS_PER_PERSON_MAX; i++) requestActeurClaim(db, asker, buildActeur().id, claimInput);
    expect(domainCode(() => requestActeurClaim(db, asker, buildActeur().id, claimInput))).toBe("too_many_open");
  });

  it("validates the form with French messages and length limits", () => {
    const empty = requestActeurClaimSchema.safeParse({ message: "  ", fonction: "" });
    expect(empty.success).toBe(false);
    expect(empty.error!.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["message", "Votre message est obligatoire."],
      ["fonction", "Votre fonction dans l'organisation est obligatoire."],
    ]);
    const long = requestActeurClaimSchema.safeParse({ message: "x".repeat(2001), fonction: "y".repeat(121) });
    expect(long.error!.issues.map((i) => i.message)).toEqual(["2000 caractères au maximum.", "120 caractères au maximum."]);
  });
});

describe("deciding a request", () => {
  it("accepting makes the person a member who can edit the acteur, and records who decided", () => {
    const { db, orphan, asker, moderator } = setup();
    const claim = requestActeurClaim(db, asker, orphan.id, claimInput);
    const accepted = acceptActeurClaim(db, moderator, { claimId: claim.id, note: "Bienvenue !" });
    expect(accepted).toMatchObject({ decision: "acceptee", decidedBy: moderator.id, decisionNote: "Bienvenue !" });
    expect(accepted.decidedAt).toBeInstanceOf(Date);

    expect(getActeurBySlug(db, orphan.slug)!.members.map((m) => m.id)).toEqual([asker.id]);
    expect(canEditActeur(viewerOf(asker.id), orphan.id)).toBe(true);
    expect(getOpenActeurClaim(db, asker, orphan.id)).toBeUndefined();
    expect(listOpenActeurClaims(db, moderator).some((c) => c.id === claim.id)).toBe(false);
    expect(domainCode(() => refuseActeurClaim(db, moderator, { claimId: claim.id }))).toBe("already_decided");
  });

  it("refusing keeps the person out, tells them the note, and lets them ask again", () => {
    const { db, orphan, asker, moderator } = setup();
    const claim = requestActeurClaim(db, asker, orphan.id, claimInput);
    refuseActeurClaim(db, moderator, { claimId: claim.id, note: "Nous n'avons pas pu vérifier votre lien avec l'association." });

    expect(getActeurBySlug(db, orphan.slug)!.members).toEqual([]);
    expect(canEditActeur(viewerOf(asker.id), orphan.id)).toBe(false);
    expect(listOwnActeurClaims(db, asker)[0]).toMatchObject({
      decision: "refusee",
      decisionNote: "Nous n'avons pas pu vérifier votre lien avec l'association.",
    });
    expect(requestActeurClaim(db, asker, orphan.id, claimInput).id).not.toBe(claim.id);
  });

  it("only moderators list and decide", () => {
    const { db, orphan, asker } = setup();
    const claim = requestActeurClaim(db, asker, orphan.id, claimInput);
    const member = buildUser();
    buildActeur({ members: [member] });
    for (const viewer of [asker, viewerOf(member.id), null]) {
      expect(domainCode(() => acceptActeurClaim(db, viewer, { claimId: claim.id }))).toBe("forbidden");
      expect(domainCode(() => refuseActeurClaim(db, viewer, { claimId: claim.id }))).toBe("forbidden");
      expect(domainCode(() => listOpenActeurClaims(db, viewer))).toBe("forbidden");
    }
    expect(getActeurBySlug(db, orphan.slug)!.members).toEqual([]);
    expect(getOpenActeurClaim(db, asker, orphan.id)?.id).toBe(claim.id);
  });
});
