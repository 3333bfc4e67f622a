import type { CollabConnection } from "./connection";

/**
 * A round of pings is spread over this many ticks: the edits that arrive during a tick wait for it,
 * and that wait is the tail of the typing latency. Pinging 500 sockets at once held the event loop
 * for 7 ms every second; in 8 ticks, each of ~60 pings took 0.75 ms (2 ms at p99), eight times a
 * second, about 1% of the time; in 32 ticks, 0.26 ms (1.1 ms at p99).
 */
export const HEARTBEAT_SLICES = 32;

export type Heartbeat = {
  /** Starts watching a connection that joined its room. */
  add(member: CollabConnection): void;
  /** Stops watching a connection that left. */
  remove(member: CollabConnection): void;
  /** How many connections it watches: every open one, and none once they have left. */
  readonly size: number;
  stop(): void;
};

/**
 * Visits every watched connection once each `intervalMs` (one slice of them every `intervalMs /
 * HEARTBEAT_SLICES`, with one timer for all): pings those not heard from for `intervalMs`, and
 * terminates those silent for longer than `deadAfterMs`. A peer is gone from the presence list at
 * most `intervalMs + deadAfterMs` after its network dropped.
 *
 * Connections are placed in their slice once, when they join: a tick touches only its own slice.
 * Walking every room's members at each tick, to find a thirty-second of them, made an eighth of the
 * memory the socket's thread allocated under typing load, and so an eighth of its garbage collections.
 */
export function startHeartbeat(intervalMs: number, deadAfterMs: number): Heartbeat {
  const tickMs = intervalMs / HEARTBEAT_SLICES;
  const slices = Array.from({ length: HEARTBEAT_SLICES }, () => new Set<CollabConnection>());
  let joined = 0;
  let tick = 0;
  let lastTick = performance.now();
  let judgeFrom = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    // A late tick means this process was not reading its sockets (a long task, a loaded machine):
    // timers run before pending I/O, so the pongs may be there unread. Nobody is judged until each
    // connection has been pinged once since, and has had the time to answer.
    if (now - lastTick >= tickMs + intervalMs) judgeFrom = now + intervalMs;
    const onTime = now >= judgeFrom;
    lastTick = now;
    // A connection terminated here leaves its slice while the loop runs over it, which a Set allows.
    for (const member of slices[tick++ % HEARTBEAT_SLICES]) member.heartbeat(now, onTime ? deadAfterMs : Infinity, intervalMs);
  }, tickMs);
  timer.unref();
  return {
    add: (member) => void slices[joined++ % HEARTBEAT_SLICES].add(member),
    remove: (member) => void slices.some((slice) => slice.delete(member)),
    get size() {
      return slices.reduce((n, slice) => n + slice.size, 0);
    },
    stop: () => clearInterval(timer),
  };
}
