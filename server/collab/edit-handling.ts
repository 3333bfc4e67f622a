import { createHistogram, type RecordableHistogram } from "node:perf_hooks";

/** How long a server took over clients' edits, from reading one to having broadcast it. */
export type EditHandlingStats = { edits: number; p50Ms: number; p99Ms: number; maxMs: number };

/**
 * Per edit, in microseconds, from the socket reading it to its broadcast: the server's own share of
 * the latency peers see, apart from the network and the clients. Recording is a native call. The
 * wiki's pipeline and the benchmark's relay (bench/support/collab-relay.ts) measure the same way.
 */
export class EditHandling {
  private readonly histogram: RecordableHistogram = createHistogram();

  /** `receivedAt` and `doneAt`: performance.now() when the edit was read and once it was broadcast. */
  record(receivedAt: number, doneAt: number): void {
    this.histogram.record(Math.max(1, Math.round((doneAt - receivedAt) * 1000)));
  }

  stats(): EditHandlingStats {
    const h = this.histogram;
    const ms = (microseconds: number) => (h.count === 0 ? 0 : microseconds / 1000);
    return { edits: h.count, p50Ms: ms(h.percentile(50)), p99Ms: ms(h.percentile(99)), maxMs: ms(h.max) };
  }
}
