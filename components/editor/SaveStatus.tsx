"use client";

import { useEffect, useState } from "react";
import { pendingChangesText, SAVE_STATUS_TEXT, saveStatusOf, type ConnectionState } from "./save-status";
import styles from "./editor.module.css";

// Announcing « Envoi en cours… » at every keystroke would drown screen reader users: show it only
// when sending takes a noticeable time.
const SENDING_DELAY_MS = 600;

type Props = { connection: ConnectionState; unsaved: boolean; sentAfterOffline: boolean; pendingChanges: number; keptOnDevice: boolean };

/** The save status of the fiche, from the server's acknowledgements and the connection, announced politely. */
export function SaveStatus({ connection, unsaved, sentAfterOffline, pendingChanges, keptOnDevice }: Props) {
  const [slow, setSlow] = useState(false);
  // Once saved, a save is no longer slow: forgotten while rendering « Enregistré », so that the next
  // one waits its own delay before « Envoi en cours… ».
  if (!unsaved && slow) setSlow(false);
  useEffect(() => {
    if (!unsaved) return;
    const timer = setTimeout(() => setSlow(true), SENDING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [unsaved]);

  useEffect(() => {
    if (!unsaved || keptOnDevice) return;
    // Unsent edits live only in this tab: closing it would lose them.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved, keptOnDevice]);

  const key = saveStatusOf({ connection, unsaved, sentAfterOffline, slow, keptOnDevice });
  // The count is for the eye; announcing it at each keystroke offline would drown screen reader users.
  const pending = connection !== "connected" && unsaved ? pendingChangesText(pendingChanges) : "";
  return (
    <p className={`save-status ${styles.status} ${styles[key === "offlineOnDevice" ? "offline" : key]}`}>
      <span role="status" aria-live="polite">
        {SAVE_STATUS_TEXT[key]}
      </span>
      {pending && <span className={styles.pending}> ({pending})</span>}
    </p>
  );
}
