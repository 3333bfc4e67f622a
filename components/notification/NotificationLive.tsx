"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { announcement } from "@/lib/notification/poll";
import { useNotificationPoll } from "./usePoll";

/**
 * A polite live region that announces the notifications arriving while the list is open, and
 * refreshes the list so that they appear in it.
 */
export function NotificationLive({ latestId }: { latestId: number }) {
  const router = useRouter();
  const seen = useRef(latestId);
  const [message, setMessage] = useState("");
  useNotificationPoll(
    () => `?apres=${seen.current}`,
    (poll) => {
      if (poll.nouvelles.length === 0) return;
      seen.current = Math.max(seen.current, ...poll.nouvelles.map((n) => n.id));
      setMessage(announcement(poll.nouvelles));
      router.refresh();
    },
  );
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </p>
  );
}
