import { Worker } from "node:worker_threads";
import type { Db } from "@/db/client";
import { consoleLogger, errorMessage, type CollabLogger } from "../collab/log";
import type { AutomaticRevisionReason } from "../collab/revisions";
import { StoredDocuments } from "./stored-documents";
import { doFicheWork, type FicheWork, type WorkerReply, type WorkerRequest } from "./work";

/**
 * What is derived from the live documents (projected rows, html, search entries, citing fiches,
 * revisions) is rebuilt here, off the thread that relays keystrokes: in a worker thread with its own
 * SQLite connection (WAL lets it write beside the socket's), or on this thread, one fiche per
 * event-loop turn, when there is no worker (an in-memory database, or a worker that cannot start).
 *
 * Work is queued per fiche and coalesced: a fiche is projected from its stored state when its turn
 * comes, however many changes were announced meanwhile, and at most one piece of work is in
 * flight. A fiche keeps its place in the queue, so none waits behind more than one round of the others.
 */
export type ProjectionService = {
  /**
   * Queues the projection of a fiche, from what storage holds when it runs: call it once a change
   * is stored. Settles once a state holding that change is projected, or the failure is in the log.
   */
  projectFiche(ficheId: number): Promise<void>;
  /** Queues a revision of a fiche; a fiche's revisions are taken in the order asked. */
  takeRevision(ficheId: number, state: Uint8Array, authorIds: number[], reason: AutomaticRevisionReason): void;
  /** Resolves once everything queued so far, and anything queued meanwhile, is done. */
  idle(): Promise<void>;
  /** Does everything still queued, then stops the worker; work queued later runs on this thread. */
  close(): Promise<void>;
  stats(): ProjectionStats;
};

/** Counters since the start: what waits, what was done, and the failures reported to the log. */
export type ProjectionStats = { pending: number; projections: number; revisions: number; failures: number };

export type ProjectionServiceOptions = {
  logger?: CollabLogger;
  /** Work in a worker thread (default), or on this thread. */
  worker?: boolean;
  /** How long close() waits for the worker before doing what is left on this thread. Default 10 s. */
  closeTimeoutMs?: number;
};

// Plain CommonJS evaluated in the worker: it loads tsx's ESM hooks, then the TypeScript entry, so
// that the worker starts the same way under `tsx server/index.ts` and under vitest.
const WORKER_SOURCE = `
const { workerData } = require("node:worker_threads");
import(workerData.tsxApi).then(({ register }) => {
  register();
  return import(workerData.entry);
});
`;

type WorkerHandle = { worker: Worker; ready: boolean; stopping: boolean };

/** A fiche's work and who waits for its projection; only `work` crosses to the worker. */
type Queued = { work: FicheWork; settle: (() => void)[] };

/** Starts the projection service of the database `db` (see ProjectionService). */
export function startProjectionService(db: Db, options: ProjectionServiceOptions = {}): ProjectionService {
  const logger = options.logger ?? consoleLogger;
  const queue = new Map<number, Queued>();
  const counts = { projections: 0, revisions: 0, failures: 0 };
  let running: Queued | null = null;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];
  // Fiches whose work took a worker down once: a second time, the work is dropped.
  const crashedOnce = new Set<number>();
  let closing: Promise<void> | null = null;
  let handle: WorkerHandle | null = null;
  // For work done on this thread: without a worker, or what is left after it stopped.
  let localDocuments: StoredDocuments | null = null;
  const doHere = (work: FicheWork) => doFicheWork(db, (localDocuments ??= new StoredDocuments(db, logger)), work);
  if (options.worker !== false && !db.$client.memory) {
    try {
      handle = spawnWorker();
    } catch (error) {
      logger.error(`projection worker could not start, projecting on the main thread: ${errorMessage(error)}`, error);
    }
  }

  function spawnWorker(): WorkerHandle {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { tsxApi: import.meta.resolve("tsx/esm/api"), entry: new URL("./worker.ts", import.meta.url).href, file: db.$client.name },
    });
    // Shutdown goes through close(), which keeps the process alive until the work is done.
    if (!closing) worker.unref();
    const self: WorkerHandle = { worker, ready: false, stopping: false };
    worker.on("message", (reply: WorkerReply) => {
      if (reply.type === "ready") {
        self.ready = true;
        schedule();
      } else if (reply.type === "done" && running?.work.ficheId === reply.ficheId) {
        finish(running, reply.errors);
      }
    });
    worker.on("error", (error) => logger.error(`projection worker failed: ${errorMessage(error)}`, error));
    worker.on("exit", () => {
      if (handle !== self || self.stopping) return;
      handle = null;
      if (!self.ready) {
        logger.error("projection worker could not start, projecting on the main thread");
      } else {
        requeueCrashed();
        handle = spawnWorker();
      }
      schedule();
    });
    return self;
  }

  function requeueCrashed(): void {
    const crashed = running;
    running = null;
    if (!crashed) return;
    const { ficheId } = crashed.work;
    if (crashedOnce.has(ficheId)) {
      crashedOnce.delete(ficheId);
      counts.failures++;
      logger.error(`fiche ${ficheId}: its derived work took the projection worker down twice, dropped`);
      for (const settle of crashed.settle) settle();
      return;
    }
    crashedOnce.add(ficheId);
    // Back at the head of the queue, merged with what came for the fiche meanwhile (newer state, later revisions).
    const newer = queue.get(ficheId);
    const rest = [...queue.values()].filter((q) => q.work.ficheId !== ficheId);
    queue.clear();
    queue.set(ficheId, {
      work: { ficheId, project: crashed.work.project || (newer?.work.project ?? false), revisions: [...crashed.work.revisions, ...(newer?.work.revisions ?? [])] },
      settle: [...crashed.settle, ...(newer?.settle ?? [])],
    });
    for (const q of rest) queue.set(q.work.ficheId, q);
  }

  function enqueue(ficheId: number): Queued {
    let queued = queue.get(ficheId);
    if (!queued) {
      queued = { work: { ficheId, project: false, revisions: [] }, settle: [] };
      queue.set(ficheId, queued);
    }
    schedule();
    return queued;
  }

  // Dispatch waits for the next turn, so that what one turn queues for a fiche is coalesced.
  function schedule(): void {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(dispatch);
  }

  function dispatch(): void {
    scheduled = false;
    if (running) return;
    const next = queue.values().next().value;
    if (!next) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
      return;
    }
    if (handle && !handle.ready) return;
    queue.delete(next.work.ficheId);
    running = next;
    if (handle) handle.worker.postMessage({ type: "work", work: next.work } satisfies WorkerRequest);
    else finish(next, doHere(next.work));
  }

  function finish(done: Queued, errors: string[]): void {
    running = null;
    crashedOnce.delete(done.work.ficheId);
    if (done.work.project) counts.projections++;
    counts.revisions += done.work.revisions.length;
    counts.failures += errors.length;
    for (const error of errors) logger.error(error);
    for (const settle of done.settle) settle();
    schedule();
  }

  function idle(): Promise<void> {
    if (!running && queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      idleWaiters.push(resolve);
      schedule();
    });
  }

  // Resolves true once idle, false after timeoutMs; meanwhile the worker keeps the process alive.
  async function drain(timeoutMs: number): Promise<boolean> {
    handle?.worker.ref();
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([idle().then(() => true), new Promise<false>((resolve) => (timer = setTimeout(resolve, timeoutMs, false)))]);
    clearTimeout(timer);
    return drained;
  }

  async function stopWorker(current: WorkerHandle, politely: boolean): Promise<void> {
    current.stopping = true;
    if (politely) {
      // The worker closes its connection before it exits.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2000);
        current.worker.once("exit", () => {
          clearTimeout(timer);
          resolve();
        });
        current.worker.postMessage({ type: "stop" } satisfies WorkerRequest);
      });
    }
    await current.worker.terminate();
  }

  return {
    projectFiche(ficheId) {
      const queued = enqueue(ficheId);
      queued.work.project = true;
      return new Promise((resolve) => queued.settle.push(resolve));
    },

    takeRevision(ficheId, state, authorIds, reason) {
      enqueue(ficheId).work.revisions.push({ state, authorIds, reason });
    },

    idle,

    close() {
      closing ??= (async () => {
        const drained = await drain(options.closeTimeoutMs ?? 10_000);
        const current = handle;
        handle = null;
        if (current) await stopWorker(current, drained);
        if (drained) return;
        // A worker stuck on one fiche: that fiche's work is dropped, the rest is done here.
        if (running) {
          counts.failures++;
          logger.error(`fiche ${running.work.ficheId}: derived work did not finish before shutdown, dropped`);
          for (const settle of running.settle) settle();
          running = null;
        }
        while (queue.size > 0) dispatch();
      })();
      return closing;
    },

    stats() {
      return { pending: queue.size + (running ? 1 : 0), ...counts };
    },
  };
}
