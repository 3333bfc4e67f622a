import os from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { askShortTimeSlice, SOCKET_THREAD_SLICE_NS, timeSliceNs } from "./thread-scheduling";

// Custom slices for ordinary threads came with Linux 6.12 (EEVDF's sched_attr::sched_runtime).
function kernelHasCustomSlices(): boolean {
  if (process.platform !== "linux") return false;
  const [major, minor] = os.release().split(".").map(Number);
  return major > 6 || (major === 6 && minor >= 12);
}

// A worker that reads its inherited slice, yields to the socket's thread, and says what it has then.
const WORKER_SOURCE = `
const os = require("node:os");
const { parentPort, workerData } = require("node:worker_threads");
import(workerData.tsxApi).then(async ({ register }) => {
  register();
  const { timeSliceNs, yieldToSocketThread } = await import(workerData.entry);
  const inherited = timeSliceNs();
  yieldToSocketThread();
  parentPort.postMessage({ inherited, slice: timeSliceNs(), nice: os.getPriority() });
});
`;

describe.runIf(kernelHasCustomSlices())("thread scheduling on Linux", () => {
  it("gives the socket's thread the shortest slice, and a worker started after it yields it back with nice 10", async () => {
    const defaultSlice = timeSliceNs();
    expect(defaultSlice).toBeGreaterThan(SOCKET_THREAD_SLICE_NS);

    expect(askShortTimeSlice()).toBeNull();
    expect(timeSliceNs()).toBe(SOCKET_THREAD_SLICE_NS);

    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { tsxApi: import.meta.resolve("tsx/esm/api"), entry: new URL("./thread-scheduling.ts", import.meta.url).href },
    });
    const seen = await new Promise<{ inherited: number; slice: number; nice: number }>((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(seen).toEqual({ inherited: SOCKET_THREAD_SLICE_NS, slice: defaultSlice, nice: 10 });
  });
});
