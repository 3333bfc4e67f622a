import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { FollowButton } from "@/components/follow/FollowButton";
import { signInHref } from "@/lib/auth/return-path";
import type { FollowTarget } from "@/lib/follow/values";
import type { Viewer } from "@/lib/policies/viewer";
import { isFollowing } from "@/server/follow";

type Props = { viewer: Viewer | null; targetType: FollowTarget; targetId: number; path: string };

/** The « Suivre » toggle of a page, or for a visitor the way to sign in to follow it. */
export function FollowToggle({ viewer, targetType, targetId, path }: Props) {
  if (!viewer) {
    return (
      <p className="follow-button">
        <Link href={signInHref(path)}>Connectez-vous pour suivre</Link>
      </p>
    );
  }
  return <FollowButton targetType={targetType} targetId={targetId} following={isFollowing(getDb(), viewer.id, targetType, targetId)} />;
}
