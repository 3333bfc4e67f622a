/**
 * Runs the collaboration server alone, without Next, for the durability test and the benchmark:
 *   DATA_DIR=… COLLAB_PORT=0 node --import tsx server/collab/standalone.ts
 * Prints `{"port":…}` once listening. With an IPC channel (child_process.fork), answers
 * `{ type: "measure" }` with the heap size (after a gc when run with --expose-gc) and the counts.
 * COLLAB_LOG=silent mutes the log.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb, closeDatabases } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { silentLogger, consoleLogger } from "./log";
import { createCollabServer, isCollabPath } from "./server";

const db = getDb();
migrateDatabase(db);
const collab = createCollabServer({ db, logger: process.env.COLLAB_LOG === "silent" ? silentLogger : consoleLogger });
const server = http.createServer((req, res) => {
  if (isCollabPath(req.url)) collab.handleHttp(req, res);
  else res.writeHead(404, { "content-type": "text/plain" }).end("Not found\n");
});
server.on("upgrade", (req, socket, head) => {
  if (isCollabPath(req.url)) collab.handleUpgrade(req, socket, head);
  else socket.destroy();
});

// Not PORT: server/config.ts reads it for publicUrl() and refuses 0.
const requestedPort = Number(process.env.COLLAB_PORT ?? 0);
server.listen(Number.isInteger(requestedPort) ? requestedPort : 0, "127.0.0.1", () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});

process.on("message", (message: { type?: string }) => {
  if (message?.type !== "measure") return;
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  process.send?.({ type: "measure", heapUsed: process.memoryUsage().heapUsed, gc: Boolean(gc), ...collab.stats() });
});

process.once("SIGTERM", () => {
  void collab.close().then(() => {
    server.closeAllConnections();
    server.close();
    closeDatabases();
    process.exit(0);
  });
});
