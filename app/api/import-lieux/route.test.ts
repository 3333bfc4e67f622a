import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { acteur } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";
import { MAX_IMPORT_BYTES } from "@/server/importer/decode";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));

const { POST: preview } = await import("./preview/route");
const { POST: importLieux } = await import("./route");

const HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,services,structure_parente";
const CSV = `${HEADER}\nx-1,,Atelier du port,Bordeaux,33300,1 quai de Bacalan,2024-05-02,Aide aux démarches administratives,Les Bricoleurs du port\n`;

function upload(body: string | Uint8Array, headers: Record<string, string> = {}): Request {
  return new Request("http://localhost/api/import-lieux", { method: "POST", body: body as BodyInit, headers: { "x-import-filename": encodeURIComponent("lieux à jour.csv"), ...headers } });
}
const as = (role: "contributeur" | "moderateur") => (session.viewer = getViewerById(getTestDb(), buildUser({ role }).id));

beforeEach(() => {
  session.viewer = null;
});

describe("/api/import-lieux", () => {
  it("refuses visitors (401) and contributors (403) in English and French", async () => {
    const visitor = await preview(upload(CSV));
    expect(visitor.status).toBe(401);
    expect((await visitor.json()).error).toEqual({ code: "unauthenticated", message: "Sign in as a moderator or an admin to import lieux.", messageFr: "Connectez-vous pour faire cela." });
    as("contributeur");
    const contributor = await importLieux(upload(CSV));
    expect(contributor.status).toBe(403);
    expect((await contributor.json()).error.message).toBe("Only moderators and admins may import lieux.");
  });

  it("answers a broken file with 422, a huge one with 413, each with both messages", async () => {
    as("moderateur");
    const broken = await preview(upload(CSV.replace("structure_parente", "structure")));
    expect(broken.status).toBe(422);
    const { error } = await broken.json();
    expect(error).toMatchObject({ code: "unknown_columns", column: "structure" });
    expect(error.message).toContain('"lieux à jour.csv" has a column that the schéma des lieux de médiation numérique v1.0.2 does not define: "structure"');
    expect(error.messageFr).toContain("« lieux à jour.csv » contient une colonne");
    const huge = await preview(upload(new Uint8Array(MAX_IMPORT_BYTES + 10).fill(0x61)));
    expect(huge.status).toBe(413);
    expect((await huge.json()).error.code).toBe("file_too_large");
  });

  it("previews without writing, imports with the preview's digest, and refuses a stale digest with 409", async () => {
    as("moderateur");
    const previewed = await preview(upload(CSV));
    expect(previewed.status).toBe(200);
    const { preview: view } = await previewed.json();
    expect(view).toMatchObject({ done: false, counts: { create: 1, acteursCreate: 1 }, rows: [{ line: 2, nom: "Atelier du port", action: "create" }] });
    expect(getTestDb().select().from(acteur).where(eq(acteur.nom, "Les Bricoleurs du port")).all()).toEqual([]);

    const imported = await importLieux(upload(CSV, { "x-import-digest": view.digest }));
    expect(imported.status).toBe(200);
    const { result } = await imported.json();
    expect(result).toMatchObject({ done: true, counts: { create: 1 }, rows: [{ action: "create", href: expect.stringMatching(/^\/acteurs\/les-bricoleurs-du-port/) }] });

    const stale = await importLieux(upload(CSV, { "x-import-digest": view.digest }));
    expect(stale.status).toBe(409);
    expect((await stale.json()).error).toMatchObject({ code: "plan_changed", message: expect.stringContaining("The directory changed since the preview") });
  });
});
