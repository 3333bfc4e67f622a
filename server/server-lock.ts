import fs from "node:fs";
import path from "node:path";
import { dataDir, ensurePrivateDir } from "@/db/client";

// Which process serves the wiki on this DATA_DIR, so that a command-line write that would bypass its
// document service (and its connected editors) can refuse instead.
const lockFile = () => path.join(/*turbopackIgnore: true*/ dataDir(), "server.pid");

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records this process as the wiki's server on DATA_DIR; returns the function that clears it at shutdown. */
export function claimServerLock(): () => void {
  const file = lockFile();
  ensurePrivateDir(path.dirname(file));
  fs.writeFileSync(file, String(process.pid), { mode: 0o600 });
  return () => {
    try {
      if (fs.readFileSync(file, "utf8").trim() === String(process.pid)) fs.rmSync(file);
    } catch {
      // Already gone.
    }
  };
}

function recordedServerPid(): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockFile(), "utf8").trim());
  } catch {
    return null;
  }
  return Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid ? pid : null;
}

/** The pid of another live process serving the wiki on DATA_DIR, or null (a stale record left by a crash is ignored). */
export function runningServerPid(): number | null {
  const pid = recordedServerPid();
  return pid !== null && isAlive(pid) ? pid : null;
}

/** Whether the last server on DATA_DIR died without its shutdown (its record is still there); call before claimServerLock. */
export function lastServerCrashed(): boolean {
  const pid = recordedServerPid();
  return pid !== null && !isAlive(pid);
}
