import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { readFicheContent, setText, textField, writeFicheContent } from "./document";

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe("fiche document", () => {
  it("round-trips the structured fields", () => {
    const doc = new Y.Doc();
    writeFicheContent(doc, {
      type: "pratique",
      titre: "Atelier numérique",
      commune: "Bordeaux",
      etat: "en_cours",
      themes: [3, 1],
      acteurs: [{ acteurId: 7, role: "porteur" }],
    });
    const content = readFicheContent(doc);
    expect(content).toMatchObject({
      type: "pratique",
      titre: "Atelier numérique",
      commune: "Bordeaux",
      etat: "en_cours",
      themes: [1, 3],
      acteurs: [{ acteurId: 7, role: "porteur" }],
      objectif: null,
    });
  });

  it("merges two peers typing in the same title", () => {
    const a = new Y.Doc();
    writeFicheContent(a, { titre: "Atelier" });
    const b = new Y.Doc();
    sync(a, b);
    setText(textField(a, "titre"), "Atelier seniors");
    setText(textField(b, "titre"), "Grand atelier");
    sync(a, b);
    expect(textField(a, "titre").toString()).toBe(textField(b, "titre").toString());
    expect(textField(a, "titre").toString()).toContain("seniors");
    expect(textField(a, "titre").toString()).toContain("Grand");
  });

  it("keeps concurrent additions to a set field", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeFicheContent(a, { themes: [1] });
    sync(a, b);
    writeFicheContent(a, { themes: [1, 2] });
    writeFicheContent(b, { themes: [1, 5] });
    sync(a, b);
    expect(readFicheContent(a).themes).toEqual([1, 2, 5]);
  });
});
