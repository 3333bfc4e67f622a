import { describe, expect, it } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { listFollowsOfUser } from "@/db/queries/follow";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { createCatalogue, deleteCatalogue, duplicateCatalogue } from "./catalogue";
import { domainErrorOf } from "./domain-error-testing";
import { createFiche, insertFiche } from "./fiche";
import { followTarget, isFollowing, listFollowerIds, removeFollowsOfTarget, setFollow, unfollowTarget } from "./follow";
import { createTerm, deleteTerm } from "./taxonomy";

const viewerOf = (values: Parameters<typeof buildUser>[0] = {}) => getViewerById(getTestDb(), buildUser(values).id)!;
const catalogueFields = { description: "", publicVise: "", objectifs: "", duree: "" };

describe("follow", () => {
  it("follows once however many times one asks, and unfollows", () => {
    const db = getTestDb();
    const person = buildUser();
    followTarget(db, person.id, "fiche", 41);
    followTarget(db, person.id, "fiche", 41);
    expect(isFollowing(db, person.id, "fiche", 41)).toBe(true);
    expect(listFollowerIds(db, "fiche", 41)).toEqual([person.id]);
    unfollowTarget(db, person.id, "fiche", 41);
    unfollowTarget(db, person.id, "fiche", 41);
    expect(isFollowing(db, person.id, "fiche", 41)).toBe(false);
    expect(listFollowerIds(db, "fiche", 41)).toEqual([]);
  });

  it("keeps targets of different types apart", () => {
    const db = getTestDb();
    const person = buildUser();
    followTarget(db, person.id, "acteur", 7);
    expect(isFollowing(db, person.id, "catalogue", 7)).toBe(false);
    expect(listFollowerIds(db, "theme", 7)).toEqual([]);
  });

  it("lists every follower of a target, and removes them all with the target", () => {
    const db = getTestDb();
    const [a, b] = [buildUser(), buildUser()];
    followTarget(db, a.id, "catalogue", 3);
    followTarget(db, b.id, "catalogue", 3);
    followTarget(db, a.id, "catalogue", 4);
    expect(listFollowerIds(db, "catalogue", 3).sort()).toEqual([a.id, b.id].sort());
    removeFollowsOfTarget(db, "catalogue", 3);
    expect(listFollowerIds(db, "catalogue", 3)).toEqual([]);
    expect(listFollowerIds(db, "catalogue", 4)).toEqual([a.id]);
  });
});

describe("setFollow", () => {
  it("follows what the person may read and lists it, then unfollows it", () => {
    const db = getTestDb();
    const person = viewerOf();
    const fiche = insertFiche(db, { type: "pratique", titre: "Café numérique", createdBy: null, statut: "publiee" });
    const structure = buildActeur();
    setFollow(db, person, { targetType: "fiche", targetId: fiche.id, following: true });
    setFollow(db, person, { targetType: "acteur", targetId: structure.id, following: true });
    expect(listFollowsOfUser(db, person.id).map((f) => [f.targetType, f.label, f.href])).toEqual([
      ["fiche", "Café numérique", `/fiches/${fiche.slug}`],
      ["acteur", structure.nom, `/acteurs/${structure.slug}`],
    ]);
    setFollow(db, person, { targetType: "fiche", targetId: fiche.id, following: false });
    expect(isFollowing(db, person.id, "fiche", fiche.id)).toBe(false);
  });

  it("refuses visitors, what does not exist, and a draft the person may not read", () => {
    const db = getTestDb();
    const person = viewerOf();
    const draft = insertFiche(db, { type: "pratique", titre: "Brouillon d'un autre", createdBy: buildUser().id });
    expect(domainErrorOf(() => setFollow(db, null, { targetType: "acteur", targetId: buildActeur().id, following: true })).code).toBe("forbidden");
    expect(domainErrorOf(() => setFollow(db, person, { targetType: "fiche", targetId: draft.id, following: true })).code).toBe("follow_target_not_found");
    expect(domainErrorOf(() => setFollow(db, person, { targetType: "theme", targetId: 999_999, following: true })).code).toBe("follow_target_not_found");
    expect(listFollowsOfUser(db, person.id)).toEqual([]);
  });
});

describe("follows kept in step with their targets", () => {
  it("makes authors follow the fiche and the catalogues they create or copy", () => {
    const db = getTestDb();
    const author = viewerOf();
    const fiche = createFiche(db, author, { type: "idee", titre: "Un atelier de réparation" });
    const created = createCatalogue(db, author, { titre: "Parcours", ...catalogueFields });
    const copy = duplicateCatalogue(db, author, created.id).catalogue;
    expect(isFollowing(db, author.id, "fiche", fiche.id)).toBe(true);
    expect(isFollowing(db, author.id, "catalogue", created.id)).toBe(true);
    expect(isFollowing(db, author.id, "catalogue", copy.id)).toBe(true);
  });

  it("removes the follows of a deleted catalogue and of a deleted theme, in the deleting transaction", () => {
    const db = getTestDb();
    const owner = viewerOf();
    const reader = buildUser();
    const created = createCatalogue(db, owner, { titre: "À supprimer", ...catalogueFields });
    followTarget(db, reader.id, "catalogue", created.id);
    deleteCatalogue(db, owner, created.id);
    expect(listFollowerIds(db, "catalogue", created.id)).toEqual([]);

    const admin = viewerOf({ role: "admin" });
    const theme = createTerm(db, admin, { taxonomy: "theme", label: "Thème éphémère", description: "" });
    followTarget(db, reader.id, "theme", theme.id);
    deleteTerm(db, admin, theme.id);
    expect(listFollowerIds(db, "theme", theme.id)).toEqual([]);
  });
});
