import http from "node:http";
import { sleep } from "./processes";
import { timedGet } from "./wiki-server";

/**
 * Polls `/api/sante` every ~50 ms, one request at a time, so that a stalled event loop shows as
 * one long answer (a request still waiting when polling stops counts with its time so far).
 */
export class HealthPoller {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private running = true;
  private inFlightSince: number | null = null;
  private readonly loop: Promise<void>;
  readonly samples: { at: number; ms: number; ok: boolean }[] = [];
  readonly failures = new Map<string, number>();

  constructor(private readonly baseUrl: string) {
    this.loop = this.poll();
  }

  private async poll(): Promise<void> {
    while (this.running) {
      const started = performance.now();
      this.inFlightSince = started;
      try {
        const { status, ms } = await timedGet(this.agent, `${this.baseUrl}/api/sante`, 60_000);
        this.samples.push({ at: started, ms, ok: status === 200 });
        if (status !== 200) this.fail(`HTTP ${status}`);
      } catch (error) {
        this.samples.push({ at: started, ms: performance.now() - started, ok: false });
        this.fail(error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message) : String(error));
      }
      this.inFlightSince = null;
      await sleep(50);
    }
  }

  private fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  /** Waits until two answers in a row, started after now, took less than `fastMs` (at most `maxMs`). */
  async waitUntilResponsive(maxMs: number, fastMs = 200): Promise<boolean> {
    const since = performance.now();
    while (performance.now() - since < maxMs) {
      const recent = this.samples.filter((s) => s.at >= since).slice(-2);
      if (recent.length === 2 && recent.every((s) => s.ok && s.ms < fastMs)) return true;
      await sleep(50);
    }
    return false;
  }

  /** The slowest answer so far, counting a request still waiting. */
  worstMs(): number {
    const pending = this.inFlightSince === null ? 0 : performance.now() - this.inFlightSince;
    return Math.max(pending, ...this.samples.map((s) => s.ms));
  }

  /** Stops polling; does not wait for a request still in flight longer than `graceMs`. */
  async stop(graceMs = 2000): Promise<void> {
    this.running = false;
    await Promise.race([this.loop, sleep(graceMs)]);
    this.agent.destroy();
  }
}
