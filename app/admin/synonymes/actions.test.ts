import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";
import { listSearchSynonyms } from "@/server/search/synonyms";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { createSynonymGroup, deleteSynonymGroup, updateSynonymGroup } = await import("./actions");

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
};

beforeEach(() => {
  session.viewer = null;
});

describe("synonym group actions", () => {
  it("refuse visitors, contributors and moderators, and change nothing", async () => {
    const before = listSearchSynonyms(getTestDb()).length;
    expect(await createSynonymGroup(null, form({ expressions: "tablette\niPad" }))).toMatchObject({ ok: false, code: "unauthenticated" });
    for (const role of ["contributeur", "moderateur"] as const) {
      session.viewer = getViewerById(getTestDb(), buildUser({ role }).id);
      expect(await createSynonymGroup(null, form({ expressions: "tablette\niPad" }))).toMatchObject({
        ok: false,
        code: "forbidden",
        message: "Seuls les administrateurs modifient les synonymes de la recherche.",
      });
    }
    expect(listSearchSynonyms(getTestDb())).toHaveLength(before);
  });

  it("let an admin add, edit and delete a group, with French messages on the textarea", async () => {
    session.viewer = getViewerById(getTestDb(), buildUser({ role: "admin" }).id);
    expect(await createSynonymGroup(null, form({ expressions: "tablette" }))).toMatchObject({
      ok: false,
      fieldErrors: { expressions: ["Un groupe réunit au moins deux expressions, une par ligne."] },
      values: { expressions: "tablette" },
    });
    expect(await createSynonymGroup(null, form({ expressions: `tablette\n${"x".repeat(81)}` }))).toMatchObject({
      ok: false,
      fieldErrors: { expressions: ["Une expression compte 80 caractères au maximum."] },
    });
    expect(await createSynonymGroup(null, form({ expressions: "tablette\niPad\n" }))).toMatchObject({
      ok: true,
      message: "Le groupe « tablette », « iPad » a été ajouté.",
    });
    const group = listSearchSynonyms(getTestDb()).find((g) => g.expressions.includes("iPad"))!;
    expect(await updateSynonymGroup(null, form({ synonymId: String(group.id), expressions: "tablette\niPad\ntablette tactile" }))).toMatchObject({ ok: true });
    expect(listSearchSynonyms(getTestDb()).find((g) => g.id === group.id)?.expressions).toEqual(["tablette", "iPad", "tablette tactile"]);
    expect(await deleteSynonymGroup(null, form({ synonymId: String(group.id) }))).toMatchObject({ ok: true, message: "Le groupe a été supprimé." });
    expect(listSearchSynonyms(getTestDb()).some((g) => g.id === group.id)).toBe(false);
  });
});
