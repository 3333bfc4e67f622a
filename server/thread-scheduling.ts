import fs from "node:fs";
import os from "node:os";
import { createRequire } from "node:module";

// How the server's threads share the CPU with each other and with the host's other processes, on
// Linux. The socket's thread relays keystrokes: short bursts of work after each wake-up, where what
// people feel is how soon it runs. The rest (projection, checkpoints, V8's compiler and GC helpers,
// other processes) runs long stretches that can wait.

/** The time slice asked for the socket's thread, in nanoseconds: the shortest Linux grants (0.1 ms). */
export const SOCKET_THREAD_SLICE_NS = 100_000;

/** Nice value of the projection worker, whose derived work yields the CPU to the socket's thread. */
const BACKGROUND_NICE = 10;

// sched_setattr(2) has no glibc wrapper before 2.41: it goes through syscall(2).
const SCHED_SETATTR: Partial<Record<NodeJS.Architecture, number>> = { x64: 314, arm64: 274 };
const SCHED_ATTR_SIZE = 56;
const SCHED_OTHER = 0;

type Libc = { syscall: (number: number, ...typesAndValues: unknown[]) => number | bigint; errno: () => number };
let libc: Libc | null | undefined;

function loadLibc(): Libc | null {
  if (libc !== undefined) return libc;
  libc = null;
  if (process.platform !== "linux" || SCHED_SETATTR[process.arch] === undefined) return libc;
  // koffi ships one prebuilt binary per platform; where none loads, threads keep the kernel's defaults.
  const koffi = createRequire(import.meta.url)("koffi") as typeof import("koffi");
  libc = { syscall: koffi.load("libc.so.6").func("long syscall(long number, ...)"), errno: () => koffi.errno() };
  return libc;
}

/**
 * Sets the calling thread's nice value and time slice (`sliceNs`, 0 for the kernel's default) with
 * sched_setattr(2). Returns why it could not, or null once done. Kernels before 6.12 accept the
 * slice and ignore it.
 */
function setCallingThread(nice: number, sliceNs: number): string | null {
  let c: Libc | null;
  try {
    c = loadLibc();
  } catch (error) {
    return `koffi could not load libc (${error instanceof Error ? error.message : String(error)})`;
  }
  if (!c) return `no sched_setattr on ${process.platform}/${process.arch}`;
  const attr = Buffer.alloc(SCHED_ATTR_SIZE);
  attr.writeUInt32LE(SCHED_ATTR_SIZE, 0);
  attr.writeUInt32LE(SCHED_OTHER, 4);
  attr.writeInt32LE(nice, 16);
  attr.writeBigUInt64LE(BigInt(sliceNs), 24);
  // Thread id 0: the calling thread.
  const result = Number(c.syscall(SCHED_SETATTR[process.arch]!, "int", 0, "void *", attr, "unsigned int", 0));
  return result === 0 ? null : `sched_setattr failed with errno ${c.errno()}`;
}

/**
 * A thread's time slice in nanoseconds, as Linux's scheduler reports it (`se.slice` in a
 * /proc/…/sched file: the calling thread's by default, `/proc/<pid>/sched` for a process's main
 * thread); null where it is not reported.
 */
export function timeSliceNs(schedFile = "/proc/thread-self/sched"): number | null {
  try {
    const line = /^se\.slice\s*:\s*(\d+)/m.exec(fs.readFileSync(schedFile, "utf8"));
    return line ? Number(line[1]) : null;
  } catch {
    return null;
  }
}

/**
 * Asks Linux (6.12 and later, EEVDF) for a short time slice for the calling thread: when it wakes,
 * it preempts a running thread with a longer slice at once, instead of waiting up to the end of that
 * thread's slice (1.4 ms on a 2-CPU machine) behind a worker, a GC helper or another process.
 * Threads started afterwards inherit it: call it once the long-running threads have started.
 * Returns why it could not, or null (also elsewhere than Linux, where there is nothing to ask).
 */
export function askShortTimeSlice(): string | null {
  if (process.platform !== "linux") return null;
  return setCallingThread(os.getPriority(), SOCKET_THREAD_SLICE_NS);
}

/**
 * Lowers the calling thread (a worker doing derived work) below the socket's thread: nice 10, and
 * the kernel's default slice in case it inherited the short one. Where that cannot be done, the
 * nice value alone, through Node; elsewhere than Linux, nothing.
 */
export function yieldToSocketThread(): void {
  if (process.platform !== "linux") return;
  if (setCallingThread(BACKGROUND_NICE, 0) === null) return;
  try {
    // Each Linux thread has its own nice value, set through its thread id.
    const tid = Number(fs.readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) os.setPriority(tid, BACKGROUND_NICE);
  } catch {
    // Not allowed: same priority as the socket's thread.
  }
}
