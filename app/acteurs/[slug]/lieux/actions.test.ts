import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildActeur, buildLieu, buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getLieuById } from "@/db/queries/lieu";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw new Error(`REDIRECT ${url}`);
  },
}));

const { createLieuAction, deleteLieuAction, updateLieuAction } = await import("./actions");
const { createActeurAction } = await import("../../actions");

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const v of [value].flat()) data.append(key, v);
  return data;
}
const lieu = { nom: "Permanence numérique", adresse: "1 place Pey Berland", codePostal: "33000", commune: "Bordeaux", services: "Aide aux démarches administratives" };
const signInAs = (userId: number | null) => (session.viewer = userId === null ? null : getViewerById(getTestDb(), userId));

beforeEach(() => {
  session.viewer = null;
});

describe("createActeurAction", () => {
  it("asks visitors to sign in, and opens the new acteur's page for a contributor, now its member", async () => {
    const input = { nom: "Café numérique", categorie: "prive", typologie: "entreprise" };
    expect(await createActeurAction(null, form(input))).toMatchObject({ ok: false, code: "unauthenticated" });
    const author = buildUser();
    signInAs(author.id);
    await expect(createActeurAction(null, form(input))).rejects.toThrow("REDIRECT /acteurs/cafe-numerique?cree=1");
    expect(getViewerById(getTestDb(), author.id)!.acteurIds).toHaveLength(1);
  });
});

describe("lieu actions", () => {
  it("lets only members and moderators add a lieu", async () => {
    const member = buildUser();
    const target = buildActeur({ members: [member] });
    signInAs(buildUser().id);
    expect(await createLieuAction(target.id, null, form(lieu))).toMatchObject({ ok: false, code: "forbidden" });
    signInAs(member.id);
    await expect(createLieuAction(target.id, null, form(lieu))).rejects.toThrow(new RegExp(`^REDIRECT /acteurs/${target.slug}\\?lieu=ajoute#lieu-\\d+$`));
  });

  it("stores French opening hours in OSM syntax, and returns the French error on the field", async () => {
    const member = buildUser();
    const target = buildActeur({ members: [member] });
    const existing = buildLieu(target.id);
    signInAs(member.id);
    await expect(updateLieuAction(existing.id, null, form({ ...lieu, horaires: "du lundi au vendredi de 9h à 12h\nfermé les jours fériés" }))).rejects.toThrow(/^REDIRECT /);
    expect(getLieuById(getTestDb(), existing.id)!.horaires).toBe("Mo-Fr 09:00-12:00; PH off");
    const state = await updateLieuAction(existing.id, null, form({ ...lieu, horaires: "lundi soir" }));
    expect(state).toMatchObject({ ok: false, values: { horaires: "lundi soir" } });
    expect(state.ok ? null : state.fieldErrors?.horaires?.[0]).toMatch(/^« soir » n'est pas compris\./);
    expect(getLieuById(getTestDb(), existing.id)!.horaires).toBe("Mo-Fr 09:00-12:00; PH off");
  });

  it("checks the acteur the lieu really belongs to, whatever id the browser sends", async () => {
    const member = buildUser();
    buildActeur({ members: [member] });
    const other = buildActeur();
    const theirs = buildLieu(other.id, { nom: "Pas à moi" });
    signInAs(member.id);
    expect(await updateLieuAction(theirs.id, null, form(lieu))).toMatchObject({ ok: false, code: "forbidden" });
    expect(await deleteLieuAction(theirs.id, null, form({}))).toMatchObject({ ok: false, code: "forbidden" });
    expect(getLieuById(getTestDb(), theirs.id)!.nom).toBe("Pas à moi");
  });

  it("keeps what was typed when the lieu is refused, and deletes for a moderator", async () => {
    const member = buildUser();
    const target = buildActeur({ members: [member] });
    const existing = buildLieu(target.id);
    signInAs(member.id);
    const state = await updateLieuAction(existing.id, null, form({ ...lieu, codePostal: "330", services: ["Aide aux démarches administratives", "Inventé"] }));
    expect(state).toMatchObject({ ok: false, values: { codePostal: "330", services: ["Aide aux démarches administratives", "Inventé"] } });
    expect(state.ok ? null : state.fieldErrors).toEqual({
      codePostal: ["Le code postal compte 5 chiffres, par exemple 33000."],
      services: ["« Inventé » ne fait pas partie des choix de « Services proposés »."],
    });
    signInAs(buildUser({ role: "moderateur" }).id);
    await expect(deleteLieuAction(existing.id, null, form({}))).rejects.toThrow(`REDIRECT /acteurs/${target.slug}/modifier?lieu=supprime`);
    expect(getLieuById(getTestDb(), existing.id)).toBeUndefined();
    expect(await deleteLieuAction(existing.id, null, form({}))).toMatchObject({ ok: false, code: "not_found" });
  });
});
