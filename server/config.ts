import fs from "node:fs";
import path from "node:path";
import crypto from "node:crypto";
import { dataDir, ensurePrivateDir, restrictFile } from "@/db/client";

/** TCP port the single HTTP server listens on. */
export function port(): number {
  const value = Number(process.env.PORT || 3000);
  if (!Number.isInteger(value) || value <= 0 || value > 65535) {
    throw new Error(`PORT must be an integer between 1 and 65535, got "${process.env.PORT}"`);
  }
  return value;
}

/** The interface the HTTP server listens on (HOST), or undefined for every interface. */
export function listenHost(): string | undefined {
  return process.env.HOST?.trim() || undefined;
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
  ensurePrivateDir(dataDir());
  try {
    const secret = fs.readFileSync(file, "utf8").trim();
    restrictFile(file);
    return secret;
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

const OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";
const OSM_ATTRIBUTION = '© les contributeurs d\u2019<a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

export type MapTiles = { url: string; attribution: string } | null;

/**
 * The map's background tiles: MAP_TILE_URL (OpenStreetMap's by default) with MAP_TILE_ATTRIBUTION,
 * or null with MAP_TILE_URL=none. The CSP lets images come from https: and from the wiki itself only.
 */
export function mapTiles(): MapTiles {
  const url = process.env.MAP_TILE_URL?.trim() || OSM_TILES;
  if (url === "none") return null;
  if (!/^(https:\/\/|\/)/.test(url) || !["{z}", "{x}", "{y}"].every((part) => url.includes(part))) {
    throw new Error(`MAP_TILE_URL must be an https:// URL (or a path on this site) containing {z}, {x} and {y}, or "none"; got "${url}"`);
  }
  const attribution = process.env.MAP_TILE_ATTRIBUTION?.trim() || (url === OSM_TILES ? OSM_ATTRIBUTION : "");
  return { url, attribution };
}

/** Base URL of an address API compatible with the Base Adresse Nationale (GEOCODER_URL), or null when geocoding is off. */
export function geocoderUrl(): string | null {
  const url = process.env.GEOCODER_URL?.trim();
  if (!url) return null;
  if (!/^https?:\/\/[^/]/.test(url)) throw new Error(`GEOCODER_URL must be an http(s) URL such as https://api-adresse.data.gouv.fr; got "${url}"`);
  return url.replace(/\/+$/, "");
}

/** The SMTP server mails go through (SMTP_URL, for example smtps://user:pass@smtp.example.org), or null: mails then stay in the outbox. */
export function smtpUrl(): string | null {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return null;
  if (!/^smtps?:\/\/[^/]/.test(url)) throw new Error(`SMTP_URL must be an smtp:// or smtps:// URL such as smtps://utilisateur:motdepasse@smtp.exemple.org; got "${url.replace(/\/\/[^@/]*@/, "//…@")}"`);
  return url;
}

/** The sender of the wiki's mails (MAIL_FROM), by default wiki@ the public URL's host. */
export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || `Wiki de la Solidarité numérique <wiki@${new URL(publicUrl()).hostname}>`;
}
