import crypto from "node:crypto";
import os from "node:os";
import type Database from "better-sqlite3";
import { HealthPoller } from "./support/health-poller";
import { ATTACKS, type Attack, type AttackContext, type AttackOutcome, type HostileData } from "./support/hostile-attacks";
import { makeTempDir, removeTempDir, sleep } from "./support/processes";
import { describeJoin, joinAndSync } from "./support/raw-collab";
import { ordinaryFicheState } from "./support/sim-client";
import { addFiche, addUser, openBenchDb, openReadOnlyDb, sessionCookie } from "./support/wiki-data";
import { startWikiServer, type WikiServer } from "./support/wiki-server";

/**
 * Five attacks on the production entry point server/index.ts, with raw y-websocket clients on
 * loopback: for each, the worst latency of /api/sante polled every ~50 ms (target < 1 s), whether
 * the attacker's socket was closed, and whether a legitimate editor can still join and sync.
 * Figures only: whether the server resists is what it prints. Each attack is bounded in time; a
 * server that dies is restarted on the same data for the next attack.
 * Env: BENCH_ATTACKS (a,b,c,d,e) to run only some.
 */

const ATTACK_TIMEOUT_MS = 120_000;
const SETTLE_MS = 60_000;

async function prepareData(): Promise<HostileData> {
  const dataDir = makeTempDir("wiki-bench-hostile-");
  const secret = crypto.randomBytes(32).toString("base64url");
  const db = openBenchDb(dataDir);
  const users = {
    admin: addUser(db, { name: "Administrateur", email: "admin@exemple.fr", role: "admin" }),
    moderator: addUser(db, { name: "Maud Modératrice", email: "maud@exemple.fr", role: "moderateur" }),
    contributor: addUser(db, { name: "Camille Contributrice", email: "camille@exemple.fr" }),
    editor: addUser(db, { name: "Élise Éditrice", email: "elise@exemple.fr" }),
    witness: addUser(db, { name: "Paul Témoin", email: "paul@exemple.fr" }),
  };
  // Ordinary fiches (~4 KB of text), so that sync sizes and times are those of real pages.
  let n = 0;
  const published = (titre: string) => addFiche(db, { titre, state: ordinaryFicheState(n++), createdBy: users.editor.id }).id;
  const fiches = {
    freeze: published("Fiche gelée"),
    poison: published("Fiche empoisonnée"),
    bloat: published("Fiche gonflée"),
    spoof: published("Fiche usurpée"),
    oidc: published("Fiche OIDC"),
    moderatorDraft: addFiche(db, { titre: "Brouillon de la modératrice", statut: "brouillon", createdBy: users.moderator.id }).id,
  };
  db.$client.close();
  return {
    dataDir,
    secret,
    users,
    cookies: { editor: await sessionCookie(secret, users.editor), witness: await sessionCookie(secret, users.witness) },
    fiches,
  };
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms))),
  ]);
}

const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

async function runAttack(attack: Attack, ctx: AttackContext): Promise<void> {
  console.log(`\n${attack.key}. ${attack.title}`);
  const launch = await attack.prepare(ctx);
  const logMark = ctx.server.logSize();
  const health = new HealthPoller(ctx.server.baseUrl);
  await sleep(200);
  let outcome: AttackOutcome;
  try {
    outcome = await withTimeout(launch(), ATTACK_TIMEOUT_MS, "the attack");
  } catch (error) {
    outcome = { lines: [`attack stopped: ${error instanceof Error ? error.message : String(error)}`], attackers: [] };
  }
  const settled = ctx.server.exit ? false : await health.waitUntilResponsive(SETTLE_MS);
  const worst = health.worstMs();
  await health.stop();
  for (const line of outcome.lines) console.log(`   ${line}`);
  const failures = [...health.failures].map(([reason, count]) => `${count} x ${reason}`).join(", ");
  console.log(
    `   /api/sante worst ${seconds(worst)} over ${health.samples.length} polls (target < 1 s: ${worst < 1000 ? "met" : "MISSED"})` +
      (failures ? `; failed: ${failures}` : "") +
      (settled || ctx.server.exit ? "" : `; still slow ${SETTLE_MS / 1000} s after the attack`),
  );
  if (outcome.attackers.length > 0) {
    const fates = outcome.attackers.map((a) => (a.closeInfo ? `closed, ${a.closeInfo.code} ${JSON.stringify(a.closeInfo.reason)}` : "still open"));
    console.log(`   attacker's socket${fates.length > 1 ? "s" : ""}: ${fates.join("; ")}`);
    for (const attacker of outcome.attackers) attacker.close();
  }
  const logged = ctx.server.logSince(logMark);
  const errors = logged.filter((line) => /error|exception/i.test(line));
  console.log(`   server log: ${logged.length} line${logged.length === 1 ? "" : "s"}${errors.length > 0 ? `, ${errors.length} about errors, first: ${errors[0].trim().slice(0, 200)}` : ""}`);
  if (ctx.server.exit) {
    console.log(`   the server EXITED (${JSON.stringify(ctx.server.exit)}); its last lines:`);
    for (const line of ctx.server.logTail(6)) console.log(`     | ${line.slice(0, 300)}`);
    console.log("   legitimate editor joining afterwards: impossible, the server is down");
    return;
  }
  const legit = await joinAndSync(ctx.server.socketUrl(attack.fiche(ctx.data)), ctx.data.cookies.witness, 15_000);
  if (legit.outcome === "synced") legit.peer.close();
  console.log(`   legitimate editor joining afterwards: ${describeJoin(legit)}`);
}

/** Runs the five attacks against the production entry point and prints what happened. */
export async function run(): Promise<void> {
  console.log(
    `hostile: raw y-websocket attackers against server/index.ts (NODE_ENV=production), all on loopback, ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0].toFixed(1)} at start.\n` +
      "Left out of the real path: TLS and a reverse proxy (their limits on frame size, rate or connections), " +
      "the network between attacker and server, and browsers (the victims are raw peers that decode what they receive).",
  );
  const data = await prepareData();
  let server: WikiServer | null = null;
  let readOnly: Database.Database | null = null;
  try {
    const wanted = new Set((process.env.BENCH_ATTACKS ?? "a,b,c,d,e").toLowerCase().split(/[\s,]+/));
    for (const attack of ATTACKS.filter((a) => wanted.has(a.key))) {
      if (!server || server.exit) {
        if (server) console.log("\n(restarting the server on the same data)");
        server = await startWikiServer({ dataDir: data.dataDir, secret: data.secret });
      }
      readOnly ??= openReadOnlyDb(data.dataDir);
      await runAttack(attack, { server, data, readOnly });
    }
  } finally {
    readOnly?.close();
    await server?.stop();
    removeTempDir(data.dataDir);
  }
}
