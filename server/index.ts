import { EventEmitter } from "node:events";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";
import next from "next";
import { ensureSessionSecret, listenHost, mailFrom, port, publicUrl, smtpUrl } from "./config";
import { closeDatabases, dataDir, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { seedDatabase } from "@/server/importer/seed";
import { ensureSearchIndex } from "./search";
import { claimServerLock, lastServerCrashed } from "./server-lock";
import { CLIENT_IP_HEADER } from "./auth/client-ip";
import { createCollabServer, isCollabPath } from "./collab/server";
import { registerStorageDocuments } from "./collab/storage-documents";
import { recordProjectionLayout, reprojectEveryFiche, reprojectIfLayoutChanged } from "./projection/layout";
import { removeUnfinishedFiches } from "./fiche";
import { startProjectionService } from "./projection/service";
import { revisionTimings } from "./revision";
import { startMailSender } from "./mail/sender";
import { startDigestScheduler } from "./digest";
import { askShortTimeSlice } from "./thread-scheduling";

const dev = process.env.NODE_ENV === "development";
if (!dev) (process.env as Record<string, string>).NODE_ENV = "production";

function ensureBuild(): void {
  if (dev || fs.existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) return;
  console.log("Aucune version compilée trouvée : compilation (next build)…");
  const result = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("next/dist/bin/next"), "build"], {
    stdio: "inherit",
    env: process.env,
  });
  if (result.status !== 0) {
    console.error("La compilation a échoué.");
    process.exit(result.status ?? 1);
  }
}

/** Where this process reaches itself: the HOST it listens on, or loopback when it listens everywhere. */
function selfFetchHost(): string {
  const host = listenHost();
  return !host || host === "0.0.0.0" || host === "::" ? "localhost" : host;
}

async function main(): Promise<void> {
  process.env.NEXTAUTH_SECRET = ensureSessionSecret();
  process.env.NEXTAUTH_URL = publicUrl();
  ensureBuild();

  const db = getDb();
  migrateDatabase(db);
  // The first-start seed and the crash cleanup write fiches before the collaboration server runs.
  registerStorageDocuments();
  const crashed = lastServerCrashed();
  // From here on, the CLI refuses to write fiches behind this server's document service.
  const releaseServerLock = claimServerLock();
  // A commit that writes both files may have reached only the main one (db/documents-file.ts).
  const unfinished = crashed ? removeUnfinishedFiches(db) : [];
  if (unfinished.length > 0) console.warn(`Arrêt brutal précédent : ${unfinished.length} fiche(s) dont la création n'a pas abouti retirée(s) (${unfinished.join(", ")}).`);
  const seedStart = performance.now();
  const seeded = seedDatabase(db);
  const imported = [
    seeded.livreBlanc && `premier démarrage : Livre blanc importé, ${seeded.livreBlanc.fiches} fiches et ${seeded.livreBlanc.acteurs} acteurs`,
    seeded.documents.length > 0 && `documents importés : ${seeded.documents.map((d) => `${d.file} (${d.fiches} fiches)`).join(", ")}`,
  ]
    .filter(Boolean)
    .map((part) => `, ${part}`)
    .join("");
  const seedTime = imported ? ` en ${Math.round(performance.now() - seedStart)} ms` : "";
  console.log(`Base de données prête dans ${dataDir()} (${seeded.terms} termes ajoutés${imported}${seedTime}).`);
  if (ensureSearchIndex(db)) console.log("Index de recherche reconstruit.");
  // The seed of an empty wiki projected its fiches with this code: nothing older to re-derive.
  if (seeded.livreBlanc) recordProjectionLayout(db);

  // Next registers its own upgrade listener (hot reload) on the server it is given. We give it a
  // private emitter and forward only the upgrades that are not ours, so it never sees the collab socket.
  const nextUpgrades = new EventEmitter();
  // Next fetches a server action's redirect target from this address, to send it in the same answer:
  // the interface we listen on, so that it never tries one where nothing listens (`::1` for "localhost").
  const app = next({ dev, dir: process.cwd(), hostname: selfFetchHost(), port: port(), httpServer: nextUpgrades as unknown as http.Server });
  await app.prepare();
  const handle = app.getRequestHandler();

  const trustProxy = process.env.TRUST_PROXY === "1";
  const server = http.createServer((req, res) => {
    // The sign-in limiter counts per client address: never trust a header the client could forge.
    // The last X-Forwarded-For entry is the one our proxy appended; the ones before it, the client wrote.
    const forwarded = trustProxy ? (String(req.headers["x-forwarded-for"] ?? "").split(",").at(-1)?.trim() ?? "") : "";
    req.headers[CLIENT_IP_HEADER] = forwarded || req.socket.remoteAddress || "unknown";
    // The socket's HTTP fallback, for networks that block WebSocket upgrades; Next never sees it.
    if (isCollabPath(req.url)) collab.handleHttp(req, res);
    else handle(req, res);
  });
  // Rows, HTML, search entries and revisions are derived in a worker thread: the socket's event loop only relays.
  const projections = startProjectionService(db);
  const reprojected = reprojectIfLayoutChanged(db, projections);
  if (reprojected) console.log(`Fiches re-dérivées de leur document (nouvelle version de la projection) : ${reprojected}.`);
  else if (crashed) console.log(`Arrêt brutal précédent : fiches re-dérivées de leur document : ${reprojectEveryFiche(db, projections).count}.`);
  const collab = createCollabServer({
    db,
    // Every stored change to a fiche's document is projected into its rows (debounced by the room).
    onDocumentChange: (ficheId) => projections.projectFiche(ficheId),
    // Revisions with their authors: when editing goes quiet, when the last editor leaves, and at an interval.
    onRevision: (ficheId, state, authorIds, reason) => projections.takeRevision(ficheId, state, authorIds, reason),
    ...revisionTimings(),
  });
  // Mails are written by whatever caused them; sending and digests run here, one process holding the lock.
  const stopMailSender = startMailSender(db, { smtpUrl: smtpUrl(), from: mailFrom() });
  const stopDigests = startDigestScheduler(db);
  server.on("upgrade", (req, socket, head) => {
    if (isCollabPath(req.url)) collab.handleUpgrade(req, socket, head);
    else nextUpgrades.emit("upgrade", req, socket, head);
  });
  // After the workers have started: a thread inherits its parent's slice, and theirs can wait.
  const noShortSlice = askShortTimeSlice();
  if (noShortSlice) console.warn(`Pas de tranche de temps courte pour le fil des connexions (${noShortSlice}) : les frappes peuvent attendre derrière les autres tâches.`);

  const shutdown = (signal: string) => {
    console.log(`${signal} reçu : arrêt propre…`);
    server.close();
    stopDigests();
    // Stores what is pending and closes the sockets (1001), then finishes the projections and
    // revisions this queued, before the database goes.
    void collab
      .close()
      .finally(() => projections.close())
      .finally(() => stopMailSender())
      .finally(() => {
        closeDatabases();
        releaseServerLock();
        process.exit(0);
      });
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));

  server.listen(port(), listenHost(), () => {
    console.log(`Le wiki est prêt sur ${publicUrl()}`);
  });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
