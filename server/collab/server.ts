import type http from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer } from "ws";
import { CLOSE_CODES } from "@/lib/collab/messages";
import * as Y from "yjs";
import { getDb, type Db } from "@/db/client";
import { projectFiche } from "@/server/fiche-projection";
import { ensureSessionSecret, publicUrl } from "@/server/config";
import { startBackgroundCheckpoints } from "./checkpointer";
import { authenticateUpgrade, rejectUpgrade, type CollabAccess } from "./auth";
import { CollabConnection } from "./connection";
import { startHeartbeat } from "./heartbeat";
import type { CollabSocket } from "./http-socket";
import { createHttpTransport } from "./http-transport";
import { refusals, resolveLimits, type CollabLimits } from "./limits";
import { consoleLogger, errorMessage, type CollabLogger } from "./log";
import { ContentGuard } from "./content-guard";
import { FicheDocuments, type FicheDocumentService } from "./documents";
import { loadDocumentState } from "./persistence";
import type { EditHandlingStats } from "./edit-handling";
import { MessagePipeline } from "./pipeline";
import { registerCollabServer, unregisterCollabServer } from "./registry";
import { RevisionTracker, type RevisionListener } from "./revisions";
import { startRightsChecks } from "./rights";
import type { DocumentChangeListener } from "./room";
import { RoomStore } from "./rooms";

export { isCollabPath } from "./path";

export type CollabServerOptions = {
  /** Defaults to getDb(). */
  db?: Db;
  /** next-auth secret; defaults to NEXTAUTH_SECRET (or the one kept in DATA_DIR). */
  secret?: string;
  /** Origins allowed to open sockets; defaults to the origin of publicUrl(). The request's own host is always allowed. */
  allowedOrigins?: string[];
  /** Whether the session cookie is `__Secure-next-auth.session-token`; defaults to publicUrl() being https. */
  secureCookie?: boolean;
  limits?: Partial<CollabLimits>;
  /** How often open connections' rights are re-checked. Default 2 s. */
  rightsCheckIntervalMs?: number;
  /** How often every connection is pinged. Default 1 s. */
  heartbeatIntervalMs?: number;
  /** A connection silent (no message, no pong) for longer than this is terminated and its presence removed. Default 3 s. */
  heartbeatTimeoutMs?: number;
  /** How long a fiche nobody is connected to stays loaded. Default 30 s. */
  idleUnloadMs?: number;
  /** Compact a fiche's log once it holds this many updates… Default 500. */
  compactAfterUpdates?: number;
  /** …or this many bytes. Default 512 KiB. */
  compactAfterBytes?: number;
  /** Debounce of onDocumentChange. Default 400 ms. */
  changeDebounceMs?: number;
  /**
   * Called after a fiche's document changed (debounced for live fiches), to rebuild what is derived
   * from it. Read `doc` synchronously. Defaults to projecting it here and now (projectFiche).
   */
  onDocumentChange?: DocumentChangeListener;
  /** Called to take a revision: when editing goes quiet, when the last editor leaves, and at an interval (see revisions.ts). */
  onRevision?: RevisionListener;
  /** Quiet time after which a revision is taken. Default 30 s. */
  revisionQuietMs?: number;
  /** Longest time edits wait for a revision under continuous editing. Default 10 min. */
  revisionIntervalMs?: number;
  logger?: CollabLogger;
  /** Run SQLite WAL checkpoints in a worker thread while the server runs (see checkpointer.ts). Default true. */
  backgroundCheckpoints?: boolean;
  /** How long an HTTP fallback poll waits for a message before an empty answer. Default 10 s. */
  httpPollHoldMs?: number;
  /** Register on globalThis for getCollabServer(). Default true. */
  register?: boolean;
};

export type CollabStats = {
  loadedFiches: number;
  connections: number;
  httpSessions: number;
  /** Connections the heartbeat watches: the same as `connections` unless one that left was forgotten there. */
  heartbeatWatched: number;
  /** Clients' edits since the server started, and how long each took from being read to being broadcast. */
  editHandling: EditHandlingStats;
};

export type CollabServer = {
  /** Authenticates an upgrade request on `/_collab/<ficheId>` and, if allowed, opens the socket. */
  handleUpgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void;
  /** Serves the HTTP fallback of the socket (`/_collab/…` requests that are not upgrades; see http-transport.ts). */
  handleHttp(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** The one door to fiches' content for every server-side caller (see documents.ts). */
  documents: FicheDocumentService;
  /** The live state of a loaded fiche (null when not loaded); for diagnostics and tests. */
  encodeDocumentState(ficheId: number): Uint8Array | null;
  /** Takes now the revision of the fiche's edits not yet in one, if any. */
  takePendingRevision(ficheId: number): void;
  stats(): CollabStats;
  /** Stores and compacts everything, closes every connection (1001) and stops. */
  close(): Promise<void>;
};

const CLOSE_HANDSHAKE_TIMEOUT_MS = 1000;

/** Creates the collaboration server; mount it with `server.on("upgrade", collab.handleUpgrade)`. */
export function createCollabServer(options: CollabServerOptions = {}): CollabServer {
  const db = options.db ?? getDb();
  const logger = options.logger ?? consoleLogger;
  const onDocumentChange = options.onDocumentChange ?? ((ficheId: number, doc: Y.Doc) => void projectFiche(db, ficheId, doc));
  const limits = resolveLimits(options.limits);
  // publicUrl() is read only when needed: it throws on a PORT that a caller passing both options may not set.
  const baseUrl = () => publicUrl();
  const authOptions = {
    db,
    secret: options.secret ?? ensureSessionSecret(),
    secureCookie: options.secureCookie ?? baseUrl().startsWith("https://"),
    allowedOrigins: options.allowedOrigins ?? [new URL(baseUrl()).origin],
  };
  // Frames far above the update limit are cut by ws itself (1009) before being buffered whole.
  const wss = new WebSocketServer({ noServer: true, maxPayload: Math.max(limits.maxUpdateBytes, limits.maxAwarenessBytes) * 4 });
  // eslint-disable-next-line prefer-const -- assigned once below: the rooms need the pipeline and the pipeline needs the rooms.
  let pipeline: MessagePipeline;
  const rooms = new RoomStore({
    db,
    logger,
    idleUnloadMs: options.idleUnloadMs ?? 30_000,
    compactAfterUpdates: options.compactAfterUpdates ?? 500,
    compactAfterBytes: options.compactAfterBytes ?? 512 * 1024,
    changeDebounceMs: options.changeDebounceMs ?? 400,
    onDocumentChange,
    beforeUnload: () => pipeline.flush(),
    // Checked once the socket's batch is applied, and set right through the one door, so that everyone sees it.
    onGuardedChange: (ficheId, member, restore) => guard.check(ficheId, member, restore),
  });
  const revisions = options.onRevision
    ? new RevisionTracker({
        quietMs: options.revisionQuietMs ?? 30_000,
        intervalMs: options.revisionIntervalMs ?? 10 * 60_000,
        readState: (ficheId) => {
          const room = rooms.get(ficheId);
          return room ? Y.encodeStateAsUpdate(room.doc) : loadDocumentState(db, ficheId, logger);
        },
        onRevision: options.onRevision,
        logger,
      })
    : null;
  const recordEdit = revisions ? (ficheId: number, userId: number | null) => revisions.recordEdit(ficheId, userId) : undefined;
  pipeline = new MessagePipeline(db, rooms, logger, recordEdit);
  const documents = new FicheDocuments({ db, logger, rooms, onEdit: recordEdit, onChange: onDocumentChange });
  const guard = new ContentGuard(db, rooms, documents, logger);
  const onLeave = (member: CollabConnection) => {
    if (!revisions || !member.canEdit || [...member.room.members].some((m) => m.canEdit)) return;
    // What the last editor sent just before leaving may still be queued: store it first.
    pipeline.flush();
    revisions.take(member.room.ficheId, "depart");
  };
  // Interval plus timeout stays under 5 s: a peer whose network dropped leaves the presence list within that.
  const heartbeat = startHeartbeat(options.heartbeatIntervalMs ?? 1000, options.heartbeatTimeoutMs ?? 3000);
  const deps = { limits, logger, pipeline, rooms, heartbeat, onLeave };
  let closing: Promise<void> | null = null;

  const stopCheckpoints = options.backgroundCheckpoints === false ? async () => {} : startBackgroundCheckpoints(db, logger);
  const stopRightsChecks = startRightsChecks(() => rooms.all(), db, logger, options.rightsCheckIntervalMs ?? 2000);

  /** Joins a fiche's room on a socket, or closes it with the reason it may not; the same for WebSockets and HTTP sessions. */
  function connect(access: CollabAccess, ws: CollabSocket): void {
    if (closing) {
      ws.close(refusals.shuttingDown().code, refusals.shuttingDown().reason);
      return;
    }
    const present = rooms.get(access.ficheId)?.members.size ?? 0;
    if (present >= limits.maxClientsPerFiche) {
      const refusal = refusals.tooManyClients(limits.maxClientsPerFiche);
      logger.warn(`fiche ${access.ficheId}: closing (${refusal.code}): ${refusal.reason}`);
      ws.close(refusal.code, refusal.reason);
      return;
    }
    let room;
    try {
      room = rooms.acquire(access.ficheId);
    } catch (error) {
      logger.error(`fiche ${access.ficheId}: could not load the document: ${errorMessage(error)}`, error);
      ws.close(CLOSE_CODES.internalError, "Could not load this fiche; retry later");
      return;
    }
    new CollabConnection(ws, access, room, deps).start();
  }

  const httpTransport = createHttpTransport({
    limits,
    logger,
    authenticate: (req) => authenticateUpgrade(req, authOptions),
    connect,
    closing: () => closing !== null,
    pollHoldMs: options.httpPollHoldMs,
  });

  const server: CollabServer = {
    handleUpgrade(req, socket, head) {
      if (closing) return rejectUpgrade(socket, 503, "Server is shutting down");
      const onError = (error: Error) => logger.info(`upgrade ${req.url}: socket error: ${error.message}`);
      socket.on("error", onError);
      authenticateUpgrade(req, authOptions)
        .then((result) => {
          socket.off("error", onError);
          if (socket.destroyed) return;
          if (closing) return rejectUpgrade(socket, 503, "Server is shutting down");
          if (!result.ok) {
            logger.warn(`refused upgrade ${req.url}: ${result.status} ${result.reason}`);
            return rejectUpgrade(socket, result.status, result.reason);
          }
          wss.handleUpgrade(req, socket, head, (ws) => connect(result.access, ws));
        })
        .catch((error: unknown) => {
          socket.off("error", onError);
          logger.error(`upgrade ${req.url}: authentication failed: ${errorMessage(error)}`, error);
          rejectUpgrade(socket, 500, "Internal error while authenticating");
        });
    },

    handleHttp(req, res) {
      httpTransport.handle(req, res);
    },

    documents,

    encodeDocumentState(ficheId) {
      const room = rooms.get(ficheId);
      return room ? Y.encodeStateAsUpdate(room.doc) : null;
    },

    takePendingRevision(ficheId) {
      if (!revisions) return;
      pipeline.flush();
      revisions.take(ficheId, "pause");
    },

    stats() {
      return {
        loadedFiches: rooms.size,
        connections: rooms.all().reduce((n, room) => n + room.members.size, 0),
        httpSessions: httpTransport.size,
        heartbeatWatched: heartbeat.size,
        editHandling: pipeline.handling.stats(),
      };
    },

    close() {
      closing ??= (async () => {
        stopRightsChecks();
        heartbeat.stop();
        pipeline.flush();
        const connections = rooms.all().flatMap((room) => [...room.members]);
        logger.info(`closing ${connections.length} connections on ${rooms.size} fiches`);
        for (const connection of connections) connection.refuse(refusals.shuttingDown(), { quiet: true });
        await Promise.all(connections.map((c) => c.whenClosed(CLOSE_HANDSHAKE_TIMEOUT_MS)));
        // Sockets whose upgrade completed during the close handshake.
        for (const ws of wss.clients) ws.terminate();
        // Editors who left above took their revisions; server-side writes still waiting take theirs now.
        revisions?.takeAll("pause");
        revisions?.stop();
        await rooms.unloadAll();
        await stopCheckpoints();
        await new Promise<void>((resolve) => wss.close(() => resolve()));
        unregisterCollabServer(server);
        logger.info("collaboration server closed");
      })();
      return closing;
    },
  };
  if (options.register !== false) registerCollabServer(server);
  return server;
}
