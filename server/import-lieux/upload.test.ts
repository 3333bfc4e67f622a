import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { acteur } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import type { Role } from "@/lib/roles";
import { SYSTEM } from "../authorize";
import { DomainError } from "../errors";
import { importLieuxUpload, previewLieuxUpload } from "./upload";

const db = getTestDb();
const HEADER = "id,pivot,nom,commune,code_postal,adresse,date_maj,services,structure_parente";
const csv = (structure: string) =>
  `${HEADER}\nx-1,,Atelier du port,Bordeaux,33300,1 quai de Bacalan,2024-05-02,Aide aux démarches administratives,${structure}\n`;
const request = (body: string) => new Request("http://localhost/api/import-lieux", { method: "POST", body });
const viewer = (role: Role) => getViewerById(db, buildUser({ role }).id);
const acteursNamed = (nom: string) => db.select().from(acteur).where(eq(acteur.nom, nom)).all();

describe("lieux uploads", () => {
  it("refuse contributors and visitors before reading the body, and write nothing", async () => {
    for (const who of [viewer("contributeur"), null]) {
      for (const run of [previewLieuxUpload, importLieuxUpload]) {
        const body = request(csv("Structure refusée"));
        const refused = await run(db, who, body, { filename: "lieux.csv" }).catch((e: unknown) => e);
        expect(refused).toBeInstanceOf(DomainError);
        expect(refused).toMatchObject({ code: "forbidden", messageFr: "Seuls les modérateurs et les administrateurs importent des lieux." });
        expect(body.bodyUsed).toBe(false);
      }
    }
    expect(acteursNamed("Structure refusée")).toEqual([]);
  });

  it("let a moderator preview then import, and the system import", async () => {
    const moderator = viewer("moderateur");
    const previewed = await previewLieuxUpload(db, moderator, request(csv("Les Bricoleurs du port")), { filename: "lieux.csv" });
    expect(previewed).toMatchObject({ ok: true, preview: { done: false, counts: { create: 1, acteursCreate: 1 } } });
    expect(acteursNamed("Les Bricoleurs du port")).toEqual([]);
    const digest = previewed.ok ? previewed.preview.digest : undefined;

    const imported = await importLieuxUpload(db, moderator, request(csv("Les Bricoleurs du port")), { filename: "lieux.csv", digest });
    expect(imported).toMatchObject({ ok: true, result: { done: true } });
    expect(acteursNamed("Les Bricoleurs du port")).toHaveLength(1);

    expect(await importLieuxUpload(db, SYSTEM, request(csv("Atelier du système")), { filename: "lieux.csv" })).toMatchObject({ ok: true });
    expect(acteursNamed("Atelier du système")).toHaveLength(1);
  });

  it("answer a stale digest as a refusal of the file, not of the person", async () => {
    const stale = await importLieuxUpload(db, viewer("admin"), request(csv("Encore une structure")), { filename: "lieux.csv", digest: "périmé" });
    expect(stale).toMatchObject({ ok: false, error: { code: "plan_changed" } });
  });
});
