import type { DiscussionComment, DiscussionThread } from "@/server/comment-discussion";
import { CommentBody } from "./CommentBody";
import { ThreadActions } from "./ThreadActions";
import styles from "./comment.module.css";

const when = (date: Date) =>
  new Date(date).toLocaleString("fr-FR", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

function Meta({ comment }: { comment: DiscussionComment }) {
  const edited = new Date(comment.updatedAt).getTime() - new Date(comment.createdAt).getTime() > 1000;
  return (
    <p className={styles.meta}>
      <span className={styles.author}>{comment.authorName}</span>
      {comment.visitor ? " (visiteur)" : ""}, le <time dateTime={new Date(comment.createdAt).toISOString()}>{when(comment.createdAt)}</time>
      {edited ? " (modifié)" : ""}
    </p>
  );
}

type Props = {
  threads: DiscussionThread[];
  names: ReadonlyMap<number, string>;
  canComment: boolean;
  canReport: boolean;
  headingLevel: 3 | 4;
  /** The thread whose passage is selected in the editor, outlined. */
  activeId?: number | null;
  /** For lists that refresh themselves (the editor's): told after each change. */
  onChanged?: () => void;
};

/** Threads with their quoted passage, replies and what the viewer may do in them. */
export function ThreadList({ threads, names, canComment, canReport, headingLevel, activeId, onChanged }: Props) {
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className={styles.threads}>
      {threads.map((thread) => (
        <li key={thread.id}>
          <article id={`commentaire-${thread.id}`} aria-labelledby={`commentaire-${thread.id}-titre`} className={`${styles.thread} ${activeId === thread.id ? styles.threadActive : ""}`}
            aria-current={activeId === thread.id ? "true" : undefined}
          >
            <Heading id={`commentaire-${thread.id}-titre`} className="visually-hidden">
              Discussion de {thread.authorName}
              {thread.resolvedAt ? " (résolue)" : ""}
            </Heading>
            <Meta comment={{ ...thread, canEdit: thread.canEdit }} />
            {thread.resolvedAt && <span className={styles.resolved}>Résolu</span>}
            {thread.citation && (
              <blockquote className={styles.citation}>
                <span className="visually-hidden">Passage commenté : </span>« {thread.citation} »
              </blockquote>
            )}
            <div className={styles.body}>
              <CommentBody body={thread.body} names={names} />
            </div>
            <ThreadActions comment={thread} thread={thread} canComment={canComment} canReport={canReport} onChanged={onChanged} />
            {thread.replies.length > 0 && (
              <ol className={styles.replies} aria-label={`Réponses (${thread.replies.length})`}>
                {thread.replies.map((reply) => (
                  <li key={reply.id} id={`commentaire-${reply.id}`}>
                    <Meta comment={reply} />
                    <div className={styles.body}>
                      <CommentBody body={reply.body} names={names} />
                    </div>
                    <ThreadActions comment={reply} canComment={false} canReport={canReport} onChanged={onChanged} />
                  </li>
                ))}
              </ol>
            )}
          </article>
        </li>
      ))}
    </ol>
  );
}
