"use client";

import { useEffect, useId, useRef, useState } from "react";
import { idleStage, LAST_ACTIVITY_KEY, latestActivity } from "@/lib/offline/idle";
import { isSharedDevice } from "@/lib/offline/local-data";
import { signOutClearingLocalData } from "./sign-out";

const ACTIVITY_EVENTS = ["pointerdown", "keydown", "wheel", "touchstart", "scroll"] as const;
// Recording every keystroke for the other tabs would be wasted writes: once in a while is enough.
const RECORD_EVERY_MS = 5_000;
let recordedAt = 0;

/** Notes an interaction in this tab, and for the other tabs now and then (or at once when asked). */
function recordActivity(now: number, force = false): void {
  if (!force && now - recordedAt < RECORD_EVERY_MS) return;
  recordedAt = now;
  try {
    localStorage.setItem(LAST_ACTIVITY_KEY, String(now));
  } catch {
    // Storage refused: each tab then counts its own activity only.
  }
}

function recordedActivity(): string | null {
  try {
    return localStorage.getItem(LAST_ACTIVITY_KEY);
  } catch {
    return null;
  }
}

/**
 * On a shared computer, signs the person out and clears this device after `minutes` without
 * interaction in any of the wiki's tabs, with a warning one minute before that a press on
 * « Rester connecté » dismisses.
 */
export function IdleSignOut({ minutes }: { minutes: number }) {
  const [warning, setWarning] = useState(false);
  const lastActivity = useRef(0);
  const warned = useRef(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const stay = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    if (!isSharedDevice()) return;
    const limitMs = minutes * 60_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    lastActivity.current = Date.now();
    recordActivity(lastActivity.current, true);

    const check = () => {
      const next = idleStage(Date.now() - latestActivity(lastActivity.current, recordedActivity()), limitMs);
      if (next.stage === "expired") {
        void signOutClearingLocalData();
        return;
      }
      if ((next.stage === "warning") !== warned.current) {
        warned.current = next.stage === "warning";
        setWarning(warned.current);
      }
      timer = setTimeout(check, next.checkInMs);
    };
    // While the warning shows, only « Rester connecté » counts: a stray scroll must not hide it unread.
    const onActivity = () => {
      if (warned.current) return;
      lastActivity.current = Date.now();
      recordActivity(lastActivity.current);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, { passive: true, capture: true });
    check();
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, { capture: true });
    };
  }, [minutes]);

  useEffect(() => {
    const element = dialog.current;
    if (!warning || !element) return;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    stay.current?.focus();
    return () => {
      element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [warning]);

  function onStay() {
    warned.current = false;
    lastActivity.current = Date.now();
    recordActivity(lastActivity.current, true);
    setWarning(false);
  }

  if (!warning) return null;
  return (
    <dialog
      ref={dialog}
      role="alertdialog"
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        Toujours là ?
      </h2>
      <p id={textId}>Vous allez être déconnecté dans 1 minute faute d&apos;activité.</p>
      <button ref={stay} type="button" className="button" onClick={onStay}>
        Rester connecté
      </button>
    </dialog>
  );
}
