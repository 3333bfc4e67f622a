import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import {
  MESSAGE_ACK,
  MESSAGE_AWARENESS,
  MESSAGE_QUERY_AWARENESS,
  MESSAGE_SYNC,
} from "@/lib/collab/messages";

/** One client's entry in an awareness update. */
export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/**
 * A message a y-websocket client may send, framed and validated. An update's bytes are not decoded
 * here: who sent it decides whether they ever are (see connection.ts and update-check.ts).
 */
export type ClientMessage =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  | { type: "sync-step-2" | "update"; update: Uint8Array }
  | { type: "awareness"; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: "query-awareness" };

/** A message that does not follow the protocol; closes the connection that sent it. */
export class ProtocolError extends Error {}

/**
 * How deep and how big one awareness state may be: a caret and a name need a few levels and a few
 * dozen values. An honest y-websocket client relays every state it learns of, so one message may
 * carry an entry for each person on the fiche (at most 100 connections, see limits.ts).
 */
export const AWARENESS_STATE_CAPS = { maxDepth: 8, maxValues: 500, maxEntries: 256 } as const;

function readPayload(decoder: decoding.Decoder, what: string): Uint8Array {
  try {
    return decoding.readVarUint8Array(decoder);
  } catch {
    throw new ProtocolError(`truncated ${what}`);
  }
}

function expectEnd(decoder: decoding.Decoder, what: string): void {
  if (decoding.hasContent(decoder)) throw new ProtocolError(`unexpected bytes after ${what}`);
}

/**
 * Whether a raw message writes to the document (sync step 2 or update), read from its first two
 * bytes' worth of varints: a read-only connection's writes are dropped before anything else is read.
 */
export function isDocumentWrite(data: Uint8Array): boolean {
  const decoder = decoding.createDecoder(data);
  try {
    if (decoding.readVarUint(decoder) !== MESSAGE_SYNC) return false;
    const syncType = decoding.readVarUint(decoder);
    return syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate;
  } catch {
    return false;
  }
}

/** Refuses a state nested deeper or holding more values than the caps, without recursion. */
function checkAwarenessState(state: unknown): void {
  const stack: [unknown, number][] = [[state, 1]];
  let values = 0;
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (++values > AWARENESS_STATE_CAPS.maxValues) throw new ProtocolError(`awareness state holds more than ${AWARENESS_STATE_CAPS.maxValues} values`);
    if (value === null || typeof value !== "object") continue;
    if (depth > AWARENESS_STATE_CAPS.maxDepth) throw new ProtocolError(`awareness state nested deeper than ${AWARENESS_STATE_CAPS.maxDepth}`);
    for (const child of Object.values(value)) stack.push([child, depth + 1]);
  }
}

function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    if (count > AWARENESS_STATE_CAPS.maxEntries) throw new ProtocolError(`awareness update of ${count} clients`);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      checkAwarenessState(state);
      entries.push({ clientId, clock, state });
    }
    expectEnd(decoder, "awareness update");
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`invalid awareness update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Writes awareness entries as an awareness update (y-protocols' format). */
export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes and validates one binary message from a client; throws ProtocolError when it is malformed. */
export function decodeClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  let messageType: number;
  try {
    messageType = decoding.readVarUint(decoder);
  } catch {
    throw new ProtocolError("empty message");
  }
  switch (messageType) {
    case MESSAGE_SYNC: {
      let syncType: number;
      try {
        syncType = decoding.readVarUint(decoder);
      } catch {
        throw new ProtocolError("sync message without a sync type");
      }
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const stateVector = readPayload(decoder, "sync step 1");
        expectEnd(decoder, "sync step 1");
        try {
          Y.decodeStateVector(stateVector);
        } catch {
          throw new ProtocolError("invalid state vector in sync step 1");
        }
        return { type: "sync-step-1", stateVector };
      }
      if (syncType === syncProtocol.messageYjsSyncStep2 || syncType === syncProtocol.messageYjsUpdate) {
        const type = syncType === syncProtocol.messageYjsSyncStep2 ? "sync-step-2" : "update";
        const update = readPayload(decoder, type);
        expectEnd(decoder, type);
        return { type, update };
      }
      throw new ProtocolError(`unknown sync message type ${syncType}`);
    }
    case MESSAGE_AWARENESS: {
      const update = readPayload(decoder, "awareness message");
      expectEnd(decoder, "awareness message");
      return { type: "awareness", update, entries: decodeAwarenessEntries(update) };
    }
    case MESSAGE_QUERY_AWARENESS:
      expectEnd(decoder, "query-awareness message");
      return { type: "query-awareness" };
    default:
      throw new ProtocolError(`unknown message type ${messageType}`);
  }
}

/** Sync step 1 from the server: its state vector, so the client sends what the server lacks. */
export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what the doc holds beyond the given state vector. */
export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** A document update broadcast to peers. */
export function encodeUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update relayed to peers. */
export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The acknowledgement sent to opted-in clients once their updates are stored. */
export function encodeAckMessage(stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_ACK);
  encoding.writeVarUint8Array(encoder, stateVector);
  return encoding.toUint8Array(encoder);
}
