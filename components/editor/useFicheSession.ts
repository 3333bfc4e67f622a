"use client";

import { useEffect, useRef, useState } from "react";
import type * as Y from "yjs";
import type { WebsocketProvider } from "y-websocket";
import type { ConnectionState } from "./save-status";
import { connectionOf, INITIAL_LINK } from "./session-link";
import type { LiveSession } from "./live-document";

/** The person editing, as their peers see them. */
export type EditorUser = { id: number; name: string };

export type FicheSession = {
  /** The fiche's document, built in the browser from the page's state; null on the server and until Yjs has loaded. */
  doc: Y.Doc | null;
  provider: WebsocketProvider | null;
  connection: ConnectionState;
  /** Whether this replica has edits the server has not acknowledged as stored yet. */
  unsaved: boolean;
  /** Whether edits made or pending while offline have all been stored since, with nothing typed after. */
  sentAfterOffline: boolean;
  /** Why the server refused the connection for good, in French; null otherwise. */
  refusal: string | null;
  /** Changes waiting to be sent, counted while disconnected (and restored from the device). */
  pendingChanges: number;
  /** Whether unsent edits are written on this device, where they survive closing the tab. */
  keptOnDevice: boolean;
  /** The offer to keep the fiche on this device; null until the session opens, or where it may not (a shared computer). */
  localCopy: { kept: boolean; setKept: (kept: boolean) => void } | null;
};

// Yjs, the socket and the rich-text editor are the browser's: fetched as soon as this module runs,
// in parallel with hydration, and never imported by the server render.
const loadLiveDocument = () => import("./live-document");
if (typeof window !== "undefined") void loadLiveDocument();

/**
 * Opens a fiche's session once the page has hydrated: the document from the state the page was
 * rendered with (editable at once), then live through the collaboration socket. Until then the
 * fields show the page's content (see useSharedValue).
 */
export function useFicheSession(ficheId: number, initialState: string, user: EditorUser): FicheSession {
  const [live, setLive] = useState<LiveSession | null>(null);
  // The document lives as long as the page: a refresh of the page's data must not rebuild it.
  const firstState = useRef(initialState);

  const { id: userId, name: userName } = user;
  useEffect(() => {
    let close: (() => void) | null = null;
    let cancelled = false;
    void loadLiveDocument().then(({ openLiveSession }) => {
      if (cancelled) return;
      close = openLiveSession({
        ficheId,
        initialState: firstState.current,
        user: { id: userId, name: userName },
        onChange: setLive,
      });
    });
    return () => {
      cancelled = true;
      close?.();
      setLive(null);
    };
  }, [ficheId, userId, userName]);

  const link = live?.link ?? INITIAL_LINK;
  return {
    doc: live?.doc ?? null,
    provider: live?.provider ?? null,
    connection: connectionOf(link),
    unsaved: link.unsaved,
    sentAfterOffline: link.sentAfterOffline,
    refusal: link.refusal,
    pendingChanges: link.pendingChanges,
    keptOnDevice: link.keptOnDevice,
    localCopy: live?.canKeep ? { kept: link.keptByChoice, setKept: live.setKept } : null,
  };
}
