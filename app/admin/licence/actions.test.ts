import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";
import { getContentLicence } from "@/server/licence";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { chooseContentLicence } = await import("./actions");

const form = (licence: string) => {
  const data = new FormData();
  data.append("licence", licence);
  return data;
};

beforeEach(() => {
  session.viewer = null;
});

describe("chooseContentLicence", () => {
  it("refuses visitors, contributors and moderators, and changes nothing", async () => {
    expect(await chooseContentLicence(null, form("cc0-1.0"))).toMatchObject({ ok: false, code: "unauthenticated" });
    for (const role of ["contributeur", "moderateur"] as const) {
      session.viewer = getViewerById(getTestDb(), buildUser({ role }).id);
      expect(await chooseContentLicence(null, form("cc0-1.0"))).toMatchObject({ ok: false, code: "forbidden", message: "Seuls les administrateurs choisissent la licence du contenu." });
    }
    expect(getContentLicence(getTestDb()).id).toBe("etalab-2.0");
  });

  it("lets an admin choose a licence of the list, and refuses any other value in French", async () => {
    session.viewer = getViewerById(getTestDb(), buildUser({ role: "admin" }).id);
    expect(await chooseContentLicence(null, form("gpl-3.0"))).toMatchObject({ ok: false, message: "Choisissez une licence dans la liste.", values: { licence: "gpl-3.0" } });
    const chosen = await chooseContentLicence(null, form("cc-by-4.0"));
    expect(chosen).toMatchObject({ ok: true, message: expect.stringContaining("« Creative Commons Attribution 4.0 International (CC BY 4.0) »") });
    expect(getContentLicence(getTestDb()).id).toBe("cc-by-4.0");
  });
});
