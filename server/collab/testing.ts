import http from "node:http";
import type { AddressInfo } from "node:net";
import { encode } from "next-auth/jwt";
import WebSocket from "ws";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import { getDb, type Db } from "@/db/client";
import { acteur, fiche, ficheActeur, membership, user } from "@/db/schema";
import { HttpSocket } from "@/lib/collab/http-socket";
import { COLLAB_PATH_PREFIX } from "@/lib/collab/messages";
import { captureMutation } from "./documents";
import type { CollabLogger } from "./log";
import { getFicheDocuments } from "./write";
import { createCollabServer, isCollabPath, type CollabServer, type CollabServerOptions } from "./server";

/** Test helpers for the collaboration server: factories, session cookies, a loopback server and clients. */

let counter = 0;
const unique = () => `${process.pid}-${++counter}`;

/** Inserts a user (contributeur unless told otherwise). */
export function buildUser(db: Db, values: Partial<typeof user.$inferInsert> = {}) {
  const id = unique();
  return db.insert(user).values({ email: `user-${id}@example.org`, name: `User ${id}`, ...values }).returning().get();
}

/** Inserts an acteur and makes the given users its members. */
export function buildActeur(db: Db, memberIds: number[] = []) {
  const id = unique();
  const row = db
    .insert(acteur)
    .values({ slug: `acteur-${id}`, nom: `Acteur ${id}`, categorie: "non_lucratif", typologie: "association" })
    .returning()
    .get();
  for (const userId of memberIds) db.insert(membership).values({ userId, acteurId: row.id }).run();
  return row;
}

/** Inserts a fiche (published unless told otherwise), with optional porteurs. */
export function buildFiche(db: Db, values: Partial<typeof fiche.$inferInsert> = {}, porteurIds: number[] = []) {
  const row = db
    .insert(fiche)
    .values({ slug: `fiche-${unique()}`, type: "pratique", statut: "publiee", ...values })
    .returning()
    .get();
  for (const acteurId of porteurIds) db.insert(ficheActeur).values({ ficheId: row.id, acteurId, role: "porteur" }).run();
  return row;
}

/**
 * Applies an arbitrary Yjs mutation to a fiche through the document service, as a script would:
 * computed on a copy of its current state, sent as an update. Returns the update, or null when
 * `mutate` changed nothing.
 */
export function editFicheDocument(ficheId: number, userId: number | null, mutate: (doc: Y.Doc) => void, db: Db = getDb()): Uint8Array | null {
  const documents = getFicheDocuments(db);
  const doc = new Y.Doc();
  try {
    const current = documents.read(ficheId);
    if (current) Y.applyUpdate(doc, current.state);
    const update = captureMutation(doc, mutate);
    if (update) documents.edit(ficheId, { system: "script", userId }, { kind: "update", update });
    return update;
  } finally {
    doc.destroy();
  }
}

/** A next-auth session cookie for a user, signed with the test secret, as the browser would send it after a password sign-in. */
export async function sessionCookie(userId: number): Promise<string> {
  return tokenCookie({ sub: String(userId), uid: userId, name: `User ${userId}` });
}

/** A session cookie carrying any token, e.g. the shape next-auth gives after an OpenID Connect sign-in. */
export async function tokenCookie(token: Record<string, unknown>): Promise<string> {
  return `next-auth.session-token=${await encode({ token, secret: process.env.NEXTAUTH_SECRET! })}`;
}

/** A logger that keeps its lines, to assert that a refusal was logged. */
export function recordingLogger(): CollabLogger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(`info ${m}`),
    warn: (m) => lines.push(`warn ${m}`),
    error: (m) => lines.push(`error ${m}`),
  };
}

export type TestServer = { collab: CollabServer; http: http.Server; baseUrl: string; origin: string; stop(): Promise<void> };

/** Starts the collaboration server behind a loopback HTTP server on a free port. */
export async function startTestServer(db: Db, options: CollabServerOptions = {}): Promise<TestServer> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const collab = createCollabServer({ db, allowedOrigins: [origin], ...options });
  server.on("request", (req, res) => {
    if (isCollabPath(req.url)) collab.handleHttp(req, res);
    else res.writeHead(404).end();
  });
  server.on("upgrade", (req, socket, head) => {
    if (isCollabPath(req.url)) collab.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  return {
    collab: collab,
    http: server,
    origin,
    baseUrl: `ws://127.0.0.1:${port}${COLLAB_PATH_PREFIX}`,
    async stop() {
      await collab.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type TestClient = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Updates this client received from the server, in order. */
  received: Uint8Array[];
  /** Close events the server sent. */
  closes: { code: number; reason: string }[];
  text(): string;
  destroy(): void;
};

/** A y-websocket client in Node, with the session cookie of `cookie` when given, over a WebSocket or the HTTP fallback. */
export function connectClient(
  baseUrl: string,
  ficheId: number,
  options: { cookie?: string; params?: Record<string, string>; doc?: Y.Doc; maxBackoffTime?: number; transport?: "websocket" | "http" } = {},
): TestClient {
  const headers: Record<string, string> = options.cookie ? { cookie: options.cookie } : {};
  class CookieWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  class CookieHttpSocket extends HttpSocket {
    constructor(url: string) {
      super(url, undefined, { headers });
    }
  }
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(baseUrl, String(ficheId), doc, {
    WebSocketPolyfill: (options.transport === "http" ? CookieHttpSocket : CookieWebSocket) as unknown as typeof globalThis.WebSocket,
    params: options.params ?? {},
    // Node has BroadcastChannel: without this, clients of one process would sync behind the server's back.
    disableBc: true,
    maxBackoffTime: options.maxBackoffTime ?? 300,
  });
  const received: Uint8Array[] = [];
  const closes: { code: number; reason: string }[] = [];
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin === provider) received.push(update);
  });
  provider.on("connection-close", (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    received,
    closes,
    text: () => doc.getText("titre").toString(),
    destroy: () => provider.destroy(),
  };
}

/** Resolves once the client has synced with the server. */
export function synced(client: TestClient, timeoutMs = 5000): Promise<void> {
  return waitFor(() => client.provider.synced, timeoutMs, "client did not sync");
}

/** Polls `predicate` until it holds; fails with `message` after `timeoutMs`. */
export async function waitFor(predicate: () => boolean, timeoutMs = 5000, message = "condition not met"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits long enough for a message to cross the loopback and back several times. */
export function settle(ms = 150): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Opens a raw socket (no y-websocket) and resolves with it once open, or with the HTTP status of a refusal. */
export function openRawSocket(
  url: string,
  options: { cookie?: string; origin?: string } = {},
): Promise<{ ws: WebSocket } | { status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, {
      headers: options.cookie ? { cookie: options.cookie } : {},
      ...(options.origin ? { origin: options.origin } : {}),
    });
    ws.binaryType = "nodebuffer";
    ws.once("open", () => resolve({ ws }));
    ws.once("unexpected-response", (_req, res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    ws.once("error", (error) => reject(error));
  });
}

/** Resolves with the close code and reason of a raw socket. */
export function closeOf(ws: WebSocket): Promise<{ code: number; reason: string }> {
  if (ws.readyState === WebSocket.CLOSED) return Promise.reject(new Error("socket already closed"));
  return new Promise((resolve) => ws.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
}
