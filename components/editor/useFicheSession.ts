"use client";

import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { ACK_PARAM, collabServerUrl, isLocalStateStored, MESSAGE_ACK, readAckStateVector } from "@/lib/collab/messages";
import { colorForUser } from "@/lib/editor/user-color";

/** The person editing, as their peers see them. */
export type EditorUser = { id: number; name: string };

/** Where the connection to the collaboration server stands. */
export type ConnectionState = "connecting" | "connected" | "offline" | "refused";

export type FicheSession = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  connection: ConnectionState;
  /** Whether this replica has edits the server has not acknowledged as stored yet. */
  unsaved: boolean;
  /** Why the server refused the connection for good, in French; null otherwise. */
  refusal: string | null;
};

const REFUSALS: Record<number, string> = {
  4403: "Vous n'avez plus accès à cette fiche en modification. Rechargez la page.",
  4404: "Cette fiche a été supprimée.",
  4413: "Votre dernière modification est trop volumineuse pour être enregistrée. Rechargez la page.",
};

function decodeBase64(value: string): Uint8Array {
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
}

/**
 * Opens a fiche's Yjs document: the state the page was rendered with, then live through a
 * y-websocket provider on `/_collab/<ficheId>?ack=1`. Reports the connection and whether every
 * local edit is stored, from the server's acknowledgements.
 */
export function useFicheSession(ficheId: number, initialState: string, user: EditorUser): FicheSession | null {
  const [session, setSession] = useState<FicheSession | null>(null);

  useEffect(() => {
    const doc = new Y.Doc();
    if (initialState) Y.applyUpdate(doc, decodeBase64(initialState));
    // The server is the one source of truth: no cross-tab channel that would bypass its checks.
    const provider = new WebsocketProvider(collabServerUrl(window.location.href), String(ficheId), doc, {
      params: { [ACK_PARAM]: "1" },
      disableBc: true,
    });
    provider.awareness.setLocalStateField("user", { id: user.id, name: user.name, color: colorForUser(user.id) });

    let state: Omit<FicheSession, "doc" | "provider"> = { connection: "connecting", unsaved: false, refusal: null };
    const update = (patch: Partial<typeof state>) => {
      state = { ...state, ...patch };
      setSession({ doc, provider, ...state });
    };
    update({});

    provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
      if (isLocalStateStored(doc, readAckStateVector(decoder))) update({ unsaved: false });
    };
    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && !state.unsaved) update({ unsaved: true });
    };
    doc.on("update", onDocUpdate);
    provider.on("status", ({ status }) => {
      if (state.connection === "refused") return;
      if (status === "connected") update({ connection: "connected" });
      else if (status === "disconnected") update({ connection: "offline" });
    });
    provider.on("connection-error", () => {
      if (state.connection === "connecting") update({ connection: "offline" });
    });
    provider.on("closed", ({ code }) => {
      update({ connection: "refused", refusal: REFUSALS[code] ?? "Le serveur a fermé la connexion. Rechargez la page." });
    });

    return () => {
      doc.off("update", onDocUpdate);
      provider.destroy();
      doc.destroy();
      setSession(null);
    };
  }, [ficheId, initialState, user.id, user.name]);

  return session;
}
