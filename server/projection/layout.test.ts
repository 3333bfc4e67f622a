import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildUser } from "@/db/factories";
import { fiche } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { writeFicheContent } from "@/lib/fiche/document";
import { silentLogger } from "../collab/log";
import { captureMutation } from "../collab/documents";
import { appendUpdate, loadDocumentState } from "../collab/persistence";
import { insertFiche } from "../fiche";
import { getSetting } from "../setting";
import { PROJECTION_LAYOUT, reprojectIfLayoutChanged } from "./layout";
import { startProjectionService, type ProjectionService } from "./service";

const db = getTestDb();
let service: ProjectionService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

describe("reprojectIfLayoutChanged", () => {
  it("derives, once, what an older projection left out of the rows", async () => {
    const row = insertFiche(db, { type: "pratique", titre: "Fiche d'avant", createdBy: buildUser().id, statut: "publiee" });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loadDocumentState(db, row.id)!);
    // Stored, but never projected: what an install of the previous layout holds.
    appendUpdate(db, row.id, captureMutation(doc, (d) => writeFicheContent(d, { ebauche: true }))!, null);
    expect(db.select().from(fiche).where(eq(fiche.id, row.id)).get()!.ebauche).toBe(false);

    service = startProjectionService(db, { worker: false, logger: silentLogger });
    expect(reprojectIfLayoutChanged(db, service)).toBeGreaterThan(0);
    await service.idle();
    await new Promise((resolve) => setImmediate(resolve));
    expect(db.select().from(fiche).where(eq(fiche.id, row.id)).get()!.ebauche).toBe(true);
    expect(getSetting(db, "projection.layout")).toBe(String(PROJECTION_LAYOUT));
    expect(reprojectIfLayoutChanged(db, service)).toBe(0);
  });
});
