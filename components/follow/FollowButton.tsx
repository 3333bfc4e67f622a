"use client";

import { useActionState } from "react";
import { Bell, BellOff } from "lucide-react";
import { setFollowAction } from "@/app/compte/suivis/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import { FOLLOW_TARGET_LABELS } from "@/lib/follow/schema";
import type { FollowTarget } from "@/lib/follow/values";

type Props = { targetType: FollowTarget; targetId: number; following: boolean };

/**
 * « Suivre »: a toggle button. Its name stays the same and aria-pressed carries the state, as the
 * ARIA authoring practices ask of toggle buttons; the visible text says the state for sighted people.
 */
export function FollowButton({ targetType, targetId, following: saved }: Props) {
  const [state, action] = useActionState(setFollowAction, null);
  const following = state?.ok ? state.data : saved;
  const what = FOLLOW_TARGET_LABELS[targetType].singular;
  return (
    <form action={action} className="follow-button">
      <input type="hidden" name="targetType" value={targetType} />
      <input type="hidden" name="targetId" value={targetId} />
      <input type="hidden" name="following" value={following ? "non" : "oui"} />
      <button type="submit" className="button button--secondary" aria-pressed={following} aria-describedby={`suivi-${targetType}-${targetId}`}>
        {following ? <BellOff size={16} aria-hidden="true" /> : <Bell size={16} aria-hidden="true" />} Suivre {what}
      </button>
      <span id={`suivi-${targetType}-${targetId}`} className="hint">
        {following ? ` Vous suivez ${what} : vous serez prévenu de ses nouveautés.` : ""}
      </span>
      <FormMessage state={state && !state.ok ? state : null} />
    </form>
  );
}
