import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";

/** Directory holding everything this instance writes: the SQLite file and the session secret. */
export function dataDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.DATA_DIR || "data");
}

/** Path of the SQLite database file. */
export function databaseFile(): string {
  return path.join(/*turbopackIgnore: true*/ dataDir(), "wiki.sqlite");
}

/** TCP port the single HTTP server listens on. */
export function port(): number {
  const value = Number(process.env.PORT || 3000);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`PORT must be an integer between 1 and 65535, got "${process.env.PORT}"`);
  }
  return value;
}

/** The public base URL of the wiki, used for absolute links and the Origin check of the socket. */
export function publicUrl(): string {
  return (process.env.NEXTAUTH_URL || `http://localhost:${port()}`).replace(/\/$/, "");
}

/**
 * Returns the secret that signs sessions: NEXTAUTH_SECRET when set, otherwise a random one
 * generated on first start and kept in DATA_DIR (mode 0600) so that sessions survive restarts.
 */
export function ensureSessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = path.join(/*turbopackIgnore: true*/ dataDir(), "session-secret");
  fs.mkdirSync(dataDir(), { recursive: true });
  try {
    return fs.readFileSync(file, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  const secret = crypto.randomBytes(32).toString("base64url");
  // "wx" fails if another process created it meanwhile: then read theirs.
  try {
    fs.writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  } catch {
    return fs.readFileSync(file, "utf8").trim();
  }
}
