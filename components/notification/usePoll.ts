"use client";

import { useEffect, useRef } from "react";
import { NOTIFICATIONS_CHANGED_EVENT, NOTIFICATION_POLL_MS, NOTIFICATION_POLL_PATH, type NotificationPoll } from "@/lib/notification/poll";

/**
 * Asks the server for news now, every NOTIFICATION_POLL_MS while the tab is visible, when the window
 * regains focus, and when this page changed what is read (NOTIFICATIONS_CHANGED_EVENT).
 */
export function useNotificationPoll(query: () => string, onPoll: (poll: NotificationPoll) => void): void {
  const latest = useRef({ query, onPoll });
  useEffect(() => {
    latest.current = { query, onPoll };
  });
  useEffect(() => {
    let cancelled = false;
    const poll = async () => {
      if (document.visibilityState === "hidden") return;
      try {
        const response = await fetch(`${NOTIFICATION_POLL_PATH}${latest.current.query()}`, { cache: "no-store" });
        if (response.ok && !cancelled) latest.current.onPoll((await response.json()) as NotificationPoll);
      } catch {
        // Offline for a moment: the next tick asks again.
      }
    };
    void poll();
    const timer = setInterval(poll, NOTIFICATION_POLL_MS);
    window.addEventListener("focus", poll);
    window.addEventListener(NOTIFICATIONS_CHANGED_EVENT, poll);
    return () => {
      cancelled = true;
      clearInterval(timer);
      window.removeEventListener("focus", poll);
      window.removeEventListener(NOTIFICATIONS_CHANGED_EVENT, poll);
    };
  }, []);
}
