/** Why a debounced call ran: the calls paused, or the longest wait ran out while they went on. */
export type DebounceReason = "quiet" | "maxWait";

/**
 * Runs `fire` once `touch` has not been called for `quietMs`, and at the latest `maxWaitMs` after
 * the first call since the last run. It keeps one timer per quiet period, re-armed only when it
 * comes due too early, instead of a new timer at every call: typing calls `touch` at each keystroke,
 * and a timer cleared and set again with a changing delay made a new timer list in Node's queue
 * each time (the revision tracker's took 15 µs per keystroke on the socket's thread).
 */
export class Debounce {
  private firstAt: number | null = null;
  private lastAt = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly options: { quietMs: number; maxWaitMs: number; unref?: boolean },
    private readonly fire: (reason: DebounceReason) => void,
  ) {}

  /** Whether a call is waiting to run. */
  get pending(): boolean {
    return this.firstAt !== null;
  }

  /** Records a call: `fire` runs once they pause or wait too long. */
  touch(): void {
    const now = performance.now();
    this.firstAt ??= now;
    this.lastAt = now;
    if (!this.timer) this.arm(now);
  }

  /** Forgets the waiting call without running it. */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstAt = null;
  }

  private dueAt(): { at: number; reason: DebounceReason } {
    const quietAt = this.lastAt + this.options.quietMs;
    const maxAt = (this.firstAt ?? this.lastAt) + this.options.maxWaitMs;
    return quietAt <= maxAt ? { at: quietAt, reason: "quiet" } : { at: maxAt, reason: "maxWait" };
  }

  private arm(now: number): void {
    this.timer = setTimeout(this.onTimer, Math.max(0, this.dueAt().at - now));
    if (this.options.unref) this.timer.unref();
  }

  private onTimer = (): void => {
    this.timer = null;
    const now = performance.now();
    const due = this.dueAt();
    if (now < due.at) return this.arm(now);
    this.firstAt = null;
    this.fire(due.reason);
  };
}
