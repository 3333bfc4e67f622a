import type { FicheRoom } from "./room";

/**
 * Pings every open connection each `intervalMs` and terminates those silent for longer than
 * `deadAfterMs`, with one timer for all of them. A peer is gone from the presence list at most
 * `intervalMs + deadAfterMs` after its network dropped. Returns a function that stops it.
 */
export function startHeartbeat(rooms: () => readonly FicheRoom[], intervalMs: number, deadAfterMs: number): () => void {
  let lastTick = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    // A late tick means this process was not reading its sockets (a long task, a loaded machine):
    // timers run before pending I/O, so the pongs may be there unread. Nobody is judged on it.
    const onTime = now - lastTick < 2 * intervalMs;
    lastTick = now;
    for (const room of rooms()) for (const member of [...room.members]) member.heartbeat(now, onTime ? deadAfterMs : Infinity);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
