// The projection worker (see service.ts): does fiches' derived work on its own SQLite connection,
// one request at a time, off the thread that serves the sockets.
import { parentPort, workerData } from "node:worker_threads";
import { openDatabase } from "@/db/client";
import { consoleLogger } from "../collab/log";
import { StoredDocuments } from "./stored-documents";
import { doFicheWork, type WorkerReply, type WorkerRequest } from "./work";

const port = parentPort!;
const db = openDatabase((workerData as { file: string }).file);
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
