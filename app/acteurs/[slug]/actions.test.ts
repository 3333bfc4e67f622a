import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getActeurBySlug } from "@/db/queries/acteur";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";

// The actions read the session and talk to Next's router; both are replaced so that the test can
// sign in as anyone and see where an action redirects.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));

const { addMemberAction, removeMemberAction, updateActeurAction } = await import("./actions");

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}
const profile = { nom: "Centre social Bordeaux Nord", categorie: "non_lucratif", typologie: "centre_social" };
const signInAs = (userId: number | null) => (session.viewer = userId === null ? null : getViewerById(getTestDb(), userId));

beforeEach(() => {
  session.viewer = null;
});

describe("updateActeurAction", () => {
  it("refuses visitors and non-members, and changes nothing", async () => {
    const member = buildUser();
    const target = buildActeur({ nom: "Avant", members: [member] });
    expect(await updateActeurAction(target.id, null, form(profile))).toMatchObject({ ok: false, code: "unauthenticated" });
    signInAs(buildUser().id);
    expect(await updateActeurAction(target.id, null, form(profile))).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Seuls les membres de cet acteur et les modérateurs peuvent le modifier.",
    });
    expect(getActeurBySlug(getTestDb(), target.slug)!.nom).toBe("Avant");
  });

  it("lets a member and a moderator save", async () => {
    const member = buildUser();
    const target = buildActeur({ members: [member] });
    signInAs(member.id);
    expect(await updateActeurAction(target.id, null, form(profile))).toMatchObject({ ok: true, message: "Modifications enregistrées." });
    signInAs(buildUser({ role: "moderateur" }).id);
    expect(await updateActeurAction(target.id, null, form({ ...profile, nom: "Renommé" }))).toMatchObject({ ok: true });
    expect(getActeurBySlug(getTestDb(), target.slug)!.nom).toBe("Renommé");
  });

  it("returns the errors field by field with what was typed", async () => {
    const member = buildUser();
    const target = buildActeur({ members: [member] });
    signInAs(member.id);
    const state = await updateActeurAction(target.id, { submission: 4 } as never, form({ ...profile, siret: "123", themes: ["1", "2"] }));
    expect(state).toMatchObject({ ok: false, code: "invalid", submission: 5, values: { siret: "123", themes: ["1", "2"], nom: profile.nom } });
    expect(state.ok ? null : Object.keys(state.fieldErrors ?? {})).toEqual(["siret"]);
  });
});

describe("member actions", () => {
  it("lets a member add a registered person, not a stranger", async () => {
    const member = buildUser();
    const newcomer = buildUser({ name: "Nadia", email: "nadia@exemple.fr" });
    const target = buildActeur({ members: [member] });
    signInAs(buildUser().id);
    expect(await addMemberAction(target.id, null, form({ email: "nadia@exemple.fr" }))).toMatchObject({ ok: false, code: "forbidden" });
    signInAs(member.id);
    expect(await addMemberAction(target.id, null, form({ email: "inconnue@exemple.fr" }))).toMatchObject({
      ok: false,
      fieldErrors: { email: [expect.stringMatching(/^Aucun compte avec cette adresse/)] },
      values: { email: "inconnue@exemple.fr" },
    });
    expect(await addMemberAction(target.id, null, form({ email: "nadia@exemple.fr" }))).toMatchObject({ ok: true, message: "Nadia est maintenant membre." });
    expect(getViewerById(getTestDb(), newcomer.id)!.acteurIds).toContain(target.id);
  });

  it("removes a member, and sends someone who leaves back to the public page", async () => {
    const first = buildUser();
    const second = buildUser({ name: "Sam" });
    const target = buildActeur({ members: [first, second] });
    signInAs(first.id);
    expect(await removeMemberAction(target.id, null, form({ userId: String(second.id) }))).toMatchObject({ ok: true, message: "Sam ne fait plus partie des membres." });
    signInAs(buildUser().id);
    expect(await removeMemberAction(target.id, null, form({ userId: String(first.id) }))).toMatchObject({ ok: false, code: "forbidden" });
    const third = buildUser();
    getTestDb().$client.prepare("insert into membership (user_id, acteur_id) values (?, ?)").run(third.id, target.id);
    signInAs(third.id);
    await expect(removeMemberAction(target.id, null, form({ userId: String(third.id) }))).rejects.toThrow(`REDIRECT /acteurs/${target.slug}?quitte=1`);
  });
});
