// The projection worker (see service.ts): does fiches' derived work on its own SQLite connection,
// one request at a time, off the thread that serves the sockets.
import fs from "node:fs";
import os from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { consoleLogger } from "../collab/log";
import { registerStorageDocuments } from "../collab/storage-documents";
import { StoredDocuments } from "./stored-documents";
import { doFicheWork, type WorkerReply, type WorkerRequest } from "./work";

// Derived work may wait, keystrokes may not: on Linux each thread has its own nice value, so the
// worker yields the CPU to the socket's thread when both want it. Elsewhere it keeps the default.
function lowerThreadPriority(): void {
  try {
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, 10);
  } catch {
    // Not Linux, or not allowed: same priority as the socket's thread.
  }
}
lowerThreadPriority();

// Re-rendering the fiches that cite a projected one reads their bodies through the document service.
registerStorageDocuments();
const port = parentPort!;
const db = openDatabase((workerData as { file: string }).file);
// Checkpoints are the connection's that serves the sockets, or the background checkpointer's
// (server/collab/checkpointer.ts): run here, their fsyncs would stall projections every ~1000 pages.
db.$client.pragma("wal_autocheckpoint = 0");
const documents = new StoredDocuments(db, consoleLogger);
const reply = (message: WorkerReply) => port.postMessage(message);

port.on("message", (request: WorkerRequest) => {
  if (request.type === "work") {
    reply({ type: "done", ficheId: request.work.ficheId, errors: doFicheWork(db, documents, request.work) });
    return;
  }
  db.$client.close();
  port.close();
});
reply({ type: "ready" });
