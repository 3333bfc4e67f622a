"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Editor } from "@tiptap/core";
import { loadDiscussionAction, postCommentAction } from "@/app/fiches/[slug]/comment-actions";
import type { Discussion } from "@/server/comment-discussion";
import { CommentComposer } from "./CommentComposer";
import { ThreadList } from "./ThreadList";
import { anchorOfSelection, attachPassageHighlight, passageHighlightPlugin, passageOf, type AnchoredThread } from "@/lib/comment/passage-highlight";
import styles from "./comment.module.css";

/**
 * The editor's discussion, in the margin beside the body: threads, their passages highlighted in
 * `editor`, and "Commenter ce passage". `editor` is null until the body editor exists.
 */
export function EditorDiscussion({ ficheId, editor }: { ficheId: number; editor: Editor | null }) {
  const [discussion, setDiscussion] = useState<Discussion | null>(null);
  const [hasSelection, setHasSelection] = useState(false);
  const [draft, setDraft] = useState<{ anchor: string; citation: string } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The thread whose passage holds the caret: outlined in the list, its passage marked more strongly.
  const [active, setActive] = useState<number | null>(null);
  const activeRef = useRef<number | null>(null);
  const anchored = useRef<AnchoredThread[]>([]);
  const highlight = useRef<{ redraw: () => void } | null>(null);
  const names = useMemo(() => new Map(discussion?.mentionNames ?? []), [discussion]);

  const reload = useCallback(async () => {
    setDiscussion(await loadDiscussionAction(ficheId));
  }, [ficheId]);

  useEffect(() => {
    loadDiscussionAction(ficheId).then(setDiscussion, () => setRefusal("La discussion n'a pas pu être chargée ; rechargez la page."));
  }, [ficheId]);

  useEffect(() => {
    if (!editor) return;
    const attached = attachPassageHighlight(
      editor,
      passageHighlightPlugin(() => anchored.current, styles.passage, styles.passageActive, () => activeRef.current),
    );
    highlight.current = attached;
    const onSelection = () => {
      const { from, empty } = editor.state.selection;
      setHasSelection(!empty);
      const range = (t: AnchoredThread) => passageOf(editor, t.anchor);
      const current = anchored.current.find((t) => {
        const r = range(t);
        return r !== null && r.from <= from && from <= r.to;
      });
      const id = current?.id ?? null;
      if (id === activeRef.current) return;
      activeRef.current = id;
      setActive(id);
      // Not from inside the dispatch that reported the selection.
      queueMicrotask(attached.redraw);
    };
    editor.on("selectionUpdate", onSelection);
    return () => {
      editor.off("selectionUpdate", onSelection);
      attached.detach();
      highlight.current = null;
    };
  }, [editor]);

  useEffect(() => {
    // Resolved threads keep their place in the list but no longer mark the text.
    anchored.current = (discussion?.threads ?? []).filter((t) => t.anchor && !t.resolvedAt).map((t) => ({ id: t.id, anchor: t.anchor! }));
    highlight.current?.redraw();
  }, [discussion, editor]);

  const startDraft = () => {
    const passage = editor && anchorOfSelection(editor);
    setRefusal(passage ? null : "Sélectionnez d'abord un passage du contenu de la fiche.");
    setDraft(passage);
  };

  return (
    <section aria-labelledby="editeur-discussion-titre" className={styles.side}>
      <h2 id="editeur-discussion-titre">Discussion</h2>
      {discussion?.canComment && (
        <>
          <p className="hint" id="editeur-discussion-aide">
            Sélectionnez un passage du contenu, puis « Commenter ce passage ». Les passages commentés sont surlignés.
          </p>
          <button type="button" className={`button--secondary ${styles.passageButton}`} onClick={startDraft} aria-describedby="editeur-discussion-aide" disabled={!editor}>
            Commenter ce passage
          </button>
        </>
      )}
      {refusal && (
        <p role="alert" className="alert alert--error">
          {refusal}
        </p>
      )}
      {draft && (
        <section aria-labelledby="editeur-discussion-passage">
          <h3 id="editeur-discussion-passage">Commenter « {draft.citation} »</h3>
          <CommentComposer
            action={postCommentAction}
            fields={{ ficheId, anchor: draft.anchor, citation: draft.citation }}
            label="Votre message sur ce passage"
            submitLabel="Publier le message"
            autoFocus
            onSaved={() => {
              setDraft(null);
              void reload();
            }}
          />
          <button type="button" className="button--secondary" onClick={() => setDraft(null)}>
            Annuler
          </button>
        </section>
      )}
      {!hasSelection && !draft && discussion?.threads.length === 0 && <p className="muted">Aucune discussion pour l&apos;instant.</p>}
      {discussion && discussion.threads.length > 0 && (
        <ThreadList threads={discussion.threads} names={names} canComment={discussion.canComment} canReport={discussion.canReport} headingLevel={3} activeId={active} onChanged={() => void reload()} />
      )}
    </section>
  );
}
