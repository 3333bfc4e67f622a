import { afterEach, describe, expect, it, vi } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { getTestDb } from "@/db/testing";
import { HEARTBEAT_SLICES, startHeartbeat } from "./heartbeat";
import type { CollabConnection } from "./connection";
import { buildFiche, buildUser, connectClient, recordingLogger, sessionCookie, settle, startTestServer, synced, waitFor, type TestServer } from "./testing";

const db = getTestDb();
const servers: TestServer[] = [];
const providers: WebsocketProvider[] = [];

async function start() {
  const logger = recordingLogger();
  const server = await startTestServer(db, { logger, heartbeatIntervalMs: 100, heartbeatTimeoutMs: 300 });
  servers.push(server);
  return { ...server, logger };
}

/** A y-websocket client whose socket never answers pings, as one behind a dropped network. */
function connectSilentClient(baseUrl: string, ficheId: number, cookie: string): WebsocketProvider {
  class SilentWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie }, autoPong: false });
    }
  }
  const provider = new WebsocketProvider(baseUrl, String(ficheId), new Y.Doc(), {
    WebSocketPolyfill: SilentWebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  // Reconnecting would bring the presence back: this client stands for one that is gone.
  provider.on("connection-close", () => (provider.shouldConnect = false));
  providers.push(provider);
  return provider;
}

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

describe("collaboration heartbeat", () => {
  it("terminates a connection that stops answering pings and removes its presence for the others", async () => {
    const server = await start();
    const f = buildFiche(db);
    const watcher = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    providers.push(watcher.provider);
    const silent = connectSilentClient(server.baseUrl, f.id, await sessionCookie(buildUser(db, { name: "Partie" }).id));
    silent.awareness.setLocalStateField("user", { name: "Partie" });
    await synced(watcher);
    await waitFor(() => watcher.provider.awareness.getStates().has(silent.awareness.clientID), 5000, "the watcher never saw the silent client");

    await waitFor(() => !watcher.provider.awareness.getStates().has(silent.awareness.clientID), 5000, "the silent client's presence stayed");
    expect(server.logger.lines.some((line) => /no answer for \d+ ms, terminating/.test(line))).toBe(true);
    expect(server.collab.stats()).toMatchObject({ connections: 1, heartbeatWatched: 1 });
  });

  it("keeps connections that answer pings, however long they stay quiet", async () => {
    const server = await start();
    const f = buildFiche(db);
    const a = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const b = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    providers.push(a.provider, b.provider);
    b.provider.awareness.setLocalStateField("user", { name: "Présente" });
    await Promise.all([synced(a), synced(b)]);
    await waitFor(() => a.provider.awareness.getStates().has(b.doc.clientID));

    // Ten heartbeat periods without a single document or presence message.
    await settle(1000);
    expect(a.provider.awareness.getStates().has(b.doc.clientID)).toBe(true);
    expect(a.closes).toEqual([]);
    expect(server.logger.lines.filter((line) => line.includes("terminating"))).toEqual([]);
  });
});

describe("collaboration heartbeat after a stall of the server", () => {
  it("judges nobody on the tick that follows a blocked event loop, when the pongs are still unread", async () => {
    const server = await start();
    const f = buildFiche(db);
    const a = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    providers.push(a.provider);
    await synced(a);

    // The whole process stops for ten times the timeout: no pong can be read meanwhile.
    const until = performance.now() + 3000;
    while (performance.now() < until);
    await settle(500);

    expect(a.closes).toEqual([]);
    expect(server.logger.lines.filter((line) => line.includes("terminating"))).toEqual([]);
  });
});

describe("heartbeat rounds", () => {
  afterEach(() => vi.useRealTimers());

  it("visits each connection once per interval, a slice of them at a time, and tells it when to ping", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] });
    const visits: number[][] = [];
    const members = Array.from(
      { length: 100 },
      (_, i) => ({ heartbeat: (_now: number, _dead: number, pingAfter: number) => visits.at(-1)!.push(i * 10_000 + pingAfter) }) as unknown as CollabConnection,
    );
    const heartbeat = startHeartbeat(800, 2400);
    members.forEach((member) => heartbeat.add(member));
    for (let tick = 0; tick < 2 * HEARTBEAT_SLICES; tick++) {
      visits.push([]);
      vi.advanceTimersByTime(800 / HEARTBEAT_SLICES);
    }
    heartbeat.stop();

    // No tick visits more than its share: a round's pings no longer leave together.
    for (const tick of visits) expect(tick.length).toBeLessThanOrEqual(Math.ceil(100 / HEARTBEAT_SLICES));
    const firstRound = visits.slice(0, HEARTBEAT_SLICES).flat();
    const secondRound = visits.slice(HEARTBEAT_SLICES).flat();
    const everyone = members.map((_, i) => i * 10_000 + 800);
    expect(firstRound.sort((a, b) => a - b)).toEqual(everyone);
    expect(secondRound.sort((a, b) => a - b)).toEqual(everyone);
  });

  it("stops visiting a connection once it has left", () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "performance"] });
    const visited = new Set<number>();
    const members = Array.from({ length: 10 }, (_, i) => ({ heartbeat: () => visited.add(i) }) as unknown as CollabConnection);
    const heartbeat = startHeartbeat(800, 2400);
    members.forEach((member) => heartbeat.add(member));
    members.filter((_, i) => i % 2 === 1).forEach((member) => heartbeat.remove(member));
    vi.advanceTimersByTime(800);
    heartbeat.stop();

    expect([...visited].sort((a, b) => a - b)).toEqual([0, 2, 4, 6, 8]);
    expect(heartbeat.size).toBe(5);
  });

  it("does not ping a connection that keeps speaking, and pings it once it falls quiet", async () => {
    const server = await start();
    const f = buildFiche(db);
    const a = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    providers.push(a.provider);
    await synced(a);
    let pings = 0;
    (a.provider.ws as unknown as WebSocket).on("ping", () => pings++);

    // A keystroke every 30 ms for ten heartbeat intervals (100 ms here).
    let typed = 0;
    const typing = setInterval(() => a.doc.getText("titre").insert(0, String(typed++ % 10)), 30);
    await settle(1000);
    clearInterval(typing);
    expect(pings).toBe(0);

    await waitFor(() => pings > 0, 2000, "a quiet connection was never pinged");
  });
});
