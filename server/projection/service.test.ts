import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildUser } from "@/db/factories";
import { ficheDocument, ficheRevision } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { readFicheContent, writeFicheContent } from "@/lib/fiche/document";
import { silentLogger, type CollabLogger } from "../collab/log";
import { captureMutation } from "../collab/documents";
import { appendUpdate, compactDocument, loadDocumentState } from "../collab/persistence";
import { connectClient, sessionCookie, startTestServer, synced, waitFor } from "../collab/testing";
import { ficheRow } from "../wiki-link-testing";
import { insertFiche } from "../fiche";
import { startProjectionService, type ProjectionService } from "./service";

const db = getTestDb();
let service: ProjectionService | null = null;

afterEach(async () => {
  await service?.close();
  service = null;
});

function recordingLogger(): CollabLogger & { errors: string[] } {
  const errors: string[] = [];
  return { errors, info: () => {}, warn: () => {}, error: (message) => errors.push(message) };
}

/** A stored fiche and its live document, which the test edits as the collaboration server's room would. */
function buildLiveFiche(titre: string): { id: number; doc: Y.Doc } {
  const row = insertFiche(db, { type: "pratique", titre, createdBy: buildUser().id, statut: "publiee" });
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(db, row.id)!);
  return { id: row.id, doc };
}

/** Changes the titre and stores the update, as the collaboration server does before it announces a change. */
function retitle(f: { id: number; doc: Y.Doc }, titre: string): Uint8Array {
  const update = captureMutation(f.doc, (doc) => writeFicheContent(doc, { titre }));
  if (update) appendUpdate(db, f.id, update, null);
  return Y.encodeStateAsUpdate(f.doc);
}

function storeSnapshot(ficheId: number, snapshot: Uint8Array): void {
  db.update(ficheDocument).set({ snapshot: Buffer.from(snapshot), compactedAt: new Date() }).where(eq(ficheDocument.ficheId, ficheId)).run();
}

const revisionTitles = (ficheId: number) =>
  db.select({ titre: ficheRevision.titre, reason: ficheRevision.reason }).from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).orderBy(ficheRevision.id).all();

describe.each([
  { where: "in the worker", worker: true },
  { where: "on the main thread", worker: false },
])("the projection service, $where", ({ worker }) => {
  it("projects only the latest of two states queued for a fiche", async () => {
    const logger = recordingLogger();
    service = startProjectionService(db, { logger, worker });
    const f = buildLiveFiche("Atelier du mardi");
    retitle(f, "Atelier du mercredi");
    service.projectFiche(f.id);
    retitle(f, "Atelier du jeudi");
    service.projectFiche(f.id);
    await service.idle();
    expect(ficheRow(db, f.id).titre).toBe("Atelier du jeudi");
    expect(service.stats()).toMatchObject({ pending: 0, projections: 1, failures: 0 });
    expect(logger.errors).toEqual([]);
  });

  it("reports a failure to the log and goes on with the next work", async () => {
    const logger = recordingLogger();
    service = startProjectionService(db, { logger, worker });
    const broken = buildLiveFiche("Fiche abîmée");
    const sound = buildLiveFiche("Fiche saine");
    storeSnapshot(broken.id, new Uint8Array([1, 2, 3]));
    service.projectFiche(broken.id);
    retitle(sound, "Fiche saine, modifiée");
    service.projectFiche(sound.id);
    await service.idle();
    expect(logger.errors).toEqual([expect.stringContaining(`fiche ${broken.id}: projection failed`)]);
    expect(ficheRow(db, sound.id).titre).toBe("Fiche saine, modifiée");

    storeSnapshot(broken.id, retitle(broken, "Fiche réparée"));
    service.projectFiche(broken.id);
    await service.idle();
    expect(ficheRow(db, broken.id).titre).toBe("Fiche réparée");
    expect(service.stats()).toMatchObject({ projections: 3, failures: 1 });
  });

  it("takes a fiche's revisions in the order asked, beside its projection", async () => {
    service = startProjectionService(db, { logger: recordingLogger(), worker });
    const f = buildLiveFiche("Café des aidants");
    const author = buildUser();
    service.takeRevision(f.id, retitle(f, "Café des aidants, le lundi"), [author.id], "pause");
    service.projectFiche(f.id);
    await service.idle();
    service.takeRevision(f.id, retitle(f, "Café des aidants, le jeudi"), [author.id], "depart");
    await service.idle();
    expect(revisionTitles(f.id)).toEqual([
      { titre: "Café des aidants", reason: "creation" },
      { titre: "Café des aidants, le lundi", reason: "pause" },
      { titre: "Café des aidants, le jeudi", reason: "depart" },
    ]);
    expect(ficheRow(db, f.id).titre).toBe("Café des aidants, le lundi");
  });

  it("projects what storage holds when the work runs, brought up to date from the log and after a compaction", async () => {
    service = startProjectionService(db, { logger: recordingLogger(), worker });
    const f = buildLiveFiche("Permanence numérique");
    retitle(f, "Permanence numérique du lundi");
    service.projectFiche(f.id);
    await service.idle();
    expect(ficheRow(db, f.id).titre).toBe("Permanence numérique du lundi");
    // The next read only applies the rows appended since.
    retitle(f, "Permanence numérique du mardi");
    service.projectFiche(f.id);
    await service.idle();
    expect(ficheRow(db, f.id).titre).toBe("Permanence numérique du mardi");
    // A compaction folds the log into a new snapshot: the next read starts again from it.
    retitle(f, "Permanence numérique du mercredi");
    compactDocument(db, f.id, { logger: silentLogger });
    retitle(f, "Permanence numérique du jeudi");
    service.projectFiche(f.id);
    await service.idle();
    expect(ficheRow(db, f.id).titre).toBe("Permanence numérique du jeudi");
  });

  it("finishes everything queued before close() resolves", async () => {
    service = startProjectionService(db, { logger: recordingLogger(), worker });
    const fiches = ["Repair café", "Permanence CAF", "Atelier smartphone"].map((titre) => buildLiveFiche(titre));
    for (const f of fiches) {
      retitle(f, `${readFicheContent(f.doc).titre} (modifiée)`);
      service.projectFiche(f.id);
      service.takeRevision(f.id, Y.encodeStateAsUpdate(f.doc), [], "pause");
    }
    await service.close();
    for (const f of fiches) {
      expect(ficheRow(db, f.id).titre).toMatch(/ \(modifiée\)$/);
      expect(revisionTitles(f.id).at(-1)).toEqual({ titre: ficheRow(db, f.id).titre, reason: "pause" });
    }
    expect(service.stats().pending).toBe(0);
  });
});

describe("shutting down as server/index.ts does", () => {
  it("projects and takes the revisions of what a room still held, once the collaboration server then the service close", async () => {
    const projections = startProjectionService(db, { logger: recordingLogger() });
    service = projections;
    // Long timers: only the shutdown itself projects and takes revisions.
    const server = await startTestServer(db, {
      logger: silentLogger,
      changeDebounceMs: 60_000,
      revisionQuietMs: 60_000,
      revisionIntervalMs: 60_000,
      onDocumentChange: (ficheId) => projections.projectFiche(ficheId),
      onRevision: (ficheId, state, authorIds, reason) => projections.takeRevision(ficheId, state, authorIds, reason),
    });
    const alice = buildUser();
    const f = insertFiche(db, { type: "pratique", titre: "Point numérique", createdBy: alice.id, statut: "publiee" });
    const client = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(alice.id) });
    try {
      await synced(client);
      writeFicheContent(client.doc, { titre: "Point numérique de la gare" });
      await waitFor(() => liveTitre(server.collab.encodeDocumentState(f.id)) === "Point numérique de la gare", 5000, "the edit did not reach the server");
      expect(ficheRow(db, f.id).titre).toBe("Point numérique");
    } finally {
      client.destroy();
    }
    await server.stop();
    await projections.close();

    expect(ficheRow(db, f.id).titre).toBe("Point numérique de la gare");
    expect(revisionTitles(f.id).at(-1)).toEqual({ titre: "Point numérique de la gare", reason: "depart" });
  });
});

function liveTitre(state: Uint8Array | null): string | null {
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const { titre } = readFicheContent(doc);
  doc.destroy();
  return titre;
}
