import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { buildFiche, buildUser, connectClient, recordingLogger, sessionCookie, startTestServer, synced, waitFor, type TestServer } from "@/server/collab/testing";
import { isCollabPath } from "@/server/collab/path";
import { fallbackSocketClass } from "./fallback-socket";
import { HttpSocket } from "./http-socket";

const db = getTestDb();
const servers: TestServer[] = [];
const providers: WebsocketProvider[] = [];

afterEach(async () => {
  for (const provider of providers.splice(0)) provider.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

/** Makes the server refuse every upgrade, as a proxy that blocks WebSockets, or lets them through again. */
function blockUpgrades(server: TestServer, blocked: boolean): void {
  server.http.removeAllListeners("upgrade");
  server.http.on("upgrade", (req, socket, head) => {
    if (!blocked && isCollabPath(req.url)) server.collab.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
}

function connectWithFallback(server: TestServer, ficheId: number, cookie: string, retryWebSocketAfterMs: number) {
  const transports: string[] = [];
  const SocketClass = fallbackSocketClass({
    retryWebSocketAfterMs,
    createWebSocket: (url) => {
      transports.push("websocket");
      return new WebSocket(url, { headers: { cookie } }) as unknown as globalThis.WebSocket;
    },
    createHttpSocket: (url) => {
      transports.push("http");
      return new HttpSocket(url, undefined, { headers: { cookie } });
    },
  });
  const provider = new WebsocketProvider(server.baseUrl, String(ficheId), new Y.Doc(), { WebSocketPolyfill: SocketClass, disableBc: true, maxBackoffTime: 200 });
  providers.push(provider);
  return { provider, transports };
}

describe("the socket that falls back to HTTP", () => {
  it("switches to HTTP by itself when upgrades fail, co-edits there, and goes back to a WebSocket once upgrades work again", async () => {
    const server = await startTestServer(db, { logger: recordingLogger() });
    servers.push(server);
    blockUpgrades(server, true);
    const f = buildFiche(db);
    const { provider, transports } = connectWithFallback(server, f.id, await sessionCookie(buildUser(db).id), 300);
    await waitFor(() => provider.synced, 10_000, "the client never synced");
    expect(transports.slice(0, 3)).toEqual(["websocket", "websocket", "http"]);

    blockUpgrades(server, false);
    const peer = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    providers.push(peer.provider);
    await synced(peer);
    provider.doc.getText("titre").insert(0, "Derrière un proxy");
    await waitFor(() => peer.text() === "Derrière un proxy", 5000, "the peer never saw the edit");

    await waitFor(() => provider.ws instanceof WebSocket && provider.synced, 10_000, "the client stayed on HTTP");
    peer.doc.getText("titre").insert(0, "De retour. ");
    await waitFor(() => provider.doc.getText("titre").toString() === "De retour. Derrière un proxy", 5000, "edits stopped after the switch back");
  });
});
