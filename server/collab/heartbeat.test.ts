import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { getTestDb } from "@/db/testing";
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
    expect(server.collab.stats().connections).toBe(1);
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
