/** Minutes without interaction before a shared computer signs its person out, unless told otherwise. */
export const DEFAULT_IDLE_SIGNOUT_MINUTES = 30;
/** The warning comes this long before the sign-out. */
export const IDLE_WARNING_MS = 60_000;

/** IDLE_SIGNOUT_MINUTES: a whole number of minutes from 2 (one before the warning) to a day. */
export function idleSignOutMinutes(raw: string | undefined): number {
  if (raw === undefined || raw.trim() === "") return DEFAULT_IDLE_SIGNOUT_MINUTES;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 2 || value > 1440) {
    throw new Error(`IDLE_SIGNOUT_MINUTES must be an integer between 2 and 1440, got "${raw}"`);
  }
  return value;
}

export type IdleStage = { stage: "active" | "warning"; checkInMs: number } | { stage: "expired" };

/**
 * Where a person stands after `idleMs` without interaction, out of `limitMs`, and when to look
 * again: the warning in its last minute, the sign-out at the end.
 */
export function idleStage(idleMs: number, limitMs: number): IdleStage {
  if (idleMs >= limitMs) return { stage: "expired" };
  const warnAt = limitMs - IDLE_WARNING_MS;
  if (idleMs >= warnAt) return { stage: "warning", checkInMs: limitMs - idleMs };
  return { stage: "active", checkInMs: warnAt - idleMs };
}

/** The tabs of a shared computer write their last interaction here: activity in one keeps the others signed in. */
export const LAST_ACTIVITY_KEY = "wiki:derniere-activite";

/** The later of this tab's last interaction and the one the other tabs recorded (ignored unless a time). */
export function latestActivity(own: number, recorded: string | null): number {
  const other = Number(recorded);
  return recorded !== null && Number.isFinite(other) ? Math.max(own, other) : own;
}
