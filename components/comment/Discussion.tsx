import { Link } from "@/components/ui/Link";
import { postCommentAction } from "@/app/fiches/[slug]/comment-actions";
import { signInHref } from "@/lib/auth/return-path";
import type { Discussion as DiscussionData } from "@/server/comment-discussion";
import { CommentComposer } from "./CommentComposer";
import { ThreadList } from "./ThreadList";
import { VisitorQuestionForm } from "./VisitorQuestionForm";
import styles from "./comment.module.css";

const plural = (n: number) => (n > 1 ? "s" : "");

/** The "Discussion" of a published fiche: its threads, a form to open one, and visitors' questions. */
export function Discussion({ discussion, slug }: { discussion: DiscussionData | null; slug: string }) {
  if (!discussion) return null;
  const { threads, ficheId } = discussion;
  const names = new Map(discussion.mentionNames);
  return (
    <section aria-labelledby="fiche-discussion" className={styles.discussion}>
      <h2 id="fiche-discussion">Discussion</h2>
      <p className="muted">
        {threads.length === 0 ? "Aucune discussion pour l'instant." : `${threads.length} discussion${plural(threads.length)}.`}
      </p>
      <ThreadList threads={threads} names={names} canComment={discussion.canComment} canReport={discussion.canReport} headingLevel={3} />
      {discussion.canComment && (
        <section aria-labelledby="fiche-discussion-nouvelle">
          <h3 id="fiche-discussion-nouvelle">Ouvrir une discussion</h3>
          <CommentComposer action={postCommentAction} fields={{ ficheId }} label="Votre message" submitLabel="Publier le message" />
        </section>
      )}
      {discussion.canAsk && (
        <>
          <p>
            Vous avez un compte ? <Link href={signInHref(`/fiches/${slug}#fiche-discussion`)}>Connectez-vous</Link> pour participer directement.
          </p>
          <VisitorQuestionForm ficheId={ficheId} />
        </>
      )}
    </section>
  );
}
