import { describe, expect, it } from "vitest";
import type { Viewer } from "./viewer";
import type { FicheAccessFacts } from "./fiche";
import { canAskQuestion, canComment, canEditComment, canModerateComment, canReadComment, canResolveThread, type CommentFacts } from "./comment";

const author: Viewer = { id: 1, name: "Alice", role: "contributeur", acteurIds: [] };
const porteur: Viewer = { id: 2, name: "Paul", role: "contributeur", acteurIds: [10] };
const other: Viewer = { id: 5, name: "Odile", role: "contributeur", acteurIds: [] };
const moderateur: Viewer = { id: 3, name: "Mo", role: "moderateur", acteurIds: [] };
const publiee: FicheAccessFacts = { statut: "publiee", verrouillee: false, createdBy: 9, porteurIds: [10], masquee: false };
const locked: FicheAccessFacts = { ...publiee, verrouillee: true };
const opening: CommentFacts = { authorId: author.id, statut: "publie" };

describe("comment policies", () => {
  it("let signed-in readers comment, not on a hidden fiche nor on a draft they cannot read", () => {
    expect([null, author, moderateur].map((v) => canComment(v, publiee))).toEqual([false, true, true]);
    expect(canComment(moderateur, { ...publiee, masquee: true })).toBe(false);
    expect(canComment(other, { ...publiee, statut: "brouillon" })).toBe(false);
  });

  it("let visitors only ask, and only on a published fiche", () => {
    expect(canAskQuestion(null, publiee)).toBe(true);
    expect(canAskQuestion(author, publiee)).toBe(false);
    expect(canAskQuestion(null, { ...publiee, statut: "archivee" })).toBe(false);
    expect(canAskQuestion(null, { ...publiee, masquee: true })).toBe(false);
  });

  it("show waiting and hidden messages to moderators only", () => {
    for (const statut of ["en_attente", "masque"] as const) {
      expect(canReadComment(null, publiee, { authorId: null, statut })).toBe(false);
      expect(canReadComment(author, publiee, { authorId: author.id, statut })).toBe(false);
      expect(canReadComment(moderateur, publiee, { authorId: null, statut })).toBe(true);
    }
    expect(canReadComment(null, publiee, opening)).toBe(true);
  });

  it("let only the author edit a shown message", () => {
    expect([author, other, moderateur].map((v) => canEditComment(v, publiee, opening))).toEqual([true, false, false]);
    expect(canEditComment(author, publiee, { ...opening, statut: "masque" })).toBe(false);
  });

  it("let the thread's author, the fiche's editors and moderators resolve", () => {
    expect([null, author, porteur, other, moderateur].map((v) => canResolveThread(v, publiee, opening))).toEqual([false, true, true, true, true]);
    // A locked fiche is edited by its porteurs only: others may no longer resolve its threads.
    expect([author, porteur, other, moderateur].map((v) => canResolveThread(v, locked, opening))).toEqual([true, true, false, true]);
  });

  it("give moderation to moderators", () => {
    expect([null, author, porteur, moderateur].map(canModerateComment)).toEqual([false, false, false, true]);
  });
});
