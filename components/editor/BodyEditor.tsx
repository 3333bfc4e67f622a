"use client";

import { useEffect, useState } from "react";
import type { Editor } from "@tiptap/core";
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
import { wikiLinkNodeView } from "./wiki-link-views";
import { WikiLinkSuggestionStore, wikiLinkSuggestionPlugin } from "./wiki-link-suggestion";
import { WikiLinkSuggestions } from "./WikiLinkSuggestions";

type Props = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  user: EditorUser;
  editable: boolean;
  labelledBy: string;
  /** Told of the editor once it exists, and of null when it goes: the discussion in the margin works on it. */
  onEditor: (editor: Editor | null) => void;
};

/** The rich-text body of a fiche, bound to the document's "body" fragment, with peers' carets. */
export function BodyEditor({ doc, provider, user, editable, labelledBy, onEditor }: Props) {
  const [suggestions] = useState(() => new WikiLinkSuggestionStore());
  const editor = useEditor(
    {
      // Loaded with ssr: false: created in the first render, not one effect later.
      immediatelyRender: true,
      editable,
      extensions: [
        // Wiki links show their targets' current titles; "[[" and "@" open a suggestion list.
        ...getBaseExtensions({
          ficheLink: { nodeView: wikiLinkNodeView("fiche"), plugins: (e) => [wikiLinkSuggestionPlugin(e, "fiche", suggestions)] },
          acteurMention: { nodeView: wikiLinkNodeView("acteur"), plugins: (e) => [wikiLinkSuggestionPlugin(e, "acteur", suggestions)] },
        }),
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
    [doc, provider, user.id, user.name, suggestions],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setEditable(editable);
    editor.view.dom.setAttribute("aria-readonly", String(!editable));
    if (editable) editor.view.dom.setAttribute("aria-describedby", "fiche-contenu-aide");
    else editor.view.dom.removeAttribute("aria-describedby");
  }, [editor, editable]);

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  if (!editor) return <p className="muted">Chargement de l&apos;éditeur…</p>;
  return (
    <div className="editor">
      {editable && <Toolbar editor={editor} />}
      {editable && (
        <p id="fiche-contenu-aide" className="hint editor-hint">
          Tapez [[ suivi d&apos;un titre pour lier une autre fiche, ou @ suivi d&apos;un nom pour mentionner un acteur.
        </p>
      )}
      <div id="wiki-link-suggestions" className="wiki-suggest__anchor">
        <EditorContent editor={editor} />
      </div>
      <WikiLinkSuggestions editor={editor} store={suggestions} />
    </div>
  );
}
