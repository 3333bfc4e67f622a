import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { MESSAGE_ACK, isLocalStateStored, readAckStateVector } from "@/lib/collab/messages";
import { getUpdateLogStats, loadDocumentState } from "./persistence";
import { getCollabServer } from "./registry";
import { isCollabPath } from "./server";

import {
  buildFiche,
  buildUser,
  connectClient,
  recordingLogger,
  sessionCookie,
  editFicheDocument,
  settle,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from "./testing";

const db = getTestDb();
const servers: TestServer[] = [];
const clients: TestClient[] = [];

async function start(options: Parameters<typeof startTestServer>[1] = {}) {
  const server = await startTestServer(db, { logger: recordingLogger(), ...options });
  servers.push(server);
  return server;
}
function connect(...args: Parameters<typeof connectClient>) {
  const client = connectClient(...args);
  clients.push(client);
  return client;
}
function stateText(state: Uint8Array | null): string {
  const doc = new Y.Doc();
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("titre").toString();
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

describe("collaboration server", () => {
  it("recognises only its own path", () => {
    expect(isCollabPath("/_collab/12?ack=1")).toBe(true);
    expect(isCollabPath("/_collab")).toBe(true);
    expect(isCollabPath("/_collaboration/12")).toBe(false);
    expect(isCollabPath("/fiches/12")).toBe(false);
  });

  it("makes two editors converge and acknowledges stored updates only to clients that opted in", async () => {
    const server = await start();
    const f = buildFiche(db);
    const alice = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id), params: { ack: "1" } });
    const bob = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const acks: Map<number, number>[] = [];
    alice.provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => acks.push(readAckStateVector(decoder));
    const unexpected: unknown[] = [];
    bob.provider.messageHandlers[MESSAGE_ACK] = () => unexpected.push("ack");
    await Promise.all([synced(alice), synced(bob)]);

    alice.doc.getText("titre").insert(0, "Atelier ");
    bob.doc.getText("titre").insert(0, "numérique");
    await waitFor(() => alice.text() === bob.text() && alice.text().length === 17, 5000, "clients did not converge");
    expect(stateText(server.collab.encodeDocumentState(f.id))).toBe(alice.text());
    await waitFor(() => acks.length > 0 && isLocalStateStored(alice.doc, acks[acks.length - 1]), 5000, "no ack");
    expect(stateText(loadDocumentState(db, f.id))).toBe(alice.text());
    expect(unexpected).toEqual([]);
  });

  it("keeps the content across a server restart", async () => {
    const f = buildFiche(db);
    const cookie = await sessionCookie(buildUser(db).id);
    const first = await start();
    const writer = connect(first.baseUrl, f.id, { cookie });
    await synced(writer);
    writer.doc.getText("titre").insert(0, "Permanence France services");
    await waitFor(() => stateText(first.collab.encodeDocumentState(f.id)) === writer.text());
    writer.destroy();
    await first.stop();
    servers.splice(servers.indexOf(first), 1);
    expect(getUpdateLogStats(db, f.id).count).toBe(0);

    const second = await start();
    const reader = connect(second.baseUrl, f.id);
    await synced(reader);
    expect(reader.text()).toBe("Permanence France services");
  });

  it("applies a server-side write live, and to storage when the fiche is not loaded", async () => {
    const server = await start();
    const author = buildUser(db);
    const loaded = buildFiche(db);
    const client = connect(server.baseUrl, loaded.id);
    await synced(client);
    expect(getCollabServer()).toBe(server.collab);

    const update = editFicheDocument(loaded.id, author.id, (doc) => doc.getText("titre").insert(0, "Import"));
    expect(update).not.toBeNull();
    await waitFor(() => client.text() === "Import", 5000, "the connected client did not see the server write");
    expect(stateText(loadDocumentState(db, loaded.id))).toBe("Import");
    expect(editFicheDocument(loaded.id, author.id, () => {})).toBeNull();

    const idle = buildFiche(db);
    editFicheDocument(idle.id, author.id, (doc) => doc.getText("titre").insert(0, "Hors ligne"));
    expect(server.collab.stats().loadedFiches).toBe(1);
    expect(stateText(loadDocumentState(db, idle.id))).toBe("Hors ligne");
    expect(() => editFicheDocument(999_999, author.id, (doc) => doc.getText("titre").insert(0, "x"))).toThrow(/does not exist/);
  });

  it("reports document changes, debounced per fiche", async () => {
    const changes: { ficheId: number; text: string }[] = [];
    const server = await start({
      changeDebounceMs: 100,
      onDocumentChange: (ficheId, doc) => {
        changes.push({ ficheId, text: doc.getText("titre").toString() });
      },
    });
    const f = buildFiche(db);
    const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(client);
    for (const ch of "Fablab") client.doc.getText("titre").insert(client.doc.getText("titre").length, ch);
    await waitFor(() => changes.length > 0, 2000, "onDocumentChange was not called");
    await settle(250);
    expect(changes).toEqual([{ ficheId: f.id, text: "Fablab" }]);
  });

  it("compacts the log past its threshold and unloads an idle fiche, which a reconnect loads again", async () => {
    const server = await start({ compactAfterUpdates: 10, idleUnloadMs: 100 });
    const f = buildFiche(db);
    const cookie = await sessionCookie(buildUser(db).id);
    const client = connect(server.baseUrl, f.id, { cookie });
    await synced(client);
    for (let i = 0; i < 30; i++) {
      client.doc.getText("titre").insert(0, String(i % 10));
      await settle(2);
    }
    await waitFor(() => stateText(loadDocumentState(db, f.id)).length === 30);
    await waitFor(() => getUpdateLogStats(db, f.id).count < 10, 2000, "log was not compacted");

    client.destroy();
    await waitFor(() => server.collab.stats().loadedFiches === 0, 2000, "idle fiche was not unloaded");
    expect(getUpdateLogStats(db, f.id).count).toBe(0);
    const again = connect(server.baseUrl, f.id, { cookie });
    await synced(again);
    expect(again.text()).toBe(client.text());
  });

  it("gives a connection that races an idle unload the full document", async () => {
    const server = await start({ idleUnloadMs: 20 });
    const f = buildFiche(db);
    const cookie = await sessionCookie(buildUser(db).id);
    let expected = "";
    for (let delay = 0; delay <= 40; delay += 5) {
      const writer = connect(server.baseUrl, f.id, { cookie });
      await synced(writer);
      expect(writer.text()).toBe(expected);
      writer.doc.getText("titre").insert(writer.text().length, String(delay % 10));
      expected = writer.text();
      await waitFor(() => stateText(server.collab.encodeDocumentState(f.id)) === expected);
      writer.destroy();
      await settle(delay);
    }
    expect(stateText(loadDocumentState(db, f.id))).toBe(expected);
  });

  it("closes every connection with 1001 and stores everything on close()", async () => {
    const server = await start();
    const f = buildFiche(db);
    const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(client);
    client.doc.getText("titre").insert(0, "Avant l'arrêt");
    await waitFor(() => stateText(server.collab.encodeDocumentState(f.id)) === "Avant l'arrêt");
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
    expect(client.closes[0]).toEqual({ code: 1001, reason: "Server is shutting down" });
    expect(server.collab.stats()).toMatchObject({ loadedFiches: 0, connections: 0, httpSessions: 0, heartbeatWatched: 0 });
    expect(server.collab.stats().editHandling.edits).toBe(1);
    expect(getUpdateLogStats(db, f.id).count).toBe(0);
    expect(stateText(loadDocumentState(db, f.id))).toBe("Avant l'arrêt");
    expect(getCollabServer()).toBeNull();
  });
});
