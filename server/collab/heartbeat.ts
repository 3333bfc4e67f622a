import type { CollabConnection } from "./connection";
import type { FicheRoom } from "./room";

/**
 * A round of pings is spread over this many ticks: the edits that arrive during a tick wait for it,
 * and that wait is the tail of the typing latency. Pinging 500 sockets at once held the event loop
 * for 7 ms every second; in 8 ticks, each of ~60 pings took 0.75 ms (2 ms at p99), eight times a
 * second, about 1% of the time; in 32 ticks, 0.26 ms (1.1 ms at p99).
 */
export const HEARTBEAT_SLICES = 32;

/**
 * Visits every open connection once each `intervalMs` (one slice of them every `intervalMs /
 * HEARTBEAT_SLICES`, with one timer for all): pings those not heard from for `intervalMs`, and
 * terminates those silent for longer than `deadAfterMs`. A peer is gone from the presence list at
 * most `intervalMs + deadAfterMs` after its network dropped. Returns a function that stops it.
 */
export function startHeartbeat(rooms: () => readonly FicheRoom[], intervalMs: number, deadAfterMs: number): () => void {
  const tickMs = intervalMs / HEARTBEAT_SLICES;
  const slots = new WeakMap<CollabConnection, number>();
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
    const slot = tick++ % HEARTBEAT_SLICES;
    for (const room of rooms()) {
      for (const member of [...room.members]) {
        let own = slots.get(member);
        if (own === undefined) slots.set(member, (own = joined++ % HEARTBEAT_SLICES));
        if (own === slot) member.heartbeat(now, onTime ? deadAfterMs : Infinity, intervalMs);
      }
    }
  }, tickMs);
  timer.unref();
  return () => clearInterval(timer);
}
