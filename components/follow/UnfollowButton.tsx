"use client";

import { useActionState } from "react";
import { unfollowFromListAction } from "@/app/compte/suivis/actions";
import { SubmitButton } from "@/components/form/SubmitButton";
import { FormMessage } from "@/components/ui/FormMessage";
import type { FollowTarget } from "@/lib/follow/values";

/** « Ne plus suivre » on one line of the list of follows. */
export function UnfollowButton({ targetType, targetId, label }: { targetType: FollowTarget; targetId: number; label: string }) {
  const [state, action] = useActionState(unfollowFromListAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <SubmitButton className="button--link" pendingLabel="Retrait…">
        Ne plus suivre<span className="visually-hidden"> « {label} »</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
