import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { transformCaret, type TextDelta } from "./caret";

/** Applies `change` to a Y.Text holding `initial` and maps `caret` through the delta Yjs reports. */
function caretAfter(initial: string, caret: number, change: (text: Y.Text) => void): { text: string; caret: number } {
  const doc = new Y.Doc();
  const text = doc.getText("t");
  text.insert(0, initial);
  let delta: TextDelta = [];
  text.observe((event) => {
    delta = event.delta as TextDelta;
  });
  change(text);
  return { text: text.toString(), caret: transformCaret(caret, delta) };
}

describe("transformCaret", () => {
  it("moves the caret right when text is inserted before it", () => {
    expect(caretAfter("Atelier seniors", 8, (t) => t.insert(0, "Grand "))).toEqual({ text: "Grand Atelier seniors", caret: 14 });
  });

  it("keeps the caret when text is inserted after it or exactly at it", () => {
    expect(caretAfter("Atelier", 3, (t) => t.insert(7, " mensuel")).caret).toBe(3);
    expect(caretAfter("Atelier", 3, (t) => t.insert(3, "XX")).caret).toBe(3);
  });

  it("moves the caret left when text before it is deleted, and to the start of a deletion around it", () => {
    expect(caretAfter("Grand atelier", 10, (t) => t.delete(0, 6))).toEqual({ text: "atelier", caret: 4 });
    expect(caretAfter("Grand atelier", 3, (t) => t.delete(1, 6))).toEqual({ text: "Gtelier", caret: 1 });
    expect(caretAfter("Grand atelier", 2, (t) => t.delete(5, 3)).caret).toBe(2);
  });

  it("follows several changes in one transaction", () => {
    const result = caretAfter("abcdef", 4, (t) => {
      t.doc!.transact(() => {
        t.delete(0, 1);
        t.insert(2, "XYZ");
      });
    });
    expect(result.text).toBe("bcXYZdef");
    expect(result.caret).toBe(6);
  });
});
