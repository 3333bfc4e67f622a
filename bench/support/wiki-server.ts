import { fork, spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import WebSocket from "ws";
import { COLLAB_PATH_PREFIX } from "@/lib/collab/messages";
import type { EditHandlingStats } from "@/server/collab/edit-handling";
import { freePort, processTreeCpuSeconds, processTreeRssMb, sleep, trackProcessGroup, untrackProcessGroup } from "./processes";

const ROOT = path.resolve(import.meta.dirname, "../..");

/** A process a benchmark started and talks to over loopback. */
export type BenchProcess = {
  pid: number;
  port: number;
  /** `ws://127.0.0.1:<port>/_collab/<ficheId>`. */
  socketUrl(ficheId: number): string;
  /** Resident memory of the process and its children, in MB; null once it has exited. */
  rssMb(): number | null;
  /** CPU seconds used so far by the process and its children. */
  cpuSeconds(): number;
  /** Set once the process has exited. */
  exit: { code: number | null; signal: string | null } | null;
  /**
   * Clients' edits since the process started, and how long each took inside it, from being read to
   * being broadcast (the wiki's collab.stats().editHandling); null when it cannot be read.
   */
  editHandling(): Promise<EditHandlingStats | null>;
  stop(): Promise<void>;
};

/** process.memoryUsage() of the server's main thread, in MB: live heap, the heap V8 holds, memory outside it, resident (the whole process). */
export type MemoryAfterGc = {
  heapUsedMb: number;
  heapTotalMb: number;
  externalMb: number;
  rssMb: number;
  /** Each worker thread's live heap after its own full collection. */
  workers: { title: string; heapUsedMb: number | null }[];
};

export type WikiServer = BenchProcess & {
  baseUrl: string;
  /** The last lines the server wrote (stdout and stderr). */
  logTail(lines: number): string[];
  /**
   * The main process's memory after a full garbage collection, read through the inspector; null
   * when the server was started without `inspect` or the inspector did not answer.
   */
  memoryAfterGc(): Promise<MemoryAfterGc | null>;
  /** How many bytes the server has written to its log so far, to read what it writes next with logSince. */
  logSize(): number;
  logSince(offset: number): string[];
};

function hasProductionBuild(): boolean {
  return fs.existsSync(path.join(ROOT, ".next", "BUILD_ID"));
}

function newestSourceChange(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSourceChange(full));
    else if (/\.(tsx?|css)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

let staleBuildChecked = false;

/**
 * Rebuilds once when the build predates the sources: Next's pages would otherwise run older code
 * than server/index.ts, and the figures would describe software nobody runs.
 */
function rebuildIfStale(): void {
  if (staleBuildChecked) return;
  staleBuildChecked = true;
  const builtAt = fs.statSync(path.join(ROOT, ".next", "BUILD_ID")).mtimeMs;
  const changedAt = Math.max(...["app", "components", "lib", "server", "db"].map((dir) => newestSourceChange(path.join(ROOT, dir))));
  if (changedAt <= builtAt) return;
  const time = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ");
  console.log(`The production build (${time(builtAt)} UTC) is older than the sources (${time(changedAt)} UTC): \`next build\` first, which takes several minutes…`);
  const build = spawnSync("npx", ["next", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) throw new Error(`next build failed (${build.status ?? build.signal})`);
}

/** GET on loopback; resolves with the status and the time to the last byte. */
export function timedGet(agent: http.Agent, url: string, timeoutMs = 30_000): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on("error", reject);
  });
}

function stopGroup(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return exited;
  try {
    process.kill(-child.pid!, "SIGTERM");
  } catch {
    // Already gone.
  }
  const kill = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // Already gone.
    }
  }, graceMs);
  return exited.finally(() => clearTimeout(kill));
}

/**
 * Starts the production entry point, server/index.ts (Next, collaboration, projection, revisions,
 * search indexing), on a free loopback port with its own DATA_DIR, and waits for /api/sante.
 * server/index.ts runs `next build` first when .next/BUILD_ID is missing; an existing build is reused
 * unless the sources changed since.
 */
export async function startWikiServer(options: { dataDir: string; secret: string; env?: Record<string, string>; inspect?: boolean }): Promise<WikiServer> {
  const built = hasProductionBuild();
  if (!built) console.log("No production build (.next/BUILD_ID): server/index.ts runs `next build` first, which takes several minutes…");
  else rebuildIfStale();
  // On a shared machine each engineer's benchmarks keep to the port they were given.
  const port = Number(process.env.BENCH_PORT) || (await freePort());
  const logFile = path.join(options.dataDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: options.dataDir,
    PORT: String(port),
    // A benchmark stays on loopback.
    HOST: "127.0.0.1",
    NEXTAUTH_SECRET: options.secret,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
    ...options.env,
  };
  const nodeArgs = nodeArgsFromEnv("BENCH_SERVER_NODE_ARGS");
  // Port 0: the inspector takes a free port and prints its address in the log.
  if (options.inspect) nodeArgs.push("--inspect=127.0.0.1:0");
  const child = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", "server/index.ts"],
    { cwd: ROOT, env, stdio: ["ignore", log, log], detached: true },
  );
  fs.closeSync(log);
  trackProcessGroup(child.pid!);
  let exitInfo: WikiServer["exit"] = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      untrackProcessGroup(child.pid!);
      resolve();
    }),
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  const inspectorAddress = () => /Debugger listening on (ws:\/\/\S+)/.exec(fs.readFileSync(logFile, "utf8"))?.[1];
  const server: WikiServer = {
    pid: child.pid!,
    port,
    baseUrl,
    socketUrl: (ficheId) => `ws://127.0.0.1:${port}${COLLAB_PATH_PREFIX}/${ficheId}`,
    rssMb: () => (exitInfo ? null : processTreeRssMb(child.pid!)),
    cpuSeconds: () => processTreeCpuSeconds(child.pid!),
    get exit() {
      return exitInfo;
    },
    memoryAfterGc: async () => {
      const address = inspectorAddress();
      return address && !exitInfo ? memoryAfterGc(address) : null;
    },
    editHandling: async () => {
      const address = inspectorAddress();
      if (!address || exitInfo) return null;
      // The running collaboration server is reachable from any module graph through globalThis (server/collab/registry.ts).
      const value = await evaluateInServer(address, "JSON.stringify(globalThis.__wikiCollabServer?.stats?.().editHandling ?? null)");
      return typeof value === "string" ? (JSON.parse(value) as EditHandlingStats | null) : null;
    },
    logTail: (lines) => fs.readFileSync(logFile, "utf8").trimEnd().split("\n").slice(-lines),
    logSize: () => fs.statSync(logFile).size,
    logSince: (offset) => fs.readFileSync(logFile).subarray(offset).toString("utf8").split("\n").filter(Boolean),
    stop: () => stopGroup(child, exited, 10_000),
  };

  const agent = new http.Agent({ keepAlive: false });
  const deadline = Date.now() + (built ? 3 : 20) * 60_000;
  while (Date.now() < deadline) {
    if (exitInfo) throw new Error(`server/index.ts exited (${JSON.stringify(exitInfo)}):\n${server.logTail(20).join("\n")}`);
    try {
      if ((await timedGet(agent, `${baseUrl}/api/sante`, 5000)).status === 200) return server;
    } catch {
      // Not listening yet.
    }
    await sleep(250);
  }
  await server.stop();
  throw new Error(`server/index.ts did not answer /api/sante in time:\n${server.logTail(20).join("\n")}`);
}

/** The value of `expression` evaluated on the main thread of the server whose inspector is at `address`; null after 10 s or on error. */
function evaluateInServer(address: string, expression: string): Promise<unknown> {
  return new Promise((resolve) => {
    const socket = new WebSocket(address);
    const finish = (value: unknown) => {
      clearTimeout(timer);
      socket.terminate();
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), 10_000);
    socket.on("open", () => socket.send(JSON.stringify({ id: 1, method: "Runtime.evaluate", params: { expression, returnByValue: true } })));
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; result?: { result?: { value?: unknown } } };
      if (message.id === 1) finish(message.result?.result?.value ?? null);
    });
    socket.on("error", () => finish(null));
  });
}

const USAGE = { expression: "JSON.stringify(process.memoryUsage())", returnByValue: true };
const DETACH = 5;

function usageMb(value: unknown): NodeJS.MemoryUsage | null {
  return typeof value === "string" ? (JSON.parse(value) as NodeJS.MemoryUsage) : null;
}

/**
 * Asks the inspector at `address` for a full collection and the memory of the main thread, then
 * of each worker thread (the projection and the checkpointer have their own heaps), in MB.
 */
function memoryAfterGc(address: string): Promise<MemoryAfterGc | null> {
  return new Promise((resolve) => {
    const socket = new WebSocket(address);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    let main: NodeJS.MemoryUsage | null = null;
    const workers = new Map<string, { title: string; usage: NodeJS.MemoryUsage | null }>();
    let result: MemoryAfterGc | null = null;
    // Called by the last worker's answer, the 3 s after the workers were asked, the socket closing (after an error too) or the 30 s deadline: the first wins.
    let finished = false;
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      clearTimeout(workersDeadline);
      result = main && {
        heapUsedMb: mb(main.heapUsed),
        heapTotalMb: mb(main.heapTotal),
        externalMb: mb(main.external),
        rssMb: mb(main.rss),
        workers: [...workers.values()].map((w) => ({ title: w.title, heapUsedMb: w.usage ? mb(w.usage.heapUsed) : null })),
      };
      // Closing the socket while a worker's session still has a request in flight crashes the
      // server (SIGSEGV, Node 20; seen when a worker had not answered within 3 s on a loaded
      // machine, the next round then failing with ECONNRESET): each worker session is detached first.
      if (workers.size === 0 || socket.readyState !== WebSocket.OPEN) return socket.terminate();
      detachesLeft = workers.size;
      closeDeadline = setTimeout(() => socket.terminate(), 30_000);
      for (const sessionId of workers.keys()) send({ id: DETACH, method: "NodeWorker.detach", params: { sessionId } });
    };
    let detachesLeft = 0;
    let closeDeadline: NodeJS.Timeout | undefined;
    socket.on("close", () => {
      clearTimeout(closeDeadline);
      finish();
      resolve(result);
    });
    const timer = setTimeout(finish, 30_000);
    let workersDeadline: NodeJS.Timeout | undefined;
    const send = (message: object) => socket.send(JSON.stringify(message));
    socket.on("open", () => {
      send({ id: 1, method: "HeapProfiler.collectGarbage" });
      send({ id: 2, method: "Runtime.evaluate", params: USAGE });
    });
    socket.on("message", (data) => {
      const message = JSON.parse(String(data)) as { id?: number; method?: string; params?: Record<string, unknown>; result?: { result?: { value?: unknown } } };
      if (message.id === DETACH) {
        if (--detachesLeft === 0) socket.close();
      } else if (message.id === 2) {
        main = usageMb(message.result?.result?.value);
        send({ id: 3, method: "NodeWorker.enable", params: { waitForDebuggerOnStart: false } });
        // The workers attach just after enable; whoever has not answered within 3 s is left out.
        workersDeadline = setTimeout(finish, 3000);
      } else if (message.method === "NodeWorker.attachedToWorker") {
        const sessionId = String(message.params?.sessionId);
        const info = message.params?.workerInfo as { title?: string; url?: string } | undefined;
        workers.set(sessionId, { title: info?.title || info?.url || "worker", usage: null });
        const toWorker = (inner: object) => send({ id: 4, method: "NodeWorker.sendMessageToWorker", params: { sessionId, message: JSON.stringify(inner) } });
        toWorker({ id: 1, method: "HeapProfiler.collectGarbage" });
        toWorker({ id: 2, method: "Runtime.evaluate", params: USAGE });
      } else if (message.method === "NodeWorker.receivedMessageFromWorker") {
        const inner = JSON.parse(String(message.params?.message)) as { id?: number; result?: { result?: { value?: unknown } } };
        const worker = workers.get(String(message.params?.sessionId));
        if (inner.id === 2 && worker) worker.usage = usageMb(inner.result?.result?.value);
        if ([...workers.values()].every((w) => w.usage)) finish();
      }
    });
    // ws closes the socket after an error: "close" resolves.
    socket.on("error", () => {});
  });
}

/**
 * Node options for a side, from the environment: e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" in
 * BENCH_SERVER_NODE_ARGS and BENCH_RELAY_NODE_ARGS profiles both sides, so that they compare alike.
 */
function nodeArgsFromEnv(name: string): string[] {
  return (process.env[name] ?? "").split(/\s+/).filter(Boolean);
}

/**
 * Starts the in-memory relay (support/collab-relay.ts), the baseline of bench/collab: no auth,
 * no limits, no persistence, no projection.
 */
export function startRelay(): Promise<BenchProcess> {
  const child = fork(path.join(import.meta.dirname, "collab-relay.ts"), {
    execArgv: [...nodeArgsFromEnv("BENCH_RELAY_NODE_ARGS"), "--import", "tsx"],
    env: { ...process.env, COLLAB_PORT: "0" },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
    detached: true,
  });
  trackProcessGroup(child.pid!);
  let exitInfo: BenchProcess["exit"] = null;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (code, signal) => {
      exitInfo = { code, signal };
      untrackProcessGroup(child.pid!);
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (!match) return;
      const port = Number(match[1]);
      resolve({
        pid: child.pid!,
        port,
        socketUrl: (ficheId) => `ws://127.0.0.1:${port}${COLLAB_PATH_PREFIX}/${ficheId}`,
        rssMb: () => (exitInfo ? null : processTreeRssMb(child.pid!)),
        cpuSeconds: () => processTreeCpuSeconds(child.pid!),
        get exit() {
          return exitInfo;
        },
        editHandling: () => relayEditHandling(child),
        stop: () => stopGroup(child, exited, 5000),
      });
    });
    void exited.then(() => reject(new Error(`the relay exited (${JSON.stringify(exitInfo)})`)));
  });
}

/** The relay's own figures, asked over IPC (`{ type: "measure" }`, see collab-relay.ts); null after 5 s. */
function relayEditHandling(child: ChildProcess): Promise<EditHandlingStats | null> {
  return new Promise((resolve) => {
    const onMessage = (message: { type?: string; editHandling?: EditHandlingStats }) => {
      if (message?.type !== "measure") return;
      finish(message.editHandling ?? null);
    };
    const finish = (value: EditHandlingStats | null) => {
      clearTimeout(timer);
      child.off("message", onMessage);
      resolve(value);
    };
    const timer = setTimeout(() => finish(null), 5000);
    child.on("message", onMessage);
    child.send({ type: "measure" });
  });
}
