import { fork, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import { openDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { fiche, user } from "@/db/schema";
import { COLLAB_PATH_PREFIX } from "@/lib/collab/messages";
import { storeInitialDocument } from "@/server/collab/persistence";
import { ordinaryFicheState, SimClient, type SendLog } from "./support/sim-client";

/**
 * Broadcast latency, throughput and memory of the collaboration server against a minimal
 * in-memory relay, with the same simulated clients typing on real loopback sockets.
 * Env: BENCH_SECONDS (20), BENCH_CLIENTS (500), BENCH_FICHES (100), BENCH_RATE (200 updates/s).
 */

type Measure = { heapUsed: number; gc: boolean; loadedFiches: number; connections: number };
type Figures = { p50: number; p99: number; updatesPerSecond: number; deliveries: number; kbPerFiche: number; gc: boolean };

const config = {
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  clients: Number(process.env.BENCH_CLIENTS ?? 500),
  fiches: Number(process.env.BENCH_FICHES ?? 100),
  rate: Number(process.env.BENCH_RATE ?? 200),
};
const WARMUP_PHASES = 2;
const USERS = 20;

function startChild(script: string, dataDir: string, secret: string): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(script, {
    execArgv: ["--import", "tsx", "--expose-gc"],
    env: { ...process.env, DATA_DIR: dataDir, NEXTAUTH_SECRET: secret, COLLAB_PORT: "0", COLLAB_LOG: "silent" },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /\{"port":(\d+)\}/.exec(out);
      if (match) resolve({ child, port: Number(match[1]) });
    });
    child.once("exit", (code) => reject(new Error(`${script} exited with code ${code}`)));
  });
}

function measure(child: ChildProcess): Promise<Measure> {
  return new Promise((resolve) => {
    child.once("message", (m) => resolve(m as Measure));
    child.send({ type: "measure" });
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

type Side = {
  name: string;
  child: ChildProcess;
  baseline: Measure;
  clients: SimClient[];
  latencies: number[];
  recording: boolean;
  measuredTyped: number;
};

async function startSide(name: string, script: string, dataDir: string, secret: string, cookies: (string | null)[], ficheIds: number[], seeds: Uint8Array[], sent: SendLog): Promise<Side> {
  const { child, port } = await startChild(script, dataDir, secret);
  const side: Side = { name, child, baseline: await measure(child), clients: [], latencies: [], recording: false, measuredTyped: 0 };
  for (let i = 0; i < config.clients; i += 50) {
    const batch = Array.from({ length: Math.min(50, config.clients - i) }, (_, k) => {
      const n = i + k;
      const f = n % ficheIds.length;
      return new SimClient(`ws://127.0.0.1:${port}${COLLAB_PATH_PREFIX}/${ficheIds[f]}`, cookies[n % cookies.length], seeds[f], sent, (ms) => {
        if (side.recording) side.latencies.push(ms);
      });
    });
    side.clients.push(...batch);
    await Promise.all(batch.map((c) => c.synced));
  }
  return side;
}

/** Types on one side's clients at the configured total rate for `ms`. */
function typePhase(side: Side, ms: number): Promise<void> {
  const started = performance.now();
  let typed = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Math.min(ms, performance.now() - started);
      const due = Math.floor((elapsed / 1000) * config.rate) - typed;
      for (let i = 0; i < due; i++) side.clients[Math.floor(Math.random() * side.clients.length)].type();
      typed += due;
      if (side.recording) side.measuredTyped += due;
      if (elapsed >= ms) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
}

async function finish(side: Side, measuredSeconds: number): Promise<Figures> {
  const loaded = await measure(side.child);
  for (const c of side.clients) c.close();
  await stop(side.child);
  const sorted = side.latencies.sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    updatesPerSecond: side.measuredTyped / measuredSeconds,
    deliveries: sorted.length / measuredSeconds,
    kbPerFiche: (loaded.heapUsed - side.baseline.heapUsed) / 1024 / Math.max(1, loaded.loadedFiches),
    gc: loaded.gc,
  };
}

/** Runs both scenarios and prints their figures and ratios. */
export async function run(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-collab-"));
  const secret = crypto.randomBytes(32).toString("base64url");
  try {
    const db = openDatabase(path.join(dataDir, "wiki.sqlite"));
    migrateDatabase(db);
    const userIds = Array.from({ length: USERS }, (_, i) =>
      db.insert(user).values({ email: `bench-${i}@example.org`, name: `Bench ${i}` }).returning().get().id,
    );
    const seeds = Array.from({ length: config.fiches }, (_, i) => ordinaryFicheState(i));
    const ficheIds = seeds.map((seed, i) => {
      const id = db.insert(fiche).values({ slug: `bench-${i}`, type: "pratique", statut: "publiee" }).returning().get().id;
      storeInitialDocument(db, id, seed);
      return id;
    });
    db.$client.close();
    const cookies = await Promise.all(
      userIds.map(async (id) => `next-auth.session-token=${await encode({ token: { sub: String(id) }, secret })}`),
    );

    console.log(
      `collab: ${config.clients} clients over ${config.fiches} fiches, ${config.rate} updates/s for ${config.seconds} s ` +
        `each, in alternating 1 s phases (first ${WARMUP_PHASES} s of each not measured), ${os.cpus().length} CPUs, fiche of ${seeds[0].length} bytes`,
    );
    const here = import.meta.dirname;
    const sent: SendLog = new Map();
    const sides = [
      await startSide("collab server", path.join(here, "../server/collab/standalone.ts"), dataDir, secret, cookies, ficheIds, seeds, sent),
      await startSide("in-memory relay", path.join(here, "support/collab-relay.ts"), dataDir, secret, [null], ficheIds, seeds, sent),
    ];
    // The machine is shared: alternating one-second phases exposes both to the same background load.
    for (let phase = 0; phase < 2 * config.seconds; phase++) {
      const side = sides[phase % 2];
      side.recording = phase >= 2 * WARMUP_PHASES;
      await typePhase(side, 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const measuredSeconds = config.seconds - WARMUP_PHASES;
    const server = await finish(sides[0], measuredSeconds);
    const relay = await finish(sides[1], measuredSeconds);

    const row = (name: string, f: Figures) =>
      `${name.padEnd(18)} ${f.p50.toFixed(2).padStart(8)} ${f.p99.toFixed(2).padStart(8)} ${f.updatesPerSecond.toFixed(0).padStart(10)} ${f.deliveries.toFixed(0).padStart(13)} ${f.kbPerFiche.toFixed(1).padStart(12)}`;
    console.log(`${"".padEnd(18)} ${"p50 ms".padStart(8)} ${"p99 ms".padStart(8)} ${"updates/s".padStart(10)} ${"deliveries/s".padStart(13)} ${"KB/fiche".padStart(12)}`);
    console.log(row("collab server", server));
    console.log(row("in-memory relay", relay));
    console.log(
      `${"ratio".padEnd(18)} ${(server.p50 / relay.p50).toFixed(2).padStart(8)} ${(server.p99 / relay.p99).toFixed(2).padStart(8)} ` +
        `${(server.updatesPerSecond / relay.updatesPerSecond).toFixed(2).padStart(10)} ${(server.deliveries / relay.deliveries).toFixed(2).padStart(13)} ${(server.kbPerFiche / relay.kbPerFiche).toFixed(2).padStart(12)}`,
    );
    if (!server.gc) console.log("(no --expose-gc in the child: heap figures include garbage)");
    const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
    console.log(
      `targets: p99 <= 1.5x relay ${verdict(server.p99 <= 1.5 * relay.p99)}, p99 <= 25 ms ${verdict(server.p99 <= 25)}, ` +
        `<= 300 KB per fiche ${verdict(server.kbPerFiche <= 300)}`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
