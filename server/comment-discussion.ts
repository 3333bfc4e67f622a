import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { getMentionNames, listFicheThreads, type CommentThread, type CommentView } from "@/db/queries/comment";
import { searchUsers } from "@/db/queries/user";
import { foldText } from "@/lib/slug";
import { canAskQuestion, canComment, canEditComment, canResolveThread } from "@/lib/policies/comment";
import { canReadFiche } from "@/lib/policies/fiche";
import { canReportFiche } from "@/lib/policies/moderation";
import type { Viewer } from "@/lib/policies/viewer";

/** A message with what the viewer may do to it. */
export type DiscussionComment = CommentView & { canEdit: boolean };

/** A thread as the page or the editor shows it to one viewer. */
export type DiscussionThread = Omit<CommentThread, "replies"> & { canEdit: boolean; canResolve: boolean; replies: DiscussionComment[] };

/** Everything a fiche's "Discussion" needs, serialisable for client components. */
export type Discussion = {
  ficheId: number;
  threads: DiscussionThread[];
  /** Current names of the mentioned accounts, as pairs (a Map does not cross to the browser). */
  mentionNames: [number, string][];
  canComment: boolean;
  canAsk: boolean;
  canReport: boolean;
};

/** The published discussion of a fiche and the viewer's rights in it; null when the viewer may not read the fiche. */
export function getFicheDiscussion(db: Db, viewer: Viewer | null, ficheId: number): Discussion | null {
  const facts = getFicheAccessFacts(db, ficheId);
  if (!facts || !canReadFiche(viewer, facts)) return null;
  const threads = listFicheThreads(db, ficheId);
  const names = getMentionNames(
    db,
    threads.flatMap((t) => [t.body, ...t.replies.map((r) => r.body)]),
  );
  return {
    ficheId,
    threads: threads.map((t) => ({
      ...t,
      canEdit: canEditComment(viewer, facts, t),
      canResolve: canResolveThread(viewer, facts, t),
      replies: t.replies.map((r) => ({ ...r, canEdit: canEditComment(viewer, facts, r) })),
    })),
    mentionNames: [...names],
    canComment: canComment(viewer, facts),
    canAsk: canAskQuestion(viewer, facts),
    canReport: viewer !== null && canReportFiche(viewer, facts),
  };
}

/** Up to ten enabled accounts whose name matches, for the composer's mentions: names only, never emails. */
export function searchMentionablePeople(db: Db, query: string): { id: number; name: string }[] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  // Matched on the name alone: a search by email would tell who holds an address.
  return searchUsers(db)
    .filter((u) => !u.disabled && foldText(u.name).includes(needle))
    .slice(0, 10)
    .map((u) => ({ id: u.id, name: u.name }));
}
