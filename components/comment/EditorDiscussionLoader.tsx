"use client";

import dynamic from "next/dynamic";

// Fetched after the editor's own code, so that opening the editor is not slower for it.
const EditorDiscussion = dynamic(() => import("./EditorDiscussion").then((m) => m.EditorDiscussion), {
  ssr: false,
  loading: () => <p className="muted">Chargement de la discussion…</p>,
});

/** The editor's discussion, loaded lazily. */
export function EditorDiscussionLoader({ ficheId }: { ficheId: number }) {
  return <EditorDiscussion ficheId={ficheId} />;
}
