import { afterEach, describe, expect, it, vi } from "vitest";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import type WebSocket from "ws";
import { eq, sql } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { ficheDocument, ficheUpdate } from "@/db/schema";
import { CLOSE_CODES, MESSAGE_AWARENESS, MESSAGE_SYNC } from "@/lib/collab/messages";
import * as updateCheck from "./update-check";
import { collabHarness } from "./harness";
import { buildFiche, buildUser, closeOf, openRawSocket, sessionCookie, synced, waitFor } from "./testing";

// The five attacks of issue 10, each from a raw socket: each must cost the attacker its own connection, nothing else.

const db = getTestDb();
const { start, connect } = collabHarness(db);
async function rawSocket(baseUrl: string, ficheId: number, cookie?: string): Promise<WebSocket> {
  const opened = await openRawSocket(`${baseUrl}/${ficheId}`, cookie ? { cookie } : {});
  if (!("ws" in opened)) throw new Error(`socket refused with ${opened.status}`);
  return opened.ws;
}
/** An update message of no struct that deletes a range of each of `clients` invented clients (~6 bytes each). */
function deleteOnlyMessage(clients: number): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 0);
  encoding.writeVarUint(update, clients);
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(update, 2_000_000 + i);
    encoding.writeVarUint(update, 1);
    encoding.writeVarUint(update, 0);
    encoding.writeVarUint(update, 9);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_SYNC);
  syncProtocol.writeUpdate(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}
function awarenessMessage(clientId: number, stateJson: string): Uint8Array {
  const entries = encoding.createEncoder();
  encoding.writeVarUint(entries, 1);
  encoding.writeVarUint(entries, clientId);
  encoding.writeVarUint(entries, 1);
  encoding.writeVarString(entries, stateJson);
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(entries));
  return encoding.toUint8Array(message);
}
function storedBytes(ficheId: number): number {
  const snapshot = db.select({ n: sql<number>`coalesce(length(${ficheDocument.snapshot}), 0)` }).from(ficheDocument).where(eq(ficheDocument.ficheId, ficheId)).get();
  const log = db.select({ n: sql<number>`coalesce(sum(length(${ficheUpdate.update})), 0)` }).from(ficheUpdate).where(eq(ficheUpdate.ficheId, ficheId)).get();
  return (snapshot?.n ?? 0) + (log?.n ?? 0);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("hostile clients", () => {
  it("freeze: drops a reader's huge updates before decoding them, then closes the reader", async () => {
    const server = await start();
    const f = buildFiche(db);
    const check = vi.spyOn(updateCheck, "checkUpdate");
    const reader = await rawSocket(server.baseUrl, f.id);
    const closed = closeOf(reader);
    const attack = deleteOnlyMessage(150_000);
    expect(attack.length).toBeGreaterThan(800_000);
    // The first frame is over the dropped-bytes allowance: the reader is closed at the second.
    for (let i = 0; i < 3; i++) reader.send(attack);
    expect(await closed).toEqual({ code: CLOSE_CODES.forbidden, reason: "This connection is read-only; it kept sending changes" });
    expect(check).not.toHaveBeenCalled();
    // Everyone else carries on.
    const editor = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(editor);
  });

  it("poison: refuses an awareness state nested 20,000 deep, and the next editor joins", async () => {
    const server = await start();
    const f = buildFiche(db);
    const attacker = await rawSocket(server.baseUrl, f.id, await sessionCookie(buildUser(db).id));
    const closed = closeOf(attacker);
    attacker.send(awarenessMessage(4242, "[".repeat(20_000) + "]".repeat(20_000)));
    expect(await closed).toEqual({ code: CLOSE_CODES.malformedMessage, reason: "Malformed message: awareness state nested deeper than 8" });

    const first = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const second = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await Promise.all([synced(first), synced(second)]);
    first.provider.awareness.setLocalState({ cursor: null });
    await waitFor(() => second.provider.awareness.getStates().has(first.doc.clientID));
    expect(second.provider.awareness.getStates().has(4242)).toBe(false);
  });

  it("bloat: deletions aimed at clients the fiche has never seen are not stored, and insisting closes the editor", async () => {
    const server = await start();
    const f = buildFiche(db);
    const editor = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(editor);
    editor.doc.getText("titre").insert(0, "Atelier");
    await waitFor(() => server.collab.encodeDocumentState(f.id) !== null && storedBytes(f.id) > 0);
    const before = storedBytes(f.id);

    const check = vi.spyOn(updateCheck, "checkUpdate");
    const attacker = await rawSocket(server.baseUrl, f.id, await sessionCookie(buildUser(db).id));
    const closed = closeOf(attacker);
    // A few small ones are dropped (an honest client typing while it reconnects sends such)…
    for (let i = 0; i < 3; i++) attacker.send(deleteOnlyMessage(10));
    await waitFor(() => server.logger.lines.some((l) => l.includes("dropped an update that cannot integrate yet")));
    expect(storedBytes(f.id)).toBe(before);
    // An editor's updates are checked (the freeze test's spy sees the same function), and refused at their first entry.
    expect(check).toHaveBeenCalled();
    // …megabytes of them close the connection.
    for (let i = 0; i < 3; i++) attacker.send(deleteOnlyMessage(150_000));
    expect((await closed).code).toBe(CLOSE_CODES.malformedMessage);
    expect(storedBytes(f.id)).toBe(before);

    const reader = connect(server.baseUrl, f.id);
    await synced(reader);
    expect(reader.text()).toBe("Atelier");
  });

  it("spoof: a signed-in editor shows under its account's name, whatever it claims", async () => {
    const server = await start();
    const f = buildFiche(db);
    const camille = buildUser(db, { name: "Camille Martin" });
    const liar = connect(server.baseUrl, f.id, { cookie: await sessionCookie(camille.id) });
    const watcher = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await Promise.all([synced(liar), synced(watcher)]);
    liar.provider.awareness.setLocalState({ user: { id: 1, name: "Administrateur" } });
    await waitFor(() => watcher.provider.awareness.getStates().has(liar.doc.clientID));
    expect(watcher.provider.awareness.getStates().get(liar.doc.clientID)?.user).toMatchObject({ id: camille.id, name: "Camille Martin" });
  });
});
