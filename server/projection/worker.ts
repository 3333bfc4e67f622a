// The projection worker (see service.ts): does fiches' derived work on its own SQLite connection,
// one request at a time, off the thread that serves the sockets.
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { consoleLogger } from "../collab/log";
import { registerStorageDocuments } from "../collab/storage-documents";
import { yieldToSocketThread } from "../thread-scheduling";
import { StoredDocuments } from "./stored-documents";
import { doFicheWork, type WorkerReply, type WorkerRequest } from "./work";

// Derived work may wait, keystrokes may not.
yieldToSocketThread();

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
