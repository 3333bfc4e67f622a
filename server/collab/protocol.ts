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

/** A message a y-websocket client may send, decoded and validated. */
export type ClientMessage =
  | { type: "sync-step-1"; stateVector: Uint8Array }
  | { type: "sync-step-2" | "update"; update: Uint8Array; insertsContent: boolean; isEmpty: boolean }
  | { type: "awareness"; update: Uint8Array; entries: AwarenessEntry[] }
  | { type: "query-awareness" };

/** A message that does not follow the protocol; closes the connection that sent it. */
export class ProtocolError extends Error {}

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

function decodeUpdate(update: Uint8Array, type: "sync-step-2" | "update"): ClientMessage {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch (error) {
    throw new ProtocolError(`invalid Yjs update in ${type}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const insertsContent = decoded.structs.length > 0;
  return { type, update, insertsContent, isEmpty: !insertsContent && decoded.ds.clients.size === 0 };
}

function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  try {
    const count = decoding.readVarUint(decoder);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state: unknown = JSON.parse(decoding.readVarString(decoder));
      entries.push({ clientId, clock, state });
    }
    expectEnd(decoder, "awareness update");
    return entries;
  } catch (error) {
    if (error instanceof ProtocolError) throw error;
    throw new ProtocolError(`invalid awareness update: ${error instanceof Error ? error.message : String(error)}`);
  }
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
        return decodeUpdate(update, type);
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
