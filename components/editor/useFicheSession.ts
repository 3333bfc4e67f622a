"use client";

import { useEffect, useState } from "react";
import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { ACK_PARAM, collabServerUrl, isLocalStateStored, MESSAGE_ACK, readAckStateVector } from "@/lib/collab/messages";
import { colorForUser } from "@/lib/editor/user-color";
import type { ConnectionState } from "./save-status";

/** The person editing, as their peers see them. */
export type EditorUser = { id: number; name: string };

export type FicheSession = {
  /** The fiche's document, from the state the page was rendered with: the server renders the fields from it too. */
  doc: Y.Doc;
  /** Null until the page has hydrated. */
  provider: WebsocketProvider | null;
  connection: ConnectionState;
  /** Whether this replica has edits the server has not acknowledged as stored yet. */
  unsaved: boolean;
  /** Whether edits made or pending while offline have all been stored since, with nothing typed after. */
  sentAfterOffline: boolean;
  /** Why the server refused the connection for good, in French; null otherwise. */
  refusal: string | null;
};

type LinkState = Omit<FicheSession, "doc" | "provider" | "connection"> & {
  socket: "connecting" | "connected" | "disconnected";
  synced: boolean;
  online: boolean;
  refused: boolean;
  /** Local edits were made or pending while not connected, and are not all stored yet. */
  pendingSinceOffline: boolean;
};

const REFUSALS: Record<number, string> = {
  4403: "Vous n'avez plus accès à cette fiche en modification. Rechargez la page.",
  4404: "Cette fiche a été supprimée.",
  4413: "Votre dernière modification est trop volumineuse pour être enregistrée. Rechargez la page.",
};

function decodeBase64(value: string): Uint8Array {
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
}

function connectionOf(link: LinkState): ConnectionState {
  if (link.refused) return "refused";
  if (!link.online || link.socket === "disconnected") return "offline";
  // Connected but not synced yet: the server may still lack what this replica holds.
  return link.socket === "connected" && link.synced ? "connected" : "connecting";
}

const INITIAL_LINK: LinkState = {
  socket: "connecting",
  synced: false,
  online: true,
  refused: false,
  unsaved: false,
  sentAfterOffline: false,
  pendingSinceOffline: false,
  refusal: null,
};

/**
 * Opens a fiche's Yjs document: the state the page was rendered with at once (on the server too),
 * then live through a y-websocket provider on `/_collab/<ficheId>?ack=1`. Reports the connection,
 * from the socket and the browser's online status, and whether every local edit is stored, from
 * the server's acknowledgements.
 */
export function useFicheSession(ficheId: number, initialState: string, user: EditorUser): FicheSession {
  const [doc] = useState(() => {
    const created = new Y.Doc();
    if (initialState) Y.applyUpdate(created, decodeBase64(initialState));
    return created;
  });
  const [live, setLive] = useState<{ provider: WebsocketProvider; link: LinkState } | null>(null);

  useEffect(() => {
    // The server is the one source of truth: no cross-tab channel that would bypass its checks.
    const created = new WebsocketProvider(collabServerUrl(window.location.href), String(ficheId), doc, {
      params: { [ACK_PARAM]: "1" },
      disableBc: true,
    });
    created.awareness.setLocalStateField("user", { id: user.id, name: user.name, color: colorForUser(user.id) });

    let state: LinkState = { ...INITIAL_LINK, online: navigator.onLine };
    const update = (patch: Partial<LinkState>) => {
      state = { ...state, ...patch };
      setLive({ provider: created, link: state });
    };
    update({});

    created.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
      if (!isLocalStateStored(doc, readAckStateVector(decoder))) return;
      update({ unsaved: false, pendingSinceOffline: false, sentAfterOffline: state.sentAfterOffline || state.pendingSinceOffline });
    };
    const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin === created) return;
      const offline = connectionOf(state) === "offline";
      if (!state.unsaved || state.sentAfterOffline || (offline && !state.pendingSinceOffline)) {
        update({ unsaved: true, sentAfterOffline: false, pendingSinceOffline: state.pendingSinceOffline || offline });
      }
    };
    doc.on("update", onDocUpdate);
    created.on("status", ({ status }) => {
      if (status === "connected") update({ socket: "connected" });
      else if (status === "disconnected") update({ socket: "disconnected", synced: false, pendingSinceOffline: state.pendingSinceOffline || state.unsaved });
    });
    created.on("sync", (synced: boolean) => update({ synced }));
    created.on("connection-error", () => {
      if (state.socket === "connecting") update({ socket: "disconnected" });
    });
    created.on("closed", ({ code }) => {
      update({ refused: true, refusal: REFUSALS[code] ?? "Le serveur a fermé la connexion. Rechargez la page." });
    });

    // The socket may stay open through a network loss (browsers hold its frames): the browser's own
    // status is the first to know.
    const onOffline = () => update({ online: false, pendingSinceOffline: state.pendingSinceOffline || state.unsaved });
    const onOnline = () => {
      // After a network change the old socket may be half-open, its server side long gone: start afresh.
      if (created.shouldConnect) {
        created.disconnect();
        created.connect();
      }
      update({ online: true, socket: state.refused ? state.socket : "connecting" });
    };
    window.addEventListener("offline", onOffline);
    window.addEventListener("online", onOnline);

    return () => {
      window.removeEventListener("offline", onOffline);
      window.removeEventListener("online", onOnline);
      doc.off("update", onDocUpdate);
      created.destroy();
      setLive(null);
    };
  }, [doc, ficheId, user.id, user.name]);

  const link = live?.link ?? INITIAL_LINK;
  return {
    doc,
    provider: live?.provider ?? null,
    connection: connectionOf(link),
    unsaved: link.unsaved,
    sentAfterOffline: link.sentAfterOffline,
    refusal: link.refusal,
  };
}
