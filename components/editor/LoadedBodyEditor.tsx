"use client";

import { useSyncExternalStore, type ComponentProps } from "react";
import type { BodyEditor as BodyEditorComponent } from "./BodyEditor";

type Loading = { BodyEditor: typeof BodyEditorComponent | null; failed: boolean };

const NOT_YET: Loading = { BodyEditor: null, failed: false };
let loading = NOT_YET;
const listeners = new Set<() => void>();

function settle(next: Loading) {
  loading = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

// The rich-text editor (Tiptap, ProseMirror) is most of the page's code: fetched as soon as this
// module runs, in parallel with hydration and the socket's sync. The server never loads it: it
// would bring Yjs into Next's server render.
if (typeof window !== "undefined") {
  import("./BodyEditor").then(
    (m) => settle({ BodyEditor: m.BodyEditor, failed: false }),
    () => settle({ BodyEditor: null, failed: true }),
  );
}

/**
 * The fiche's body editor, rendered in the same update as its session once its code is there. Not
 * next/dynamic: React.lazy suspends on its first render even when the code arrived long before, and
 * React then holds the boundary's content until 300 ms after its fallback showed (its
 * FALLBACK_THROTTLE_MS), a delay every opening of the editor paid.
 */
export function LoadedBodyEditor(props: ComponentProps<typeof BodyEditorComponent>) {
  const { BodyEditor, failed } = useSyncExternalStore(subscribe, () => loading, () => NOT_YET);
  if (failed) {
    return (
      <p role="alert" className="alert alert--error">
        L&apos;éditeur du contenu n&apos;a pas pu être chargé. Vérifiez votre connexion, puis rechargez la page.
      </p>
    );
  }
  if (!BodyEditor) return <p className="muted">Chargement de l&apos;éditeur…</p>;
  return <BodyEditor {...props} />;
}
