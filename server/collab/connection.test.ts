import { afterEach, describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type WebSocket from "ws";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { CLOSE_CODES, MESSAGE_SYNC } from "@/lib/collab/messages";
import { colorForUser } from "@/lib/editor/user-color";
import { loadDocumentState } from "./persistence";
import {
  buildFiche,
  buildUser,
  closeOf,
  connectClient,
  openRawSocket,
  recordingLogger,
  sessionCookie,
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
  const logger = recordingLogger();
  const server = await startTestServer(db, { logger, ...options });
  servers.push(server);
  return { ...server, logger };
}
function connect(...args: Parameters<typeof connectClient>) {
  const client = connectClient(...args);
  clients.push(client);
  return client;
}
async function rawEditor(baseUrl: string, ficheId: number) {
  const opened = await openRawSocket(`${baseUrl}/${ficheId}`, { cookie: await sessionCookie(buildUser(db).id) });
  if (!("ws" in opened)) throw new Error(`socket refused with ${opened.status}`);
  return opened.ws;
}
function updateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
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

describe("collaboration connections", () => {
  it("drops a reader's updates, for the server and for other clients, but relays its presence", async () => {
    const server = await start();
    const f = buildFiche(db);
    const editor = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const reader = connect(server.baseUrl, f.id);
    await Promise.all([synced(editor), synced(reader)]);
    editor.doc.getText("titre").insert(0, "Officiel");
    await waitFor(() => reader.text() === "Officiel");

    reader.doc.getText("titre").insert(0, "Vandalisme ");
    // Who a reader is comes from its session: an anonymous one cannot pose as the administrator.
    reader.provider.awareness.setLocalState({ user: { id: 1, name: "Administrateur", color: "#000000" }, cursor: null });
    await waitFor(() => editor.provider.awareness.getStates().has(reader.doc.clientID));
    expect(editor.provider.awareness.getStates().get(reader.doc.clientID)).toEqual({
      user: { name: "Visiteur", color: colorForUser(reader.doc.clientID) },
      cursor: null,
    });
    await settle();
    expect(editor.text()).toBe("Officiel");
    expect(stateText(server.collab.encodeDocumentState(f.id))).toBe("Officiel");
    expect(stateText(loadDocumentState(db, f.id))).toBe("Officiel");
    expect(server.logger.lines.some((l) => /anonymous: dropped a write of \d+ bytes from a read-only connection/.test(l))).toBe(true);
  });

  it("keeps a crowd of honest clients, which relay each other's presence, connected", async () => {
    const server = await start();
    const f = buildFiche(db);
    const crowd: TestClient[] = [];
    for (let i = 0; i < 7; i++) {
      const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
      await synced(client);
      client.provider.awareness.setLocalState({ cursor: null });
      crowd.push(client);
    }
    await waitFor(() => crowd.every((c) => c.provider.awareness.getStates().size === crowd.length), 5000, "not everyone sees everyone");
    expect(crowd.every((c) => c.provider.wsconnected)).toBe(true);
    expect(server.logger.lines.filter((l) => l.includes("closing"))).toEqual([]);
  });

  it("refuses to let one connection erase another's presence, and clears a client's presence when it leaves", async () => {
    const server = await start();
    const f = buildFiche(db);
    const present = connect(server.baseUrl, f.id);
    const watcher = connect(server.baseUrl, f.id);
    await Promise.all([synced(present), synced(watcher)]);
    present.provider.awareness.setLocalState({ user: { name: "Présente" } });
    const seenByWatcher = () => watcher.provider.awareness.getStates().has(present.doc.clientID);
    await waitFor(seenByWatcher);

    const ws = await rawEditor(server.baseUrl, f.id);
    const forged = encoding.createEncoder();
    encoding.writeVarUint(forged, 1);
    const entries = encoding.createEncoder();
    encoding.writeVarUint(entries, 1);
    encoding.writeVarUint(entries, present.doc.clientID);
    encoding.writeVarUint(entries, 99);
    encoding.writeVarString(entries, "null");
    encoding.writeVarUint8Array(forged, encoding.toUint8Array(entries));
    ws.send(encoding.toUint8Array(forged));
    await waitFor(() => server.logger.lines.some((l) => l.includes("dropped 1 awareness entries of other connections")));
    expect(seenByWatcher()).toBe(true);
    ws.close();

    // Cut the socket without the goodbye awareness y-websocket sends on disconnect: the server must clear it.
    present.provider.shouldConnect = false;
    (present.provider.ws as unknown as WebSocket).terminate();
    await waitFor(() => !seenByWatcher(), 5000, "presence of a departed client was not cleared");
  });

  it("broadcasts nothing it could not store, and takes the edit again when the client reconnects", async () => {
    const server = await start();
    const f = buildFiche(db);
    const writer = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const watcher = connect(server.baseUrl, f.id);
    await Promise.all([synced(writer), synced(watcher)]);
    db.$client
      .prepare(`CREATE TEMP TRIGGER refuse_appends BEFORE INSERT ON fiche_update BEGIN SELECT RAISE(ABORT, 'disk is full'); END`)
      .run();
    try {
      writer.doc.getText("titre").insert(0, "Sauvé ?");
      await waitFor(() => writer.closes.length > 0, 5000, "the writer was not closed");
      expect(writer.closes[0]).toEqual({ code: CLOSE_CODES.internalError, reason: "Could not store your update; reconnect to resend it" });
      expect(server.logger.lines.some((l) => l.includes("could not store 1 updates: disk is full"))).toBe(true);
      expect(watcher.text()).toBe("");
      expect(stateText(server.collab.encodeDocumentState(f.id))).toBe("");
    } finally {
      db.$client.prepare("DROP TRIGGER refuse_appends").run();
    }
    await waitFor(() => watcher.text() === "Sauvé ?", 5000, "the edit was not taken again after the reconnect");
    expect(stateText(loadDocumentState(db, f.id))).toBe("Sauvé ?");
  });

  it("closes only the connection that sent a malformed message", async () => {
    const server = await start();
    const f = buildFiche(db);
    const bystander = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(bystander);
    const ws = await rawEditor(server.baseUrl, f.id);
    const closed = closeOf(ws);
    ws.send(Uint8Array.from([MESSAGE_SYNC, syncProtocol.messageYjsUpdate, 5, 1, 2]));
    expect(await closed).toEqual({ code: CLOSE_CODES.malformedMessage, reason: "Malformed message: truncated update" });

    bystander.doc.getText("titre").insert(0, "Toujours là");
    await waitFor(() => stateText(server.collab.encodeDocumentState(f.id)) === "Toujours là");
    expect(bystander.closes).toEqual([]);
    expect(server.logger.lines.some((l) => l.includes("closing (4400): Malformed message: truncated update"))).toBe(true);
  });

  it("refuses an oversized update and keeps it out of the document", async () => {
    const server = await start({ limits: { maxUpdateBytes: 2000 } });
    const f = buildFiche(db);
    const bystander = connect(server.baseUrl, f.id);
    await synced(bystander);
    const ws = await rawEditor(server.baseUrl, f.id);
    const closed = closeOf(ws);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on("update", (u: Uint8Array) => updates.push(u));
    doc.getText("titre").insert(0, "x".repeat(5000));
    ws.send(updateMessage(updates[0]));
    const { code, reason } = await closed;
    expect(code).toBe(CLOSE_CODES.tooLarge);
    expect(reason).toMatch(/^Update of 50\d\d bytes exceeds the 2000-byte limit$/);
    await settle();
    expect(bystander.text()).toBe("");
    expect(bystander.closes).toEqual([]);
    expect(loadDocumentState(db, f.id)).toBeNull();
  });

  it("refuses growth past the document limit but still accepts deletions", async () => {
    const server = await start({ limits: { maxDocumentBytes: 600 } });
    const f = buildFiche(db);
    const editor = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(editor);
    editor.doc.getText("titre").insert(0, "a".repeat(400));
    await waitFor(() => stateText(loadDocumentState(db, f.id)).length === 400);

    const ws = await rawEditor(server.baseUrl, f.id);
    const other = new Y.Doc();
    Y.applyUpdate(other, loadDocumentState(db, f.id)!);
    const updates: Uint8Array[] = [];
    other.on("update", (u: Uint8Array) => updates.push(u));
    other.getText("titre").delete(0, 100);
    other.getText("titre").insert(0, "b".repeat(300));
    ws.send(updateMessage(updates[0]));
    await waitFor(() => stateText(loadDocumentState(db, f.id)).length === 300, 5000, "the deletion was not stored");
    const closed = closeOf(ws);
    ws.send(updateMessage(updates[1]));
    expect((await closed).code).toBe(CLOSE_CODES.tooLarge);
    expect(stateText(loadDocumentState(db, f.id))).toBe("a".repeat(300));
  });

  it("closes a connection that exceeds the message rate", async () => {
    const server = await start({ limits: { messagesPerSecond: 10, messageBurst: 20 } });
    const f = buildFiche(db);
    const ws = await rawEditor(server.baseUrl, f.id);
    const closed = closeOf(ws);
    const query = Uint8Array.from([3]);
    for (let i = 0; i < 50; i++) ws.send(query);
    expect(await closed).toEqual({ code: CLOSE_CODES.rateLimited, reason: "More than 10 messages per second; reconnect later" });
  });

  it("refuses connections beyond the per-fiche maximum", async () => {
    const server = await start({ limits: { maxClientsPerFiche: 2 } });
    const f = buildFiche(db);
    const first = connect(server.baseUrl, f.id);
    const second = connect(server.baseUrl, f.id);
    await Promise.all([synced(first), synced(second)]);
    const opened = await openRawSocket(`${server.baseUrl}/${f.id}`);
    if (!("ws" in opened)) throw new Error(`refused with HTTP ${opened.status}`);
    expect(await closeOf(opened.ws)).toEqual({
      code: CLOSE_CODES.tooManyClients,
      reason: "This fiche already has 2 open connections; retry later",
    });
    expect(server.collab.stats().connections).toBe(2);
  });

  it("rejects text frames", async () => {
    const server = await start();
    const f = buildFiche(db);
    const ws = await rawEditor(server.baseUrl, f.id);
    const closed = closeOf(ws);
    ws.send("hello");
    expect((await closed).code).toBe(CLOSE_CODES.malformedMessage);
  });
});
