import * as decoding from "lib0/decoding";
import { ProtocolError } from "./protocol";

/**
 * An update that names content the document does not have (yet). An honest client sends one when it
 * types while reconnecting, before its sync step 2 brings what precedes it; that step 2 will carry it
 * again, so it is dropped, never kept pending.
 */
export class UnknownContentError extends Error {}

/** How much one client update may hold, beyond its size in bytes. */
export type UpdateCaps = { maxStructs: number; maxDeleteRanges: number };

/** What a checked update does: the counts the limits use, and the clock each client reaches with it. */
export type CheckedUpdate = {
  structs: number;
  deleteRanges: number;
  insertsContent: boolean;
  isEmpty: boolean;
  /** Per client id, the clock after this update's structs. */
  ends: Map<number, number>;
};

// Item content kinds of the v1 update format (yjs/src/structs/Item.js, contentRefs).
const GC = 0;
const SKIP = 10;
const CONTENT = { deleted: 1, json: 2, binary: 3, string: 4, embed: 5, format: 6, type: 7, any: 8, doc: 9 } as const;
const TYPE_REFS_WITH_KEY = new Set([3, 5]); // YXmlElement and YXmlHook carry their node name
const TYPE_REF_COUNT = 7;
const BIT6 = 0x20;
const BIT7 = 0x40;
const BIT8 = 0x80;
const BITS5 = 0x1f;

/**
 * Reads a client's Yjs update (v1) once, without building any Yjs object, and refuses it unless it can
 * integrate entirely into a document whose clocks are `knownClock` (UnknownContentError): every struct continues a known
 * client's clock (or starts a new client at 0), every origin and parent it names exists, and every
 * deletion targets content that exists. Yjs would otherwise keep what cannot integrate as pending
 * structs and deletions, in memory and in every snapshot, forever.
 *
 * It stops at the first fault, so a hostile update costs a scan of its first bad entry, not a decode.
 */
export function checkUpdate(update: Uint8Array, knownClock: (client: number) => number, caps: UpdateCaps): CheckedUpdate {
  const decoder = decoding.createDecoder(update);
  try {
    const ends = new Map<number, number>();
    const references: [number, number][] = [];
    let structs = 0;
    const clientCount = decoding.readVarUint(decoder);
    for (let c = 0; c < clientCount; c++) {
      const count = decoding.readVarUint(decoder);
      const client = decoding.readVarUint(decoder);
      let clock = decoding.readVarUint(decoder);
      structs += count;
      if (structs > caps.maxStructs) throw new ProtocolError(`update holds more than ${caps.maxStructs} structs`);
      let reached = Math.max(knownClock(client), ends.get(client) ?? 0);
      for (let s = 0; s < count; s++) {
        const info = decoding.readUint8(decoder);
        const kind = info & BITS5;
        if (kind === SKIP) {
          clock += decoding.readVarUint(decoder);
          continue;
        }
        if (clock > reached) throw new UnknownContentError(`update skips clocks of client ${client} (${reached} known, ${clock} sent)`);
        let length: number;
        if (kind === GC) {
          length = decoding.readVarUint(decoder);
        } else {
          if (info & BIT8) references.push([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]);
          if (info & BIT7) references.push([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]);
          if ((info & (BIT7 | BIT8)) === 0) {
            if (decoding.readVarUint(decoder) === 1) decoding.readVarString(decoder);
            else references.push([decoding.readVarUint(decoder), decoding.readVarUint(decoder)]);
            if (info & BIT6) decoding.readVarString(decoder);
          }
          length = skipContent(decoder, kind);
        }
        if (length < 1) throw new ProtocolError("update holds an empty struct");
        clock += length;
        reached = Math.max(reached, clock);
      }
      ends.set(client, reached);
    }
    const clockOf = (client: number) => Math.max(knownClock(client), ends.get(client) ?? 0);
    for (const [client, clock] of references) {
      if (clock >= clockOf(client)) throw new UnknownContentError(`update refers to unknown content ${client}:${clock}`);
    }
    let deleteRanges = 0;
    const deleteClients = decoding.readVarUint(decoder);
    for (let c = 0; c < deleteClients; c++) {
      const client = decoding.readVarUint(decoder);
      const ranges = decoding.readVarUint(decoder);
      deleteRanges += ranges;
      if (deleteRanges > caps.maxDeleteRanges) throw new ProtocolError(`update deletes more than ${caps.maxDeleteRanges} ranges`);
      const known = clockOf(client);
      for (let r = 0; r < ranges; r++) {
        const clock = decoding.readVarUint(decoder);
        const length = decoding.readVarUint(decoder);
        if (clock + length > known) throw new UnknownContentError(`update deletes unknown content ${client}:${clock}+${length}`);
      }
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError("unexpected bytes after the update");
    return { structs, deleteRanges, insertsContent: structs > 0, isEmpty: structs === 0 && deleteRanges === 0, ends };
  } catch (error) {
    if (error instanceof ProtocolError || error instanceof UnknownContentError) throw error;
    throw new ProtocolError(`invalid Yjs update: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Reads past an item's content and returns its length in clock units. */
function skipContent(decoder: decoding.Decoder, kind: number): number {
  switch (kind) {
    case CONTENT.deleted:
      return decoding.readVarUint(decoder);
    case CONTENT.json: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) {
        const value = decoding.readVarString(decoder);
        if (value !== "undefined") JSON.parse(value);
      }
      return length;
    }
    case CONTENT.binary:
      decoding.readVarUint8Array(decoder);
      return 1;
    case CONTENT.string:
      return decoding.readVarString(decoder).length;
    case CONTENT.embed:
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case CONTENT.format:
      decoding.readVarString(decoder);
      JSON.parse(decoding.readVarString(decoder));
      return 1;
    case CONTENT.type: {
      const typeRef = decoding.readVarUint(decoder);
      if (typeRef >= TYPE_REF_COUNT) throw new ProtocolError(`unknown shared type ${typeRef}`);
      if (TYPE_REFS_WITH_KEY.has(typeRef)) decoding.readVarString(decoder);
      return 1;
    }
    case CONTENT.any: {
      const length = decoding.readVarUint(decoder);
      for (let i = 0; i < length; i++) decoding.readAny(decoder);
      return length;
    }
    case CONTENT.doc:
      // A fiche has no subdocuments; a peer that sends one is not our editor.
      throw new ProtocolError("subdocuments are not accepted");
    default:
      throw new ProtocolError(`unknown content kind ${kind}`);
  }
}
