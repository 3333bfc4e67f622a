import type { Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { decodeAnchor, encodeAnchor } from "@/lib/comment/anchor";
import { CITATION_MAX } from "@/lib/comment/schema";

type SyncState = { doc: Y.Doc; type: Y.XmlFragment; binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } | null };
/** A thread as the highlight needs it. */
export type AnchoredThread = { id: number; anchor: string };

const highlightKey = new PluginKey<DecorationSet>("comment-passages");

function syncState(state: EditorState): SyncState | null {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  return sync?.binding ? sync : null;
}

// y-tiptap leans every position left; the start of a passage should lean right, so that what is
// typed just before the passage stays out of it.
function leanRight(position: Y.RelativePosition, doc: Y.Doc): Y.RelativePosition {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  return absolute && absolute.type instanceof Y.XmlText ? Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, 0) : position;
}

/** The selected passage as a stored anchor and its text; null without a selection or before the sync binding exists. */
export function anchorOfSelection(editor: Editor): { anchor: string; citation: string } | null {
  const { state } = editor;
  const { from, to, empty } = state.selection;
  const sync = syncState(state);
  if (empty || !sync) return null;
  const mapping = sync.binding!.mapping;
  const start = leanRight(absolutePositionToRelativePosition(from, sync.type, mapping as never), sync.doc);
  const end = absolutePositionToRelativePosition(to, sync.type, mapping as never);
  const citation = state.doc.textBetween(from, to, " ").replace(/\s+/g, " ").trim().slice(0, CITATION_MAX);
  return citation ? { anchor: encodeAnchor({ start, end }), citation } : null;
}

function passageRange(state: EditorState, sync: SyncState, stored: string): { from: number; to: number } | null {
  const anchor = decodeAnchor(stored);
  if (!anchor) return null;
  const mapping = sync.binding!.mapping as never;
  const from = relativePositionToAbsolutePosition(sync.doc, sync.type, anchor.start, mapping);
  const to = relativePositionToAbsolutePosition(sync.doc, sync.type, anchor.end, mapping);
  if (from === null || to === null || from >= to || to > state.doc.content.size) return null;
  return { from, to };
}

/** Where an anchored thread's passage now is in the editor; null when it was deleted. */
export function passageOf(editor: Editor, stored: string): { from: number; to: number } | null {
  const sync = syncState(editor.state);
  return sync && passageRange(editor.state, sync, stored);
}

/**
 * Highlights the passages of the open threads with decorations, recomputed from the anchors at each
 * change: nothing is written into the shared document. `threads()` is read at each update.
 */
export function passageHighlightPlugin(threads: () => AnchoredThread[], className: string, activeClassName: string, active: () => number | null): Plugin {
  return new Plugin({
    key: highlightKey,
    props: {
      decorations(state) {
        const sync = syncState(state);
        if (!sync) return null;
        const decorations: Decoration[] = [];
        for (const thread of threads()) {
          const range = passageRange(state, sync, thread.anchor);
          if (!range) continue;
          const classes = thread.id === active() ? `${className} ${activeClassName}` : className;
          decorations.push(Decoration.inline(range.from, range.to, { class: classes, "data-commentaire": String(thread.id) }));
        }
        return DecorationSet.create(state.doc, decorations);
      },
    },
  });
}

/** Registers the highlight on a live editor; returns what removes it and what redraws it after the threads change. */
export function attachPassageHighlight(editor: Editor, plugin: Plugin): { redraw: () => void; detach: () => void } {
  editor.registerPlugin(plugin);
  return {
    redraw: () => {
      if (!editor.isDestroyed) editor.view.dispatch(editor.state.tr.setMeta(highlightKey, true).setMeta("addToHistory", false));
    },
    detach: () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(highlightKey);
    },
  };
}
