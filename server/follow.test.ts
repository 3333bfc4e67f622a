import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { followTarget, isFollowing, listFollowerIds, removeFollowsOfTarget, unfollowTarget } from "./follow";

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
