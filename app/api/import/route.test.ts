import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";

// The routes read the session: it is replaced so that the test can sign in as anyone.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));

const { POST: preview } = await import("./preview/route");
const { POST: importFiches } = await import("./route");

const BODY = "# Idées à explorer\n\n## Prêt de tablettes\nActeurs : Emmaüs Connect\nPublic concerné : Familles\n";

function upload(headers: Record<string, string> = {}) {
  const bytes = new TextEncoder().encode(BODY);
  return new NextRequest("http://localhost/api/import", {
    method: "POST",
    body: bytes,
    headers: { "x-import-filename": encodeURIComponent("idées.md"), "content-length": String(bytes.byteLength), ...headers },
  });
}
const as = (role: "contributeur" | "moderateur") => (session.viewer = getViewerById(getTestDb(), buildUser({ role }).id));

beforeEach(() => {
  session.viewer = null;
});

describe("/api/import", () => {
  it("refuses visitors (401) and contributors (403) in English and French", async () => {
    for (const route of [preview, importFiches]) {
      session.viewer = null;
      const visitor = await route(upload());
      expect(visitor.status).toBe(401);
      expect((await visitor.json()).error).toEqual({
        code: "unauthenticated",
        message: "Sign in as a moderator or an admin to import fiches.",
        messageFr: "Connectez-vous pour faire cela.",
      });
      as("contributeur");
      const contributor = await route(upload());
      expect(contributor.status).toBe(403);
      expect((await contributor.json()).error).toEqual({
        code: "forbidden",
        message: "Only moderators and admins may import fiches.",
        messageFr: "Seuls les modérateurs et les administrateurs importent des fiches.",
      });
    }
  });

  it("previews for a moderator", async () => {
    as("moderateur");
    const previewed = await preview(upload());
    expect(previewed.status).toBe(200);
    expect((await previewed.json()).preview.fiches).toEqual([expect.objectContaining({ titre: "Prêt de tablettes" })]);
  });
});
