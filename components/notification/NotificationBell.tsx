"use client";

import { Bell } from "lucide-react";
import { useState } from "react";
import { NavLink } from "@/components/layout/NavLink";
import { bellLabel } from "@/lib/notification/poll";
import { useNotificationPoll } from "./usePoll";

/** The header's link to the notifications, with the unread count in its name. */
export function NotificationBell() {
  const [unread, setUnread] = useState<number | null>(null);
  useNotificationPoll(
    () => "",
    (poll) => setUnread(poll.unread),
  );
  return (
    <NavLink href="/notifications">
      <Bell size={16} aria-hidden="true" /> {bellLabel(unread)}
    </NavLink>
  );
}
