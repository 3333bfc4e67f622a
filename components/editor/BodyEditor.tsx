"use client";

import { useEffect } from "react";
import { EditorContent, useEditor } from "@tiptap/react";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import { getBaseExtensions } from "@/lib/editor/extensions";
import { bodyFragment } from "@/lib/fiche/document";
import { colorForUser } from "@/lib/editor/user-color";
import { Toolbar } from "./Toolbar";
import type { EditorUser } from "./useFicheSession";

type Props = { doc: Y.Doc; provider: WebsocketProvider; user: EditorUser; editable: boolean; labelledBy: string };

/** The rich-text body of a fiche, bound to the document's "body" fragment, with peers' carets. */
export function BodyEditor({ doc, provider, user, editable, labelledBy }: Props) {
  const editor = useEditor(
    {
      immediatelyRender: false,
      editable,
      extensions: [
        ...getBaseExtensions(),
        Collaboration.configure({ fragment: bodyFragment(doc) }),
        CollaborationCaret.configure({ provider, user: { id: user.id, name: user.name, color: colorForUser(user.id) } }),
      ],
      editorProps: {
        attributes: {
          id: "fiche-contenu",
          class: "fiche-body editor-content",
          role: "textbox",
          "aria-multiline": "true",
          "aria-labelledby": labelledBy,
        },
      },
    },
    [doc, provider, user.id, user.name],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute("aria-readonly", String(!editable));
  }, [editor, editable]);

  if (!editor) return <p className="muted">Chargement de l&apos;éditeur…</p>;
  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} />}
      <EditorContent editor={editor} />
    </div>
  );
}
