import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";
import { HttpSocket } from "@/lib/collab/http-socket";
import { bodyFragment } from "@/lib/fiche/document";

const REMOTE = Symbol("remote");
const OPEN = 1;

/**
 * When each typed update was sent, keyed by `${clientID}:${clock}` of its first struct, and whether
 * its deliveries count: it is the send that decides, so that late deliveries are never left out.
 */
export type SendLog = Map<string, { at: number; recorded: boolean }>;

/** How a simulated client reaches the server: a WebSocket, or the HTTP fallback of networks that block them. */
export type Transport = "websocket" | "http";

/** The browser WebSocket interface, which both `ws` and HttpSocket offer. */
type BrowserLikeSocket = {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(): void;
  addEventListener(type: string, listener: (event: { data?: ArrayBuffer; code?: number; reason?: string; message?: string }) => void): void;
};

function openSocket(url: string, cookie: string | null, transport: Transport): BrowserLikeSocket {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const socket = transport === "http" ? new HttpSocket(url, undefined, { headers }) : new WebSocket(url, { headers });
  socket.binaryType = "arraybuffer";
  return socket as unknown as BrowserLikeSocket;
}

/**
 * A y-websocket client reduced to what the benchmark needs: a socket + y-protocols, a Y.Doc that
 * applies what it receives, and a `type()` that inserts one character in the fiche's body.
 */
export class SimClient {
  readonly doc = new Y.Doc();
  readonly synced: Promise<void>;
  private readonly socket: BrowserLikeSocket;
  private titreMarker = "";
  private closing = false;

  constructor(
    url: string,
    cookie: string | null,
    seed: Uint8Array,
    private readonly sent: SendLog,
    private readonly onLatency: (ms: number) => void,
    readonly transport: Transport = "websocket",
  ) {
    Y.applyUpdate(this.doc, seed, REMOTE);
    const socket = (this.socket = openSocket(url, cookie, transport));
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || socket.readyState !== OPEN) return;
      socket.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    });
    this.synced = new Promise((resolve, reject) => {
      socket.addEventListener("error", (event) => reject(new Error(`${transport} error on ${url}: ${event.message ?? "no detail"}`)));
      socket.addEventListener("close", (event) => {
        if (!this.closing) reject(new Error(`closed ${event.code} ${event.reason}`));
      });
      socket.addEventListener("open", () => socket.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc))));
      socket.addEventListener("message", (event) => {
        if (this.onMessage(new Uint8Array(event.data!))) resolve();
      });
    });
    // After sync, a failure is seen in the figures (missing deliveries), not as an unhandled rejection.
    this.synced.catch(() => {});
  }

  /** Handles a server message; returns true when it is the sync step 2 answering ours. */
  private onMessage(data: Uint8Array): boolean {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return false;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const reply = syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, decoding.readVarUint8Array(decoder)));
      this.socket.send(reply);
      return false;
    }
    const update = decoding.readVarUint8Array(decoder);
    if (syncType === syncProtocol.messageYjsUpdate) {
      const now = performance.now();
      for (const [client, clock] of Y.parseUpdateMeta(update).from) {
        const sent = this.sent.get(`${client}:${clock}`);
        if (sent?.recorded) this.onLatency(now - sent.at);
      }
    }
    Y.applyUpdate(this.doc, update, REMOTE);
    return syncType === syncProtocol.messageYjsSyncStep2;
  }

  /** Types one character at a random place of a random paragraph; its deliveries are measured when `recorded`. */
  type(recorded: boolean): void {
    const body = bodyFragment(this.doc);
    const paragraph = body.get(Math.floor(Math.random() * body.length)) as Y.XmlElement;
    const text = paragraph.get(0) as Y.XmlText;
    this.sent.set(`${this.doc.clientID}:${Y.getState(this.doc.store, this.doc.clientID)}`, { at: performance.now(), recorded });
    text.insert(Math.floor(Math.random() * (text.length + 1)), String.fromCharCode(97 + Math.floor(Math.random() * 26)));
  }

  /** Replaces the marker this client last appended to the titre (only this client writes there) by `marker`. */
  markTitre(marker: string): void {
    const titre = this.doc.getText("titre");
    this.doc.transact(() => {
      if (this.titreMarker) titre.delete(titre.length - this.titreMarker.length, this.titreMarker.length);
      titre.insert(titre.length, marker);
    });
    this.titreMarker = marker;
  }

  close(): void {
    this.closing = true;
    this.socket.close();
    this.doc.destroy();
  }
}

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

/** The titre of ordinaryFicheState(n). */
export function ordinaryFicheTitre(n: number): string {
  return `Atelier numérique n°${n} : accompagner les démarches en ligne`;
}

/** The document of an ordinary fiche: a title, a few fields and six paragraphs (~4 KB of text). */
export function ordinaryFicheState(n: number): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap("meta").set("type", "pratique");
  doc.getText("titre").insert(0, ordinaryFicheTitre(n));
  doc.getText("commune").insert(0, "Villeurbanne");
  const sentence = "Chaque mardi, des bénévoles aident les habitants à créer leurs comptes et à remplir leurs démarches. ";
  const paragraphs = Array.from({ length: 6 }, () => {
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText(sentence.repeat(6))]);
    return p;
  });
  bodyFragment(doc).insert(0, paragraphs);
  return Y.encodeStateAsUpdate(doc);
}
