import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { fiche } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import type { ImportEvent } from "@/lib/import/preview";
import type { Role } from "@/lib/roles";
import { DomainError } from "../errors";
import { previewUploadedImport, startUploadedImport } from "./upload";

const db = getTestDb();
const markdown = (titre: string) => `# Idées à explorer\n\n## ${titre}\nActeurs : Emmaüs Connect\nPublic concerné : Familles\n`;
const request = (body: string) => new Request("http://localhost/api/import", { method: "POST", body });
const uploadOf = (body: string, digest?: string) => ({ filename: "idees.md", size: new TextEncoder().encode(body).byteLength, digest });
const viewer = (role: Role) => getViewerById(db, buildUser({ role }).id);
const fichesTitled = (titre: string) => db.select().from(fiche).where(eq(fiche.titre, titre)).all();

async function eventsOf(stream: ReadableStream<Uint8Array>): Promise<ImportEvent[]> {
  const text = await new Response(stream).text();
  return text.trim().split("\n").map((line) => JSON.parse(line) as ImportEvent);
}

describe("fiche import uploads", () => {
  it("refuse contributors and visitors before reading the body, and write nothing", async () => {
    const body = markdown("Prêt refusé");
    for (const who of [viewer("contributeur"), null]) {
      for (const run of [previewUploadedImport, startUploadedImport]) {
        const sent = request(body);
        const refused = await run(db, who, sent, uploadOf(body, "x".repeat(43))).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(DomainError);
        expect(refused).toMatchObject({ code: "forbidden", messageFr: "Seuls les modérateurs et les administrateurs importent des fiches." });
        expect(sent.bodyUsed).toBe(false);
      }
    }
    expect(fichesTitled("Prêt refusé")).toEqual([]);
  });

  it("let a moderator preview, then import what the preview showed, credited to them", async () => {
    const moderator = viewer("moderateur")!;
    const body = markdown("Prêt de tablettes");
    const previewed = await previewUploadedImport(db, moderator, request(body), uploadOf(body));
    if (!previewed.ok) throw new Error(previewed.error.message);
    expect(previewed.preview.fiches.map((f) => f.titre)).toEqual(["Prêt de tablettes"]);
    expect(fichesTitled("Prêt de tablettes")).toEqual([]);

    const started = await startUploadedImport(db, moderator, request(body), uploadOf(body, previewed.preview.digest));
    if (!started.ok) throw new Error(started.error.message);
    expect((await eventsOf(started.stream)).at(-1)).toMatchObject({ type: "done" });
    expect(fichesTitled("Prêt de tablettes")).toEqual([expect.objectContaining({ createdBy: moderator.id })]);
  });
});
