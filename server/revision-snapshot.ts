import * as Y from "yjs";
import { scratchDoc } from "./collab/scratch-doc";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, readFicheContent, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import { parseBody, renderFicheHtml } from "./fiche-html";

/** What a revision holds, read from its Yjs state: the structured fields and the body as ProseMirror JSON. */
export type RevisionSnapshot = { content: FicheContent; body: JSONContent };

/** The fields and body of a live or loaded document. */
export function snapshotOf(doc: Y.Doc): RevisionSnapshot {
  return { content: readFicheContent(doc), body: yXmlFragmentToProsemirrorJSON(bodyFragment(doc)) };
}

/** Reads a stored Yjs state (a revision's, or a fiche's) into its fields and body. */
export function readRevisionState(state: Uint8Array): RevisionSnapshot {
  const doc = scratchDoc();
  try {
    Y.applyUpdate(doc, state);
    return snapshotOf(doc);
  } finally {
    doc.destroy();
  }
}

/**
 * The body as readers see it. Empty paragraphs are left out: they show nothing, and the editor
 * adds one at the end of a body that ends with a list or a heading as soon as someone opens it,
 * which must not count as a change.
 */
export function visibleBody(body: JSONContent): string {
  return renderFicheHtml(body).replace(/<p><\/p>/g, "");
}

// Two states with the same content may differ as bytes (an edit and its undo): compare what people see.
export function sameSnapshot(a: RevisionSnapshot, b: RevisionSnapshot): boolean {
  return JSON.stringify(a.content) === JSON.stringify(b.content) && visibleBody(a.body) === visibleBody(b.body);
}

/**
 * Brings `target` into `doc` as a forward edit: every field through writeFicheContent, and the
 * body replaced whole when it differs. Runs inside the document service (collab/commands.ts),
 * on a document of its own yjs, which y-tiptap (same module graph) writes with.
 */
export function applySnapshot(doc: Y.Doc, target: RevisionSnapshot): void {
  const current = snapshotOf(doc);
  if (sameSnapshot(current, target)) return;
  writeFicheContent(doc, target.content);
  if (visibleBody(current.body) !== visibleBody(target.body)) {
    const fragment = bodyFragment(doc);
    fragment.delete(0, fragment.length);
    // Rebuilt through the schema: a node an old version holds but the schema no longer knows is unwrapped.
    prosemirrorJSONToYXmlFragment(getFicheSchema(), parseBody(target.body).toJSON(), fragment);
  }
}
