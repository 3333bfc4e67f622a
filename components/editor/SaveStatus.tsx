"use client";

import { useEffect, useState } from "react";
import type { ConnectionState } from "./useFicheSession";

export const SAVE_STATUS_TEXT = {
  connecting: "Connexion…",
  saved: "Enregistré",
  saving: "Enregistrement…",
  offline: "Hors ligne : vos modifications seront envoyées à la reconnexion",
  refused: "Modifications impossibles",
} as const;

// Announcing "Enregistrement…" at every keystroke would drown screen reader users: show it only
// when saving takes a noticeable time.
const SAVING_DELAY_MS = 600;

/** The save status of the fiche, from the server's acknowledgements, announced politely. */
export function SaveStatus({ connection, unsaved }: { connection: ConnectionState; unsaved: boolean }) {
  const [slow, setSlow] = useState(false);
  // Once saved, a save is no longer slow: forgotten while rendering "Enregistré", so that the next
  // one waits its own delay before "Enregistrement…".
  if (!unsaved && slow) setSlow(false);
  useEffect(() => {
    if (!unsaved) return;
    const timer = setTimeout(() => setSlow(true), SAVING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [unsaved]);

  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the dialog only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [unsaved]);

  let key: keyof typeof SAVE_STATUS_TEXT;
  if (connection === "refused") key = "refused";
  else if (connection === "offline") key = "offline";
  else if (connection === "connecting") key = unsaved ? "offline" : "connecting";
  else key = unsaved && slow ? "saving" : "saved";

  return (
    <p role="status" className={`save-status save-status--${key}`}>
      {SAVE_STATUS_TEXT[key]}
    </p>
  );
}
