import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";
import type { Db } from "@/db/client";
import { documentsFileOf } from "@/db/documents-file";
import { errorMessage, type CollabLogger } from "./log";

// Plain CommonJS evaluated in the worker: it must load without the TypeScript loader.
// The first commit after a complete checkpoint starts the WAL over, and fsyncs its new header. Left
// to the next writer, that fsync blocked the socket's thread (an append) about once a second: this
// connection makes that commit itself, user_version rewritten to its own value (the wiki does not use
// it). data_version tells whether another connection committed since: an idle file is left alone.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
db.prepare("ATTACH DATABASE ? AS documents").run(workerData.documentsFile);
const restartedAtVersion = {};
const checkpoint = () => {
  for (const file of ["main", "documents"]) {
    try {
      const version = db.pragma(file + ".data_version", { simple: true });
      if (restartedAtVersion[file] === version) continue;
      const [{ busy, log, checkpointed }] = db.pragma(file + ".wal_checkpoint(PASSIVE)");
      if (busy || log === 0 || checkpointed !== log) continue;
      db.pragma(file + ".user_version = " + db.pragma(file + ".user_version", { simple: true }));
      restartedAtVersion[file] = version;
    } catch (error) {
      parentPort.postMessage({ error: String(error && error.message || error) });
    }
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ stopped: true });
});
`;

const autocheckpointHolders = new WeakMap<Db, { count: number; previous: number }>();

/**
 * With synchronous=NORMAL, a WAL commit never waits on the disk, but the automatic checkpoint that
 * some commits run does fsync, and blocks the event loop for tens of milliseconds on a slow disk:
 * every peer's broadcast waits behind it. While the collaboration server runs, checkpoints run in
 * a worker thread on its own connection instead, and the shared connection's autocheckpoint is off.
 * Returns a function that stops the worker and restores the autocheckpoint.
 */
export function startBackgroundCheckpoints(db: Db, logger: CollabLogger, intervalMs = 1000): () => Promise<void> {
  const file = db.$client.name;
  if (db.$client.memory || !file) return async () => {};
  // Several servers may share a connection (tests): the last one to stop restores the setting.
  let holders = autocheckpointHolders.get(db);
  if (!holders) {
    holders = { count: 0, previous: db.$client.pragma("wal_autocheckpoint", { simple: true }) as number };
    autocheckpointHolders.set(db, holders);
  }
  holders.count++;
  const restore = () => {
    if (--holders.count > 0) return;
    autocheckpointHolders.delete(db);
    if (db.$client.open) db.$client.pragma(`wal_autocheckpoint = ${holders.previous}`);
  };
  const driver = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file, documentsFile: documentsFileOf(file), intervalMs } });
  worker.unref();
  let running = true;
  worker.on("message", (message: { error?: string }) => {
    if (message.error) logger.warn(`background WAL checkpoint failed: ${message.error}`);
  });
  worker.on("error", (error) => {
    logger.error(`background WAL checkpoints stopped, back to automatic checkpoints: ${errorMessage(error)}`, error);
    running = false;
    restore();
  });
  db.$client.pragma("wal_autocheckpoint = 0");

  return async () => {
    if (!running) return;
    running = false;
    restore();
    await new Promise<void>((resolve) => {
      const timeout = setTimeout(() => void worker.terminate().then(() => resolve()), 2000);
      worker.on("message", (message: { stopped?: boolean }) => {
        if (!message.stopped) return;
        clearTimeout(timeout);
        void worker.terminate().then(() => resolve());
      });
      worker.on("exit", () => {
        clearTimeout(timeout);
        resolve();
      });
      worker.postMessage("stop");
    });
  };
}
