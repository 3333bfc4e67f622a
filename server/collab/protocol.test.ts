import { describe, expect, it } from "vitest";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as awarenessProtocol from "y-protocols/awareness";
import * as syncProtocol from "y-protocols/sync";
import * as Y from "yjs";
import { MESSAGE_ACK, MESSAGE_AWARENESS, MESSAGE_SYNC, isLocalStateStored, readAckStateVector } from "@/lib/collab/messages";
import { decodeClientMessage, encodeAckMessage, ProtocolError } from "./protocol";

function syncMessage(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe("collab protocol", () => {
  it("decodes the messages a y-websocket client sends", () => {
    const doc = new Y.Doc();
    doc.getText("titre").insert(0, "Lieu");
    expect(decodeClientMessage(syncMessage((e) => syncProtocol.writeSyncStep1(e, doc)))).toEqual({
      type: "sync-step-1",
      stateVector: Y.encodeStateVector(doc),
    });
    const step2 = decodeClientMessage(syncMessage((e) => syncProtocol.writeSyncStep2(e, doc, new Uint8Array([0]))));
    expect(step2).toMatchObject({ type: "sync-step-2" });
    const empty = decodeClientMessage(syncMessage((e) => syncProtocol.writeSyncStep2(e, new Y.Doc(), new Uint8Array([0]))));
    expect(empty).toMatchObject({ type: "sync-step-2" });

    const awareness = new awarenessProtocol.Awareness(doc);
    awareness.setLocalState({ user: { name: "Zoé" } });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MESSAGE_AWARENESS);
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, [doc.clientID]));
    expect(decodeClientMessage(encoding.toUint8Array(encoder))).toMatchObject({
      type: "awareness",
      entries: [{ clientId: doc.clientID, clock: 1, state: { user: { name: "Zoé" } } }],
    });
    awareness.destroy();
    expect(decodeClientMessage(Uint8Array.from([3]))).toEqual({ type: "query-awareness" });
  });

  it.each([
    ["an empty message", [], "empty message"],
    ["an unknown message type", [42], "unknown message type 42"],
    ["the ack type, which only the server sends", [MESSAGE_ACK, 0], "unknown message type 100"],
    ["an unknown sync type", [0, 9, 0], "unknown sync message type 9"],
    ["a truncated update", [0, 2, 10, 1], "truncated update"],
    ["bytes after a query", [3, 0], "unexpected bytes after query-awareness message"],
    ["awareness with broken JSON", [1, 5, 1, 7, 1, 1, 123], "invalid awareness update"],
  ])("refuses %s", (_name, bytes, message) => {
    expect(() => decodeClientMessage(Uint8Array.from(bytes))).toThrow(ProtocolError);
    expect(() => decodeClientMessage(Uint8Array.from(bytes))).toThrow(message);
  });

  it("encodes an ack that the browser helper reads back", () => {
    const doc = new Y.Doc();
    doc.getText("titre").insert(0, "Ack");
    const decoder = decoding.createDecoder(encodeAckMessage(Y.encodeStateVector(doc)));
    expect(decoding.readVarUint(decoder)).toBe(MESSAGE_ACK);
    const stored = readAckStateVector(decoder);
    expect(isLocalStateStored(doc, stored)).toBe(true);
    doc.getText("titre").insert(3, "!");
    expect(isLocalStateStored(doc, stored)).toBe(false);
  });

  it("counts edits restored from the device, written under another client id, as not stored until the server has them", () => {
    const before = new Y.Doc();
    before.getText("titre").insert(0, "Tapé hors ligne");
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(before));
    expect(isLocalStateStored(reloaded, new Map())).toBe(false);
    expect(isLocalStateStored(reloaded, Y.decodeStateVector(Y.encodeStateVector(before)))).toBe(true);
  });
});
