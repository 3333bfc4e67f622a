import type { FicheRoom } from "./room";

/**
 * Pings every open connection each `intervalMs` and terminates those silent for longer than
 * `deadAfterMs`, with one timer for all of them. A peer is gone from the presence list at most
 * `intervalMs + deadAfterMs` after its network dropped. Returns a function that stops it.
 */
export function startHeartbeat(rooms: () => readonly FicheRoom[], intervalMs: number, deadAfterMs: number): () => void {
  const timer = setInterval(() => {
    const now = performance.now();
    for (const room of rooms()) for (const member of [...room.members]) member.heartbeat(now, deadAfterMs);
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
