import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";
import { addSchedTimes, noSchedTimes, processSchedTimes, schedDelta, type ProcessSchedTimes } from "./processes";
import { SimClient, type SendLog, type Transport } from "./sim-client";
import type { BenchProcess } from "./wiki-server";

/**
 * The typing load of bench/collab: simulated clients on real loopback sockets, typing at a fixed
 * total rate, with each broadcast's latency recorded by every client that receives it.
 */

/** One server under load (the wiki or the relay) and the clients connected to it. */
export type LoadSide = {
  name: string;
  target: BenchProcess;
  clients: SimClient[];
  /** Which fiche each client is on (same index as `clients`). */
  clientFiches: number[];
  /** Latencies of the deliveries of updates typed while recording. */
  latencies: number[];
  /** The same, by the transport of the client they were delivered to. */
  latenciesByTransport: Record<Transport, number[]>;
  lastDeliveryAt: number;
  recording: boolean;
  /** Updates typed while recording. */
  typed: number;
  /** CPU seconds the target used during the recorded phases. */
  cpuSeconds: number;
  /** The scheduler's view of the target's threads and of this process's, during the recorded phases. */
  sched: { target: ProcessSchedTimes; clients: ProcessSchedTimes };
  /**
   * How late this process's own event loop ran during the recorded phases: every delivery waits
   * for it, so the clients' side of the tail, which the relay's figures share.
   */
  clientsLoopDelay: IntervalHistogram;
};

/** The period of the timer that measures the clients' event loop; its histogram counts whole periods. */
export const CLIENTS_LOOP_RESOLUTION_MS = 5;

export function newSide(name: string, target: BenchProcess): LoadSide {
  return {
    name,
    target,
    clients: [],
    clientFiches: [],
    latencies: [],
    latenciesByTransport: { websocket: [], http: [] },
    lastDeliveryAt: 0,
    recording: false,
    typed: 0,
    cpuSeconds: 0,
    sched: { target: noSchedTimes(), clients: noSchedTimes() },
    clientsLoopDelay: monitorEventLoopDelay({ resolution: CLIENTS_LOOP_RESOLUTION_MS }),
  };
}

/**
 * Connects `count` clients spread evenly over the fiches, 50 at a time, and waits for each to sync;
 * one in `httpEvery` (if given) uses the HTTP fallback instead of a WebSocket.
 */
export async function connectClients(
  side: LoadSide,
  count: number,
  fiches: { id: number; seed: Uint8Array }[],
  cookies: (string | null)[],
  sent: SendLog,
  httpEvery = 0,
): Promise<void> {
  for (let i = 0; i < count; i += 50) {
    const batch = Array.from({ length: Math.min(50, count - i) }, (_, k) => {
      const n = i + k;
      const fiche = fiches[n % fiches.length];
      side.clientFiches.push(fiche.id);
      const transport: Transport = httpEvery > 0 && n % httpEvery === 0 ? "http" : "websocket";
      const onLatency = (ms: number) => {
        side.latencies.push(ms);
        side.latenciesByTransport[transport].push(ms);
        side.lastDeliveryAt = performance.now();
      };
      return new SimClient(side.target.socketUrl(fiche.id), cookies[n % cookies.length], fiche.seed, sent, onLatency, transport);
    });
    side.clients.push(...batch);
    await Promise.all(batch.map((c) => c.synced));
  }
}

export function closeClients(side: LoadSide): void {
  for (const client of side.clients) client.close();
  side.clients = [];
  side.clientFiches = [];
}

/** Types on random clients of a side at `rate` updates per second for `ms`; `onTick` runs every 5 ms. */
export function typeFor(side: LoadSide, rate: number, ms: number, onTick?: () => void): Promise<void> {
  const started = performance.now();
  let typed = 0;
  return new Promise((resolve) => {
    const timer = setInterval(() => {
      const elapsed = Math.min(ms, performance.now() - started);
      const due = Math.floor((elapsed / 1000) * rate) - typed;
      for (let i = 0; i < due; i++) side.clients[Math.floor(Math.random() * side.clients.length)].type(side.recording);
      typed += due;
      if (side.recording) side.typed += due;
      onTick?.();
      if (elapsed >= ms) {
        clearInterval(timer);
        resolve();
      }
    }, 5);
  });
}

/**
 * Alternates one-second typing phases between the sides (the machine is shared: both see the same
 * background load); the first `warmupPhases` of each side are not recorded.
 */
export async function alternatePhases(
  sides: LoadSide[],
  options: { rate: number; seconds: number; warmupPhases: number; onTick?: (side: LoadSide) => void },
): Promise<void> {
  for (let phase = 0; phase < sides.length * options.seconds; phase++) {
    const side = sides[phase % sides.length];
    side.recording = phase >= sides.length * options.warmupPhases;
    const cpuBefore = side.target.cpuSeconds();
    const schedBefore = { target: processSchedTimes(side.target.pid), clients: processSchedTimes(process.pid) };
    if (side.recording) side.clientsLoopDelay.enable();
    await typeFor(side, options.rate, 1000, () => options.onTick?.(side));
    side.clientsLoopDelay.disable();
    if (side.recording) {
      side.cpuSeconds += side.target.cpuSeconds() - cpuBefore;
      addSchedTimes(side.sched.target, schedDelta(schedBefore.target, processSchedTimes(side.target.pid)));
      addSchedTimes(side.sched.clients, schedDelta(schedBefore.clients, processSchedTimes(process.pid)));
    }
    side.recording = false;
  }
}

/** Waits until no delivery has arrived for `quietMs` on any side (at most `maxMs`). */
export async function waitForDeliveries(sides: LoadSide[], quietMs = 500, maxMs = 15_000): Promise<void> {
  const started = performance.now();
  while (performance.now() - started < maxMs) {
    const last = Math.max(...sides.map((s) => s.lastDeliveryAt));
    if (performance.now() - last >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export type LatencyFigures = { p50: number; p95: number; p99: number; max: number; count: number };

export function latencyFigures(values: readonly number[]): LatencyFigures {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN, count: sorted.length };
}

export const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(value < 10 ? 2 : 1)} ms` : "n/a");
export const mb = (value: number | null) => (value === null ? "gone" : `${value.toFixed(0)} MB`);
