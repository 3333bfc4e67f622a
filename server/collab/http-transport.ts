import { randomBytes } from "node:crypto";
import type http from "node:http";
import { decodeFrames, FrameError, HTTP_SESSION_PREFIX, MAX_FRAMES_PER_REQUEST } from "@/lib/collab/http-frames";
import type { UpgradeAuthResult } from "./auth";
import type { CollabAccess } from "./auth";
import { answerGone, HttpSessionSocket } from "./http-socket";
import type { CollabLimits } from "./limits";
import { errorMessage, type CollabLogger } from "./log";

export type HttpTransportDeps = {
  limits: CollabLimits;
  logger: CollabLogger;
  /** The socket's own checks: path, Origin, session, fiche policies. */
  authenticate(req: http.IncomingMessage): Promise<UpgradeAuthResult>;
  /** Joins the fiche's room as the socket path does (or closes `socket` with the reason it may not). */
  connect(access: CollabAccess, socket: HttpSessionSocket): void;
  /** Whether the server is shutting down. */
  closing(): boolean;
  /**
   * How long a poll waits for a message before an empty answer. Default 10 s: well under proxies'
   * timeouts, and a client whose network dropped leaves within it plus the re-poll grace and the heartbeat's timeout.
   */
  pollHoldMs?: number;
};

export type HttpTransport = {
  /** Serves an HTTP request under `/_collab`: open a session, poll, send or close. */
  handle(req: http.IncomingMessage, res: http.ServerResponse): void;
  /** Open sessions, for tests and stats. */
  readonly size: number;
};

/** How long a closed session is kept so that the client's next poll reads the close and the last messages. */
const CLOSED_SESSION_GRACE_MS = 10_000;
/** A request body that trickles in slower than this is cut, as a stalled socket frame would be. */
const BODY_TIMEOUT_MS = 10_000;

class HttpRefusal extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The collaboration socket over plain HTTP, for networks whose proxies block WebSocket upgrades
 * (see lib/collab/http-frames.ts for the exchange). A session is a CollabConnection like any
 * socket: same authentication, read-only enforcement, limits, durability and acknowledgements.
 * What is specific to HTTP is bounded here: the body size and time, and sessions that stop polling
 * are ended by the heartbeat like silent sockets.
 */
export function createHttpTransport(deps: HttpTransportDeps): HttpTransport {
  const sessions = new Map<string, HttpSessionSocket>();
  const holdMs = deps.pollHoldMs ?? 10_000;
  const maxFrameBytes = Math.max(deps.limits.maxUpdateBytes, deps.limits.maxAwarenessBytes) + 16;
  const maxBodyBytes = maxFrameBytes * 4;

  async function open(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (deps.closing()) throw new HttpRefusal(503, "Server is shutting down");
    const result = await deps.authenticate(req);
    if (!result.ok) {
      deps.logger.warn(`refused HTTP session ${req.url}: ${result.status} ${result.reason}`);
      throw new HttpRefusal(result.status, result.reason);
    }
    const socket = new HttpSessionSocket(randomBytes(18).toString("base64url"));
    sessions.set(socket.id, socket);
    socket.once("close", () => setTimeout(() => sessions.delete(socket.id), CLOSED_SESSION_GRACE_MS).unref());
    deps.connect(result.access, socket);
    res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" }).end(JSON.stringify({ session: socket.id }));
  }

  async function send(socket: HttpSessionSocket, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let body: Uint8Array;
    try {
      body = await readBody(req, maxBodyBytes);
    } catch (error) {
      // As ws closes a socket whose frame is too large (1009): the session goes with the request.
      if (error instanceof HttpRefusal && error.status === 413) socket.close(1009, "Message too big");
      throw error;
    }
    let frames: Uint8Array[];
    try {
      frames = decodeFrames(body, { maxFrameBytes, maxFrames: MAX_FRAMES_PER_REQUEST });
    } catch (error) {
      if (!(error instanceof FrameError)) throw error;
      socket.close(4400, `Malformed request: ${error.message}`);
      throw new HttpRefusal(400, `Malformed request: ${error.message}`);
    }
    socket.deliver(frames);
    if (socket.readyState !== 1) return answerGone(res);
    res.writeHead(204, { "cache-control": "no-store" }).end();
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://collab.invalid");
    const sessionMatch = /^\/([A-Za-z0-9_-]{24})$/.exec(url.pathname.startsWith(`${HTTP_SESSION_PREFIX}/`) ? url.pathname.slice(HTTP_SESSION_PREFIX.length) : "");
    if (!sessionMatch) {
      if (req.method !== "POST") throw new HttpRefusal(405, "Open a session with POST");
      return open(req, res);
    }
    const socket = sessions.get(sessionMatch[1]);
    if (!socket) return answerGone(res);
    switch (req.method) {
      case "GET": {
        const seen = Number(url.searchParams.get("seen") ?? "0");
        if (!Number.isSafeInteger(seen) || seen < 0) throw new HttpRefusal(400, "seen must be a non-negative integer");
        return socket.attachPoll(res, seen, holdMs);
      }
      case "POST":
        return send(socket, req, res);
      case "DELETE":
        socket.terminate();
        sessions.delete(socket.id);
        res.writeHead(204).end();
        return;
      default:
        throw new HttpRefusal(405, `${req.method} is not allowed on a session`);
    }
  }

  return {
    handle(req, res) {
      route(req, res).catch((error: unknown) => {
        const refusal = error instanceof HttpRefusal ? error : null;
        if (!refusal) deps.logger.error(`HTTP session ${req.method} ${req.url}: ${errorMessage(error)}`, error);
        if (res.headersSent || res.destroyed) return;
        res
          .writeHead(refusal?.status ?? 500, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", connection: "close" })
          .end(`${refusal?.message ?? "Internal error"}\n`);
      });
    },
    get size() {
      return sessions.size;
    },
  };
}

/** Reads a request body of at most `maxBytes`, within BODY_TIMEOUT_MS. */
function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > maxBytes) {
    req.resume();
    return Promise.reject(new HttpRefusal(413, `Body of ${declared} bytes (limit ${maxBytes})`));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => {
      req.destroy();
      reject(new HttpRefusal(408, "Body too slow"));
    }, BODY_TIMEOUT_MS);
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        clearTimeout(timer);
        req.destroy();
        reject(new HttpRefusal(413, `Body over ${maxBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}
