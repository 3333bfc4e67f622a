import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * What a benchmark leaves behind must go even when it fails or is interrupted: the process groups
 * it started and its temporary directories are killed and removed on exit, SIGINT and SIGTERM.
 */

const groups = new Set<number>();
const dirs = new Set<string>();

function cleanUp(): void {
  for (const pid of groups) {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  groups.clear();
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  dirs.clear();
}

process.once("exit", cleanUp);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

/** A new temporary directory, removed when the benchmark process ends if `removeTempDir` was not called. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  dirs.delete(dir);
}

/** Remembers a detached child (a process group leader) to kill if the benchmark ends first. */
export function trackProcessGroup(pid: number): void {
  groups.add(pid);
}

export function untrackProcessGroup(pid: number): void {
  groups.delete(pid);
}

/** A TCP port free on loopback right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readRssKb(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return fs
      .readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/** Resident memory (VmRSS) of a process and its descendants, in MB; null when the process is gone. */
export function processTreeRssMb(pid: number): number | null {
  if (!fs.existsSync(`/proc/${pid}/status`)) return null;
  let kb = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    kb += readRssKb(next);
    pending.push(...childrenOf(next));
  }
  return kb / 1024;
}

const TICKS_PER_SECOND = 100;

function readCpuTicks(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0;
  }
}

/** CPU time (user + system, all threads) used so far by a process and its living descendants, in seconds. */
export function processTreeCpuSeconds(pid: number): number {
  let ticks = 0;
  const pending = [pid];
  while (pending.length > 0) {
    const next = pending.pop()!;
    ticks += readCpuTicks(next);
    pending.push(...childrenOf(next));
  }
  return ticks / TICKS_PER_SECOND;
}

/** The soft limit on open files of this process (children inherit it). */
export function openFileLimit(): number {
  const match = /^Max open files\s+(\d+|unlimited)/m.exec(fs.readFileSync("/proc/self/limits", "utf8"));
  return !match || match[1] === "unlimited" ? Infinity : Number(match[1]);
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A thread's (or a group of threads') scheduling: time on a CPU, time runnable but waiting for one, and how many times it got one. */
export type SchedTimes = { runMs: number; waitMs: number; slices: number };
/** A process's main thread apart from its other threads (worker threads, V8's and libuv's pools). */
export type ProcessSchedTimes = { main: SchedTimes; others: SchedTimes };

export const noSchedTimes = (): ProcessSchedTimes => ({ main: { runMs: 0, waitMs: 0, slices: 0 }, others: { runMs: 0, waitMs: 0, slices: 0 } });

/**
 * What Linux's scheduler says of a process's living threads so far (/proc/<pid>/task/<tid>/schedstat,
 * in nanoseconds); zeros elsewhere. A thread that ended meanwhile is missing from the next reading.
 */
export function processSchedTimes(pid: number): ProcessSchedTimes {
  const times = noSchedTimes();
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return times;
  }
  for (const tid of tids) {
    try {
      const [run, wait, slices] = fs.readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ").map(Number);
      const into = Number(tid) === pid ? times.main : times.others;
      into.runMs += run / 1e6;
      into.waitMs += wait / 1e6;
      into.slices += slices;
    } catch {
      // The thread ended between the listing and the read.
    }
  }
  return times;
}

/** What the threads did between two readings. Threads that ended in between would make a negative difference: counted as 0. */
export function schedDelta(before: ProcessSchedTimes, after: ProcessSchedTimes): ProcessSchedTimes {
  const delta = (b: SchedTimes, a: SchedTimes): SchedTimes => ({
    runMs: Math.max(0, a.runMs - b.runMs),
    waitMs: Math.max(0, a.waitMs - b.waitMs),
    slices: Math.max(0, a.slices - b.slices),
  });
  return { main: delta(before.main, after.main), others: delta(before.others, after.others) };
}

/** Adds `more` into `total`. */
export function addSchedTimes(total: ProcessSchedTimes, more: ProcessSchedTimes): void {
  for (const part of ["main", "others"] as const) {
    total[part].runMs += more[part].runMs;
    total[part].waitMs += more[part].waitMs;
    total[part].slices += more[part].slices;
  }
}
