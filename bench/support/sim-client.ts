import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import WebSocket from "ws";
import * as Y from "yjs";
import { bodyFragment } from "@/lib/fiche/document";

const REMOTE = Symbol("remote");

/**
 * When each typed update was sent, keyed by `${clientID}:${clock}` of its first struct, and whether
 * its deliveries count: it is the send that decides, so that late deliveries are never left out.
 */
export type SendLog = Map<string, { at: number; recorded: boolean }>;

/**
 * A y-websocket client reduced to what the benchmark needs: raw ws + y-protocols, a Y.Doc that
 * applies what it receives, and a `type()` that inserts one character in the fiche's body.
 */
export class SimClient {
  readonly doc = new Y.Doc();
  readonly ws: WebSocket;
  readonly synced: Promise<void>;
  private titreMarker = "";

  constructor(
    url: string,
    cookie: string | null,
    seed: Uint8Array,
    private readonly sent: SendLog,
    private readonly onLatency: (ms: number) => void,
  ) {
    Y.applyUpdate(this.doc, seed, REMOTE);
    this.ws = new WebSocket(url, { headers: cookie ? { cookie } : {} });
    this.doc.on("update", (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE || this.ws.readyState !== WebSocket.OPEN) return;
      this.ws.send(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
    });
    this.synced = new Promise((resolve, reject) => {
      this.ws.once("error", reject);
      this.ws.once("close", (code, reason) => reject(new Error(`closed ${code} ${reason.toString()}`)));
      this.ws.on("open", () => this.ws.send(syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc))));
      this.ws.on("message", (data: Buffer) => {
        if (this.onMessage(data)) resolve();
      });
    });
  }

  /** Handles a server message; returns true when it is the sync step 2 answering ours. */
  private onMessage(data: Buffer): boolean {
    const decoder = decoding.createDecoder(data);
    if (decoding.readVarUint(decoder) !== 0) return false;
    const syncType = decoding.readVarUint(decoder);
    if (syncType === syncProtocol.messageYjsSyncStep1) {
      const reply = syncMessage((e) => syncProtocol.writeSyncStep2(e, this.doc, decoding.readVarUint8Array(decoder)));
      this.ws.send(reply);
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
    this.ws.removeAllListeners("close");
    this.ws.on("error", () => {});
    this.ws.close();
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
