import { describe, expect, it } from "vitest";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { CLOSE_HEADER, decodeCloseHeader, decodeFrames, encodeFrames, HTTP_SESSION_PREFIX, SEQ_HEADER } from "@/lib/collab/http-frames";
import { CLOSE_CODES, MESSAGE_ACK, MESSAGE_SYNC } from "@/lib/collab/messages";
import { collabHarness } from "./harness";
import { loadDocumentState } from "./persistence";
import { buildFiche, buildUser, sessionCookie, synced, waitFor } from "./testing";

// The socket's HTTP fallback: the same checks as the socket, and what is specific to HTTP bounded.

const db = getTestDb();
const { start, connect } = collabHarness(db);
const unbounded = { maxFrameBytes: Number.MAX_SAFE_INTEGER, maxFrames: Number.MAX_SAFE_INTEGER };

function httpUrl(server: { origin: string }, path: string): string {
  return `${server.origin}${path}`;
}

async function openSession(server: { origin: string }, ficheId: number, init: { cookie?: string; origin?: string; ack?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin) headers.origin = init.origin;
  const response = await fetch(httpUrl(server, `/_collab/${ficheId}${init.ack ? "?ack=1" : ""}`), { method: "POST", headers });
  return response;
}

async function sessionOf(server: { origin: string }, ficheId: number, cookie?: string): Promise<string> {
  const response = await openSession(server, ficheId, { cookie });
  expect(response.status).toBe(200);
  const { session } = (await response.json()) as { session: string };
  return httpUrl(server, `${HTTP_SESSION_PREFIX}/${session}`);
}

function titleUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText("titre").insert(0, text);
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, MESSAGE_SYNC);
  syncProtocol.writeUpdate(message, Y.encodeStateAsUpdate(doc));
  return encoding.toUint8Array(message);
}

function storedTitle(ficheId: number): string {
  const doc = new Y.Doc();
  const state = loadDocumentState(db, ficheId);
  if (state) Y.applyUpdate(doc, state);
  return doc.getText("titre").toString();
}

describe("the HTTP fallback of the collaboration socket", () => {
  it("lets an editor over HTTP and an editor over a WebSocket co-edit, with acknowledgements over HTTP", async () => {
    const server = await start();
    const f = buildFiche(db);
    const overHttp = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id), transport: "http", params: { ack: "1" } });
    const overSocket = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    let acks = 0;
    overHttp.provider.messageHandlers[MESSAGE_ACK] = () => (acks += 1);
    await Promise.all([synced(overHttp), synced(overSocket)]);

    overHttp.doc.getText("titre").insert(0, "Par HTTP. ");
    overSocket.doc.getText("titre").insert(0, "Par socket. ");
    await waitFor(() => overHttp.text() === overSocket.text() && overHttp.text().length === "Par HTTP. Par socket. ".length, 5000, "the two did not converge");
    await waitFor(() => acks > 0, 5000, "no acknowledgement reached the HTTP client");
    await waitFor(() => storedTitle(f.id) === overHttp.text(), 5000, "the edits were not stored");
    expect(server.collab.stats().httpSessions).toBe(1);
  });

  it("refuses what the socket refuses: a foreign Origin, a private fiche to a visitor, an unknown fiche", async () => {
    const server = await start();
    const draft = buildFiche(db, { statut: "brouillon" });
    expect((await openSession(server, draft.id, { origin: "https://evil.example" })).status).toBe(403);
    expect((await openSession(server, draft.id)).status).toBe(401);
    expect((await openSession(server, 999_999_999)).status).toBe(404);
    expect((await fetch(httpUrl(server, `/_collab/${draft.id}`))).status).toBe(405);
    expect(server.collab.stats()).toMatchObject({ connections: 0, httpSessions: 0, heartbeatWatched: 0 });
  });

  it("drops a reader's writes unread, and closes a reader who insists, with the socket's close code", async () => {
    const server = await start({ limits: { maxReadOnlyWrites: 2 } });
    const f = buildFiche(db);
    const session = await sessionOf(server, f.id);
    for (let i = 0; i < 4; i++) {
      const sent = await fetch(session, { method: "POST", body: encodeFrames([titleUpdate(`intrus ${i}`)]) as BodyInit });
      if (sent.status !== 204) break;
    }
    let closed: { code: number; reason: string } | null = null;
    for (let seen = 0; !closed; ) {
      const poll = await fetch(`${session}?seen=${seen}`);
      closed = decodeCloseHeader(poll.headers.get(CLOSE_HEADER));
      const frames = poll.status === 200 ? decodeFrames(new Uint8Array(await poll.arrayBuffer()), unbounded) : [];
      seen = frames.length ? Number(poll.headers.get(SEQ_HEADER)) + frames.length - 1 : seen;
    }
    expect(closed.code).toBe(CLOSE_CODES.forbidden);
    expect(storedTitle(f.id)).toBe("");
    expect(server.logger.lines.some((line) => line.includes("dropped a write") && line.includes("anonymous"))).toBe(true);
  });

  it("sends again what a lost poll answer carried, and forgets it once the client says it has read it", async () => {
    const server = await start();
    const f = buildFiche(db);
    const session = await sessionOf(server, f.id, await sessionCookie(buildUser(db).id));
    const first = await fetch(`${session}?seen=0`);
    const frames = decodeFrames(new Uint8Array(await first.arrayBuffer()), unbounded);
    expect(frames.length).toBeGreaterThan(0);
    const again = await fetch(`${session}?seen=0`);
    expect(again.headers.get(SEQ_HEADER)).toBe(first.headers.get(SEQ_HEADER));
    expect(decodeFrames(new Uint8Array(await again.arrayBuffer()), unbounded)).toEqual(frames);

    const seen = Number(first.headers.get(SEQ_HEADER)) + frames.length - 1;
    const controller = new AbortController();
    const waiting = fetch(`${session}?seen=${seen}`, { signal: controller.signal });
    const race = await Promise.race([waiting.then(() => "answered"), new Promise((resolve) => setTimeout(() => resolve("waiting"), 300))]);
    expect(race).toBe("waiting");
    controller.abort();
    await waiting.catch(() => {});
  });

  it("closes only the session that sends a malformed body or an oversized one, and answers 410 afterwards", async () => {
    const server = await start({ limits: { maxUpdateBytes: 1024, maxAwarenessBytes: 1024 } });
    const f = buildFiche(db);
    const cookie = await sessionCookie(buildUser(db).id);
    const honest = connect(server.baseUrl, f.id, { cookie, transport: "http" });
    await synced(honest);

    const truncated = await sessionOf(server, f.id, cookie);
    const badBody = await fetch(truncated, { method: "POST", body: new Uint8Array([0, 0, 0, 9, 1, 2]) as BodyInit });
    expect(badBody.status).toBe(400);
    expect(await badBody.text()).toMatch(/truncated message/);

    const oversized = await sessionOf(server, f.id, cookie);
    const bigBody = await fetch(oversized, { method: "POST", body: new Uint8Array(64 * 1024) as BodyInit });
    expect(bigBody.status).toBe(413);

    expect((await fetch(`${httpUrl(server, HTTP_SESSION_PREFIX)}/${"x".repeat(24)}?seen=0`)).status).toBe(410);
    honest.doc.getText("titre").insert(0, "Toujours là");
    await waitFor(() => storedTitle(f.id) === "Toujours là", 5000, "the honest session stopped working");
  });

  it("ends a session that stops polling, and removes its presence for the others", async () => {
    const server = await start({ heartbeatIntervalMs: 100, heartbeatTimeoutMs: 300 });
    const f = buildFiche(db);
    const watcher = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    await synced(watcher);
    const session = await sessionOf(server, f.id, await sessionCookie(buildUser(db).id));
    await waitFor(() => server.collab.stats().connections === 2, 5000, "the session did not join");
    // It never polls: as a client whose network dropped.
    await waitFor(() => server.collab.stats().connections === 1, 5000, "the silent session stayed");
    expect(server.logger.lines.some((line) => /no answer for \d+ ms, terminating/.test(line))).toBe(true);
    expect((await fetch(`${session}?seen=0`)).status).toBe(410);
  });
});
