import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { bodyFragment } from "@/lib/fiche/document";
import { anchorInText, decodeAnchor, encodeAnchor, type CommentAnchor } from "./anchor";

const SENTENCE = "Le garage ouvre le samedi matin pour tous.";

// One replica of a fiche's body: a paragraph holding the sentence, as the editor stores it.
function replicaWithSentence(): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement("paragraph");
  const text = new Y.XmlText();
  bodyFragment(doc).insert(0, [paragraph]);
  paragraph.insert(0, [text]);
  text.insert(0, SENTENCE);
  return { doc, text };
}

function joinedReplica(source: Y.Doc): { doc: Y.Doc; text: Y.XmlText } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source));
  const paragraph = bodyFragment(doc).get(0) as Y.XmlElement;
  return { doc, text: paragraph.get(0) as Y.XmlText };
}

function merge(a: Y.Doc, b: Y.Doc): void {
  const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
  const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
  Y.applyUpdate(a, fromB);
  Y.applyUpdate(b, fromA);
}

function passage(doc: Y.Doc, text: Y.XmlText, anchor: CommentAnchor): string {
  const start = Y.createAbsolutePositionFromRelativePosition(anchor.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(anchor.end, doc);
  if (!start || !end || start.type !== text || end.type !== text) throw new Error("anchor lost");
  return text.toString().slice(start.index, end.index);
}

describe("comment anchors", () => {
  it("keep spanning the same words while another replica edits before, inside and right after them", () => {
    const a = replicaWithSentence();
    const b = joinedReplica(a.doc);
    const index = SENTENCE.indexOf("samedi matin");
    // Created on replica A, stored as text, read back: what the server keeps and the editor reloads.
    const anchor = decodeAnchor(encodeAnchor(anchorInText(a.text, index, "samedi matin".length)))!;

    b.text.insert(0, "Depuis mars, ");
    b.text.insert(b.text.toString().indexOf("matin"), "et dimanche ");
    a.text.insert(a.text.toString().indexOf(" pour"), " (sauf en août)");
    a.text.delete(0, "Le ".length);
    merge(a.doc, b.doc);

    expect(a.text.toString()).toBe(b.text.toString());
    expect(passage(a.doc, a.text, anchor)).toBe("samedi et dimanche matin");
    expect(passage(b.doc, b.text, anchor)).toBe("samedi et dimanche matin");
  });

  it("refuses what is not an anchor instead of trusting it", () => {
    expect(decodeAnchor("pas du JSON")).toBeNull();
    expect(decodeAnchor(JSON.stringify({ start: "<script>", end: "AA==" }))).toBeNull();
    expect(decodeAnchor(JSON.stringify({ start: "A".repeat(400), end: "AA==" }))).toBeNull();
    expect(decodeAnchor(JSON.stringify({ start: 1, end: 2 }))).toBeNull();
    expect(decodeAnchor(JSON.stringify({ start: "x", end: "AA==" }))).toBeNull();
  });
});
