import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ProtocolError } from "./protocol";
import { checkUpdate, UnknownContentError, type UpdateCaps } from "./update-check";

const caps: UpdateCaps = { maxStructs: 50_000, maxDeleteRanges: 50_000 };
const clocksOf = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client);

function captured(doc: Y.Doc, change: () => void): Uint8Array {
  let update: Uint8Array | null = null;
  const keep = (u: Uint8Array) => (update = update ? Y.mergeUpdates([update, u]) : u);
  doc.on("update", keep);
  doc.transact(change);
  doc.off("update", keep);
  return update!;
}

/** An update of no struct that deletes one range of each of `clients` invented clients. */
function deleteOnly(clients: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0);
  encoding.writeVarUint(e, clients);
  for (let i = 0; i < clients; i++) {
    encoding.writeVarUint(e, 1_000_000 + i);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 3);
  }
  return encoding.toUint8Array(e);
}

describe("checkUpdate", () => {
  it("accepts what an editor really sends and counts it as Yjs does", () => {
    const server = new Y.Doc();
    const editor = new Y.Doc();
    const send = (update: Uint8Array) => {
      const checked = checkUpdate(update, clocksOf(server), caps);
      const decoded = Y.decodeUpdate(update);
      expect(checked.structs).toBe(decoded.structs.length);
      expect(checked.isEmpty).toBe(decoded.structs.length === 0 && decoded.ds.clients.size === 0);
      Y.applyUpdate(server, update);
      expect(server.store.pendingStructs).toBeNull();
      return checked;
    };
    send(
      captured(editor, () => {
        editor.getText("titre").insert(0, "Café numérique 👋");
        const body = editor.getXmlFragment("body");
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.setAttribute("textAlign", "left");
        const text = new Y.XmlText();
        paragraph.insert(0, [text]);
        body.insert(0, [paragraph]);
        text.insert(0, "Un atelier", { bold: true });
        const meta = editor.getMap("meta");
        meta.set("etat", "en_cours");
        meta.set("themes", ["e-inclusion", { nested: [1, 2.5, null, true] }]);
        meta.set("bytes", new Uint8Array([1, 2, 3]));
        editor.getArray("json").insert(0, [1, "deux", { trois: 3 }]);
      }),
    );
    const typed = send(captured(editor, () => editor.getText("titre").insert(4, " et")));
    expect(typed.ends.get(editor.clientID)).toBe(Y.getState(editor.store, editor.clientID));
    const deleted = send(captured(editor, () => editor.getText("titre").delete(0, 4)));
    expect(deleted).toMatchObject({ insertsContent: false, isEmpty: false, deleteRanges: 1 });
    // A newcomer's sync step 2: its whole history, with content the server already has.
    expect(send(Y.encodeStateAsUpdate(editor)).insertsContent).toBe(true);
    // Beyond the server's state vector: no struct, and the deletions it already has.
    expect(send(Y.encodeStateAsUpdate(editor, Y.encodeStateVector(server))).insertsContent).toBe(false);
  });

  it("accepts updates that build on ones accepted but not yet applied", () => {
    const server = new Y.Doc();
    const editor = new Y.Doc();
    const first = captured(editor, () => editor.getText("titre").insert(0, "abc"));
    const second = captured(editor, () => editor.getText("titre").insert(3, "d"));
    const pending = checkUpdate(first, clocksOf(server), caps).ends;
    const known = (client: number) => Math.max(Y.getState(server.store, client), pending.get(client) ?? 0);
    expect(checkUpdate(second, known, caps).structs).toBe(1);
    expect(() => checkUpdate(second, clocksOf(server), caps)).toThrow(/skips clocks/);
  });

  it("refuses deletions of content that does not exist, at the first one", () => {
    const server = new Y.Doc();
    server.getText("titre").insert(0, "Titre");
    const attack = deleteOnly(150_000);
    expect(attack.length).toBeGreaterThan(800_000);
    expect(() => checkUpdate(attack, clocksOf(server), caps)).toThrow(UnknownContentError);
    expect(() => checkUpdate(attack, clocksOf(server), caps)).toThrow(/deletes unknown content 1000000:0\+3/);
    // Deleting past the end of a known client is refused too.
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, server.clientID);
    encoding.writeVarUint(e, 1);
    encoding.writeVarUint(e, 3);
    encoding.writeVarUint(e, 10);
    expect(() => checkUpdate(encoding.toUint8Array(e), clocksOf(server), caps)).toThrow(/deletes unknown content/);
  });

  it("refuses structs that name unknown origins, and updates beyond the caps", () => {
    const base = new Y.Doc();
    base.getText("titre").insert(0, "abc");
    const editor = new Y.Doc();
    Y.applyUpdate(editor, Y.encodeStateAsUpdate(base));
    const update = captured(editor, () => editor.getText("titre").insert(2, "x"));
    expect(() => checkUpdate(update, clocksOf(new Y.Doc()), caps)).toThrow(/unknown content/);
    expect(() => checkUpdate(update, clocksOf(base), { ...caps, maxStructs: 0 })).toThrow(/more than 0 structs/);
    const deletion = captured(editor, () => editor.getText("titre").delete(0, 1));
    expect(() => checkUpdate(deletion, clocksOf(base), { ...caps, maxDeleteRanges: 0 })).toThrow(/more than 0 ranges/);
  });

  it("refuses malformed bytes, trailing bytes and subdocuments", () => {
    const doc = new Y.Doc();
    expect(() => checkUpdate(new Uint8Array([5, 1]), clocksOf(doc), caps)).toThrow(ProtocolError);
    const valid = captured(new Y.Doc(), () => undefined) ?? Y.encodeStateAsUpdate(new Y.Doc());
    expect(() => checkUpdate(new Uint8Array([...valid, 0]), clocksOf(doc), caps)).toThrow(/unexpected bytes/);
    const owner = new Y.Doc();
    const withSubdoc = captured(owner, () => owner.getMap("m").set("sub", new Y.Doc()));
    expect(() => checkUpdate(withSubdoc, clocksOf(doc), caps)).toThrow(/subdocuments/);
  });
});
