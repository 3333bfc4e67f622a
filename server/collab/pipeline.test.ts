import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { openDatabase } from "@/db/client";
import { getTestDb } from "@/db/testing";
import { collabHarness } from "./harness";
import { loadDocumentState } from "./persistence";
import { buildFiche, buildUser, sessionCookie, settle, synced, waitFor } from "./testing";

const db = getTestDb();
const { start, connect } = collabHarness(db);

function storedTitre(ficheId: number): string {
  const doc = new Y.Doc();
  const state = loadDocumentState(db, ficheId);
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("titre").toString();
}

describe("message pipeline", () => {
  it("waits for a write lock held by another connection without stopping the event loop, then stores before it broadcasts", async () => {
    const server = await start();
    const f = buildFiche(db);
    const writer = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const reader = connect(server.baseUrl, f.id);
    await Promise.all([synced(writer), synced(reader)]);

    // Another connection holds the documents file's write lock for a while: BEGIN IMMEDIATE takes the
    // lock of every attached file, as an import's transaction does (db/documents-file.ts).
    const other = openDatabase(db.$client.name).$client;
    other.prepare("BEGIN IMMEDIATE").run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    try {
      writer.doc.getText("titre").insert(0, "Pendant le verrou");
      await settle(150);
      // Nothing stored, so nothing shown to peers; and the loop kept turning.
      expect(reader.text()).toBe("");
      expect(ticks).toBeGreaterThan(5);
    } finally {
      other.prepare("COMMIT").run();
      other.close();
      clearInterval(ticker);
    }
    await waitFor(() => reader.text() === "Pendant le verrou", 5000, "the update was not broadcast once the lock was free");
    expect(storedTitre(f.id)).toBe("Pendant le verrou");
    // Its handling time runs from the socket reading it to its broadcast: the wait for the lock counts.
    const { edits, p50Ms, p99Ms } = server.collab.stats().editHandling;
    expect(edits).toBe(1);
    expect(p50Ms).toBeGreaterThanOrEqual(150);
    expect(p99Ms).toBeGreaterThanOrEqual(p50Ms);
  });
});
