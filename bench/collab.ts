import crypto from "node:crypto";
import os from "node:os";
import type Database from "better-sqlite3";
import {
  alternatePhases,
  CLIENTS_LOOP_RESOLUTION_MS,
  closeClients,
  connectClients,
  latencyFigures,
  mb,
  ms,
  newSide,
  typeFor,
  waitForDeliveries,
  type LatencyFigures,
  type LoadSide,
} from "./support/collab-load";
import { readFichePages } from "./support/page-reader";
import { addSchedTimes, makeTempDir, noSchedTimes, openFileLimit, removeTempDir, sleep, type ProcessSchedTimes, type SchedTimes } from "./support/processes";
import { ProjectionProbe } from "./support/projection-probe";
import { ordinaryFicheState, ordinaryFicheTitre, type SendLog } from "./support/sim-client";
import { addFiche, addUser, openBenchDb, openReadOnlyDb, sessionCookie } from "./support/wiki-data";
import { startRelay, startWikiServer, type BenchProcess, type MemoryAfterGc, type WikiServer } from "./support/wiki-server";
import type { EditHandlingStats } from "@/server/collab/edit-handling";
import { timeSliceNs } from "@/server/thread-scheduling";

/**
 * The collaboration server on its production path: server/index.ts (Next, collaboration,
 * projection, revisions, search indexing), against a minimal in-memory relay, with the same
 * simulated clients typing on loopback sockets in alternating one-second phases.
 *   A: 500 clients on 100 fiches, 200 updates/s, in BENCH_ROUNDS rounds (memory after warm-up);
 *   C: on A's server, one reader loading fiche pages, without then with A's typing;
 *   B: 1,500 clients on 500 fiches, 350 updates/s (Hocuspocus's published single-node load);
 *   F: A's clients, 100 of them over the HTTP fallback instead of WebSockets (only when asked).
 * Env: BENCH_SECONDS (20 per side and round), BENCH_ROUNDS (3), BENCH_SCENARIOS (A,B,C; add F),
 * BENCH_REVISION_INTERVAL_MS (20000), BENCH_SERVER_NODE_ARGS and BENCH_RELAY_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile the server, and the relay alike).
 */

type Scenario = { name: string; clients: number; fiches: number; rate: number; rounds: number };

const config = {
  seconds: Number(process.env.BENCH_SECONDS ?? 20),
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  scenarios: new Set((process.env.BENCH_SCENARIOS ?? "A,B,C").toUpperCase().split(/[\s,]+/)),
  revisionIntervalMs: Number(process.env.BENCH_REVISION_INTERVAL_MS ?? 20_000),
};
const WARMUP_PHASES = 2;
/** In scenario F, one client in this many uses the HTTP fallback: 100 of A's 500. */
const FALLBACK_EVERY = 5;
const USERS = 20;
const PROBE = { everyMs: 250, pollMs: 20, timeoutMs: 30_000 };

type Prepared = { dataDir: string; secret: string; fiches: { id: number; slug: string; seed: Uint8Array }[]; cookies: string[] };

async function prepare(scenario: Scenario): Promise<Prepared> {
  const dataDir = makeTempDir(`wiki-bench-collab-${scenario.name}-`);
  const secret = crypto.randomBytes(32).toString("base64url");
  const db = openBenchDb(dataDir);
  const users = Array.from({ length: USERS }, (_, i) => addUser(db, { name: `Contributrice ${i}`, email: `bench-${i}@exemple.fr` }));
  const fiches = Array.from({ length: scenario.fiches }, (_, i) => {
    const seed = ordinaryFicheState(i);
    return { ...addFiche(db, { titre: ordinaryFicheTitre(i), state: seed }), seed };
  });
  db.$client.close();
  return { dataDir, secret, fiches, cookies: await Promise.all(users.map((u) => sessionCookie(secret, u))) };
}

type SideRound = { figures: LatencyFigures; typedPerSecond: number; cpu: number; rss: number | null; clientsLoopP99: number };
type Round = { server: SideRound; relay: SideRound };

const pad = (value: string, width: number) => value.padStart(width);
// The machine may be shared: a load average above the CPU count means the figures include others' work.
const loadAverage = () => `${os.loadavg()[0].toFixed(1)} (${os.cpus().length} CPUs)`;

function printRounds(rounds: Round[], all: { server: LatencyFigures; relay: LatencyFigures }): void {
  console.log(
    `${"".padEnd(24)}${pad("p50", 10)}${pad("p99", 10)}${pad("max", 10)}${pad("typed", 8)}${pad("delivered", 11)}${pad("CPU", 7)}${pad("RSS end", 9)}${pad("clients' loop p99", 19)}`,
  );
  const measured = config.seconds - WARMUP_PHASES;
  const row = (label: string, f: LatencyFigures, seconds: number, side?: SideRound) =>
    console.log(
      `${label.padEnd(24)}${pad(ms(f.p50), 10)}${pad(ms(f.p99), 10)}${pad(ms(f.max), 10)}` +
        `${pad(side ? `${side.typedPerSecond.toFixed(0)}/s` : "", 8)}${pad(`${(f.count / seconds).toFixed(0)}/s`, 11)}` +
        `${pad(side ? `${(100 * side.cpu).toFixed(0)}%` : "", 7)}${pad(side ? mb(side.rss) : "", 9)}${pad(side ? ms(side.clientsLoopP99) : "", 19)}`,
    );
  rounds.forEach((r, i) => {
    row(`round ${i + 1} wiki server`, r.server.figures, measured, r.server);
    row(`round ${i + 1} relay`, r.relay.figures, measured, r.relay);
  });
  if (rounds.length > 1) {
    row("all rounds wiki server", all.server, measured * rounds.length);
    row("all rounds relay", all.relay, measured * rounds.length);
  }
  console.log(
    "(delivered: updates received by peers per second; CPU: the process's CPU time during its typing phases, as a share of one core; " +
      "clients' loop p99: how late the benchmark's own event loop, which runs every client, ran during those phases, a part of the tail that neither server causes)",
  );
  const verdict = (ok: boolean) => (ok ? "met" : "MISSED");
  console.log(
    `p99 ratio wiki server / relay: ${(all.server.p99 / all.relay.p99).toFixed(2)}x (p50 ${(all.server.p50 / all.relay.p50).toFixed(2)}x); ` +
      `targets: p99 <= 1.5x the relay ${verdict(all.server.p99 <= 1.5 * all.relay.p99)}, p99 <= 25 ms ${verdict(all.server.p99 <= 25)}`,
  );
}

function printProbe(probe: ProjectionProbe): void {
  const f = latencyFigures(probe.lags);
  console.log(
    `projection lag (marker typed into a titre until the fiche row shows it, ${f.count} probes): ` +
      `p50 ${ms(f.p50)}, p95 ${ms(f.p95)}, max ${ms(f.max)}` +
      (probe.missed > 0 ? `; ${probe.missed} not projected within ${PROBE.timeoutMs / 1000} s` : ""),
  );
}

/**
 * The servers' own share of the latency, measured inside each: far steadier from run to run than the
 * peers' p99, which also holds the network, the clients' process and whoever else had the CPU.
 */
async function printEditHandling(server: WikiServer, relay: BenchProcess): Promise<void> {
  const [wiki, bare] = await Promise.all([server.editHandling(), relay.editHandling()]);
  const describe = (h: EditHandlingStats | null) => (h ? `p50 ${ms(h.p50Ms)}, p99 ${ms(h.p99Ms)}, max ${ms(h.maxMs)} (${h.edits} edits)` : "n/a");
  console.log(
    `inside each server, from reading an edit to having broadcast it (every edit since it started, warm-up included): ` +
      `wiki server ${describe(wiki)}; relay ${describe(bare)}` +
      (wiki && bare && bare.p99Ms > 0 ? `; p99 ratio ${(wiki.p99Ms / bare.p99Ms).toFixed(2)}x` : ""),
  );
}

type SideSched = { target: ProcessSchedTimes; clients: ProcessSchedTimes };

/**
 * Where each side's CPU time went, as Linux's scheduler counts it: the steady per-edit cost that the
 * peers' p99 hides, and how long each thread, once woken, waited for a CPU on this shared machine.
 */
function printSched(sched: { server: SideSched; relay: SideSched }, seconds: number, slicesNs: { server: number | null; relay: number | null }): void {
  const perSecond = (t: SchedTimes) => `${(t.runMs / seconds).toFixed(0)} / ${(t.waitMs / seconds).toFixed(0)} ms`;
  const perTurn = (t: SchedTimes) => (t.slices > 0 ? `${((1000 * t.waitMs) / t.slices).toFixed(0)} µs` : "n/a");
  const line = (label: string, s: SideSched) =>
    `  ${label.padEnd(12)} main thread (the sockets) ${perSecond(s.target.main)}, ${(s.target.main.slices / seconds).toFixed(0)} turns on a CPU, ${perTurn(s.target.main)} waited per turn; ` +
    `other threads (workers, V8's and libuv's pools) ${perSecond(s.target.others)}; the clients' process ${perSecond(s.clients.main)}, its other threads ${perSecond(s.clients.others)}`;
  if (sched.server.target.main.slices === 0) return console.log("scheduler figures: n/a (no /proc/<pid>/task/<tid>/schedstat here)");
  console.log(`per second of typing, time on a CPU / time runnable but waiting for one (Linux schedstat, during each side's recorded phases):`);
  console.log(line("wiki server", sched.server));
  console.log(line("relay", sched.relay));
  const slice = (ns: number | null) => (ns === null ? "n/a" : `${(ns / 1e6).toFixed(2)} ms`);
  console.log(
    `time slice of each main thread (Linux's se.slice): wiki server ${slice(slicesNs.server)}, relay ${slice(slicesNs.relay)}; ` +
      `the wiki's socket thread asks for the shortest (server/thread-scheduling.ts), the relay for none; a waking thread preempts one with a longer slice at once`,
  );
}

/** Typing rounds against the wiki server and the relay; prints latency, projection lag, memory and revisions. */
async function runTyping(scenario: Scenario, data: Prepared, server: WikiServer, relay: BenchProcess, readOnly: Database.Database): Promise<void> {
  const idle = { server: server.rssMb(), relay: relay.rssMb() };
  // RSS says what the system gives the server, not what it keeps: V8 returns freed pages lazily.
  // The live heap after a full collection, once each round's clients are gone, shows a leak.
  const memory = [await server.memoryAfterGc()];
  const revisionsBefore = readOnly.prepare("SELECT count(*) FROM fiche_revision").pluck().get() as number;
  const probe = new ProjectionProbe(readOnly, PROBE);
  const rounds: Round[] = [];
  const all = { server: [] as number[], relay: [] as number[] };
  const sched = { server: { target: noSchedTimes(), clients: noSchedTimes() }, relay: { target: noSchedTimes(), clients: noSchedTimes() } };
  let connected: { server: number | null; relay: number | null } | null = null;
  for (let round = 0; round < scenario.rounds; round++) {
    const sent: SendLog = new Map();
    const serverSide = newSide("wiki server", server);
    const relaySide = newSide("relay", relay);
    const connectStart = performance.now();
    await connectClients(serverSide, scenario.clients, data.fiches, data.cookies, sent);
    await connectClients(relaySide, scenario.clients, data.fiches, [null], sent);
    if (round === 0) {
      connected = { server: server.rssMb(), relay: relay.rssMb() };
      console.log(`${2 * scenario.clients} clients connected and synced in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`);
    }
    await alternatePhases([serverSide, relaySide], {
      rate: scenario.rate,
      seconds: config.seconds,
      warmupPhases: WARMUP_PHASES,
      onTick: (side) => probe.tick(side === serverSide ? side : null),
    });
    await waitForDeliveries([serverSide, relaySide]);
    await probe.drain();
    const measuredSeconds = config.seconds - WARMUP_PHASES;
    const sideRound = (side: LoadSide): SideRound => ({
      figures: latencyFigures(side.latencies),
      typedPerSecond: side.typed / measuredSeconds,
      cpu: side.cpuSeconds / measuredSeconds,
      rss: side.target.rssMb(),
      // In nanoseconds, and each sample is a whole period of the timer: the lateness is what exceeds it.
      clientsLoopP99: Math.max(0, side.clientsLoopDelay.percentile(99) / 1e6 - CLIENTS_LOOP_RESOLUTION_MS),
    });
    rounds.push({ server: sideRound(serverSide), relay: sideRound(relaySide) });
    all.server.push(...serverSide.latencies);
    all.relay.push(...relaySide.latencies);
    for (const [total, side] of [[sched.server, serverSide], [sched.relay, relaySide]] as const) {
      addSchedTimes(total.target, side.sched.target);
      addSchedTimes(total.clients, side.sched.clients);
    }
    closeClients(serverSide);
    closeClients(relaySide);
    probe.resetWriters();
    if (server.exit) throw new Error(`the wiki server exited during round ${round + 1} (${JSON.stringify(server.exit)}):\n${server.logTail(15).join("\n")}`);
    await sleep(1000);
    memory.push(await server.memoryAfterGc());
  }
  printRounds(rounds, { server: latencyFigures(all.server), relay: latencyFigures(all.relay) });
  await printEditHandling(server, relay);
  printSched(sched, (config.seconds - WARMUP_PHASES) * scenario.rounds, {
    server: timeSliceNs(`/proc/${server.pid}/sched`),
    relay: timeSliceNs(`/proc/${relay.pid}/sched`),
  });
  console.log(`load average after the rounds: ${loadAverage()}`);
  printProbe(probe);
  const revisions = (readOnly.prepare("SELECT count(*) FROM fiche_revision").pluck().get() as number) - revisionsBefore;
  console.log(`revisions taken during the rounds: ${revisions}`);
  const ends = rounds.map((r) => r.server.rss);
  console.log(
    `wiki server RSS: idle ${mb(idle.server)}, clients connected ${mb(connected?.server ?? null)}, end of each round ${ends.map(mb).join(", ")}` +
      (rounds.length > 1 ? `; growth after the first round ${mb((ends.at(-1) ?? 0) - (ends[0] ?? 0))}` : ""),
  );
  const heaps = memory.map((m) => m?.heapUsedMb ?? null);
  const of = (pick: (m: MemoryAfterGc) => number) => memory.map((m) => mb(m ? pick(m) : null)).join(", ");
  console.log(
    `wiki server main process after a full GC, clients gone (idle, then after each round): live heap ${of((m) => m.heapUsedMb)}` +
      (heaps.length > 2 && heaps.every((h) => h !== null) ? ` (growth after the first round ${mb((heaps.at(-1) ?? 0) - (heaps[1] ?? 0))})` : "") +
      `; heap held by V8 ${of((m) => m.heapTotalMb)}; outside the heap ${of((m) => m.externalMb)}; resident ${of((m) => m.rssMb)}`,
  );
  const workerTitles = [...new Set(memory.flatMap((m) => m?.workers.map((w) => w.title) ?? []))];
  for (const title of workerTitles) {
    console.log(`  worker thread « ${title} », live heap: ${memory.map((m) => mb(m?.workers.find((w) => w.title === title)?.heapUsedMb ?? null)).join(", ")}`);
  }
  const relayEnds = rounds.map((r) => r.relay.rss);
  console.log(`relay RSS:       idle ${mb(idle.relay)}, clients connected ${mb(connected?.relay ?? null)}, end of each round ${relayEnds.map(mb).join(", ")}`);
}

/** Scenario C: one reader loading fiche pages, without typing, then while A's clients type on the wiki server. */
async function runPageLoad(scenario: Scenario, data: Prepared, server: WikiServer): Promise<void> {
  const slugs = data.fiches.map((f) => f.slug);
  const seconds = config.seconds;
  const quiet = await readFichePages(server.baseUrl, slugs, seconds * 1000, 2000);
  const side = newSide("wiki server", server);
  side.recording = true;
  await connectClients(side, scenario.clients, data.fiches, data.cookies, new Map());
  const cpuBefore = server.cpuSeconds();
  const [loaded] = await Promise.all([readFichePages(server.baseUrl, slugs, seconds * 1000, 2000), typeFor(side, scenario.rate, (seconds + 2) * 1000)]);
  const cpu = (server.cpuSeconds() - cpuBefore) / (seconds + 2);
  await waitForDeliveries([side]);
  closeClients(side);
  const q = latencyFigures(quiet.latencies);
  const l = latencyFigures(loaded.latencies);
  const row = (label: string, f: LatencyFigures) =>
    console.log(`${label.padEnd(30)}${pad(ms(f.p50), 10)}${pad(ms(f.p95), 10)}${pad(ms(f.p99), 10)}${pad(String(f.count), 8)}`);
  console.log(`${"GET /fiches/<slug>, 1 reader".padEnd(30)}${pad("p50", 10)}${pad("p95", 10)}${pad("p99", 10)}${pad("pages", 8)}`);
  row("without typing", q);
  row(`while ${scenario.rate} updates/s`, l);
  const broadcast = latencyFigures(side.latencies);
  console.log(`p95 under typing / without: ${(l.p95 / q.p95).toFixed(2)}x`);
  console.log(
    `meanwhile, continuous typing (no alternation with the relay): broadcast p50 ${ms(broadcast.p50)}, p99 ${ms(broadcast.p99)}, ` +
      `${(broadcast.count / (seconds + 2)).toFixed(0)} deliveries/s, server CPU ${(100 * cpu).toFixed(0)}% of one core`,
  );
  for (const [label, result] of [["without typing", quiet], ["while typing", loaded]] as const) {
    for (const [failure, count] of result.failures) console.log(`  ${label}: ${count} x ${failure}`);
  }
}

/**
 * Scenario F: A's load with one client in five over the HTTP fallback, typing continuously on the
 * wiki server (the relay has no HTTP side); deliveries to HTTP clients against those to WebSocket ones.
 */
async function runFallback(scenario: Scenario, data: Prepared, server: WikiServer): Promise<void> {
  const side = newSide("wiki server", server);
  await connectClients(side, scenario.clients, data.fiches, data.cookies, new Map(), FALLBACK_EVERY);
  const seconds = config.seconds;
  await typeFor(side, scenario.rate, WARMUP_PHASES * 1000);
  side.recording = true;
  const cpuBefore = server.cpuSeconds();
  await typeFor(side, scenario.rate, (seconds - WARMUP_PHASES) * 1000);
  const cpu = (server.cpuSeconds() - cpuBefore) / (seconds - WARMUP_PHASES);
  await waitForDeliveries([side]);
  const overHttp = latencyFigures(side.latenciesByTransport.http);
  const overSocket = latencyFigures(side.latenciesByTransport.websocket);
  closeClients(side);
  const row = (label: string, f: LatencyFigures) =>
    console.log(`${label.padEnd(30)}${pad(ms(f.p50), 10)}${pad(ms(f.p99), 10)}${pad(ms(f.max), 10)}${pad(`${(f.count / (seconds - WARMUP_PHASES)).toFixed(0)}/s`, 11)}`);
  console.log(`${"deliveries to".padEnd(30)}${pad("p50", 10)}${pad("p99", 10)}${pad("max", 10)}${pad("delivered", 11)}`);
  row(`${scenario.clients - scenario.clients / FALLBACK_EVERY} WebSocket clients`, overSocket);
  row(`${scenario.clients / FALLBACK_EVERY} HTTP fallback clients`, overHttp);
  console.log(`p99 HTTP / WebSocket: ${(overHttp.p99 / overSocket.p99).toFixed(2)}x; server CPU ${(100 * cpu).toFixed(0)}% of one core`);
}

async function runScenario(scenario: Scenario, withPageLoad: boolean): Promise<void> {
  console.log(
    `\n-- scenario ${scenario.name}: ${scenario.clients} clients over ${scenario.fiches} fiches, ${scenario.rate} updates/s, ` +
      `${scenario.rounds} round(s) of ${config.seconds} s per side; load average ${loadAverage()} --`,
  );
  const needed = 2 * scenario.clients + 500;
  if (openFileLimit() < needed) console.log(`warning: open-file limit ${openFileLimit()} < ~${needed} needed; raise it with \`ulimit -n ${needed}\` before npm run bench`);
  const started = performance.now();
  const data = await prepare(scenario);
  console.log(`${scenario.fiches} fiches and ${USERS} accounts written through insertFiche in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  let server: WikiServer | null = null;
  let relay: BenchProcess | null = null;
  let readOnly: Database.Database | null = null;
  try {
    const booting = performance.now();
    server = await startWikiServer({
      dataDir: data.dataDir,
      secret: data.secret,
      env: { COLLAB_REVISION_INTERVAL_MS: String(config.revisionIntervalMs) },
      inspect: true,
    });
    relay = scenario.name === "F" ? null : await startRelay();
    console.log(`server/index.ts (production) up in ${((performance.now() - booting) / 1000).toFixed(1)} s`);
    readOnly = openReadOnlyDb(data.dataDir);
    if (!relay) return await runFallback(scenario, data, server);
    await runTyping(scenario, data, server, relay, readOnly);
    if (withPageLoad) {
      console.log(`\n-- scenario C: a reader loading fiche pages while scenario ${scenario.name} types (${config.seconds} s each, after 2 s of warm-up) --`);
      await runPageLoad(scenario, data, server);
    }
  } catch (error) {
    console.log(`scenario ${scenario.name} stopped: ${error instanceof Error ? error.message : String(error)}`);
    if (server?.exit) console.log(`the wiki server had exited: ${JSON.stringify(server.exit)}`);
    if (server) console.log(`last lines of the wiki server's log:\n${server.logTail(15).join("\n")}`);
  } finally {
    readOnly?.close();
    await relay?.stop();
    await server?.stop();
    removeTempDir(data.dataDir);
  }
}

/** Runs the scenarios named in BENCH_SCENARIOS and prints their figures and ratios. */
export async function run(): Promise<void> {
  console.log(
    `collab: the production entry point server/index.ts (NODE_ENV=production: Next, collaboration, projection, revisions, search indexing) ` +
      `against an in-memory relay, ${os.cpus().length} CPUs shared by the clients, the relay and the server.\n` +
      `Left out of the real path: browsers (clients are raw y-websocket peers that type one character per update and send no awareness or carets), ` +
      `TLS and a reverse proxy. Revisions are taken after every ${config.revisionIntervalMs / 1000} s of continuous editing ` +
      `instead of production's 10 min, so that the runs include some. The first ${WARMUP_PHASES} s of each side and round are not measured. ` +
      `The server runs with its inspector open, used only between rounds, once the clients are gone, to read its live heap after a full garbage collection and, after the last round, its edit-handling figures.`,
  );
  const a: Scenario = { name: "A", clients: 500, fiches: 100, rate: 200, rounds: config.rounds };
  const b: Scenario = { name: "B", clients: 1500, fiches: 500, rate: 350, rounds: 1 };
  if (config.scenarios.has("A") || config.scenarios.has("C")) {
    await runScenario(config.scenarios.has("A") ? a : { ...a, rounds: 1 }, config.scenarios.has("C"));
  }
  if (config.scenarios.has("B")) await runScenario(b, false);
  if (config.scenarios.has("F")) await runScenario({ ...a, name: "F", rounds: 1 }, false);
}
