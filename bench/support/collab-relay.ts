/**
 * The baseline of bench/collab.ts: a minimal in-memory y-websocket relay, as in y-websocket's
 * reference server, with no auth, no limits and no persistence. Same launch contract as
 * server/collab/standalone.ts: prints `{"port":…}`, answers `{ type: "measure" }` over IPC.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { WebSocketServer, type WebSocket } from "ws";
import * as Y from "yjs";
import { EditHandling } from "@/server/collab/edit-handling";

type Room = { doc: Y.Doc; sockets: Set<WebSocket> };
const rooms = new Map<string, Room>();

function roomOf(name: string): Room {
  let room = rooms.get(name);
  if (!room) {
    const created: Room = { doc: new Y.Doc(), sockets: new Set() };
    created.doc.on("update", (update: Uint8Array, origin: unknown) => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, 0);
      syncProtocol.writeUpdate(encoder, update);
      const message = encoding.toUint8Array(encoder);
      for (const ws of created.sockets) if (ws !== origin) ws.send(message);
    });
    rooms.set(name, created);
    room = created;
  }
  return room;
}

/** As the wiki's pipeline measures it: per update, from being read to being broadcast. */
const handling = new EditHandling();

const wss = new WebSocketServer({ noServer: true });
const server = http.createServer((_req, res) => res.writeHead(404).end());
server.on("upgrade", (req, socket, head) => {
  wss.handleUpgrade(req, socket, head, (ws) => {
    const room = roomOf((req.url ?? "/").split("?")[0]);
    room.sockets.add(ws);
    ws.on("close", () => room.sockets.delete(ws));
    ws.on("message", (data: Buffer) => {
      const receivedAt = performance.now();
      const decoder = decoding.createDecoder(data);
      const type = decoding.readVarUint(decoder);
      if (type === 0) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, 0);
        const syncType = syncProtocol.readSyncMessage(decoder, encoder, room.doc, ws);
        if (encoding.length(encoder) > 1) ws.send(encoding.toUint8Array(encoder));
        if (syncType === syncProtocol.messageYjsUpdate) handling.record(receivedAt, performance.now());
      } else if (type === 1) {
        for (const other of room.sockets) if (other !== ws) other.send(data);
      }
    });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, 0);
    syncProtocol.writeSyncStep1(encoder, room.doc);
    ws.send(encoding.toUint8Array(encoder));
  });
});
server.listen(Number(process.env.COLLAB_PORT ?? 0), "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

process.on("message", (message: { type?: string }) => {
  if (message?.type !== "measure") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const connections = [...rooms.values()].reduce((n, room) => n + room.sockets.size, 0);
  process.send?.({ type: "measure", heapUsed: process.memoryUsage().heapUsed, gc: Boolean(gc), loadedFiches: rooms.size, connections, editHandling: handling.stats() });
});
process.once("SIGTERM", () => process.exit(0));
