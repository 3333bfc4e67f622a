import * as Y from "yjs";
import { WebsocketProvider } from "y-websocket";
import { fallbackSocketClass } from "@/lib/collab/fallback-socket";
import { canKeepLocally, LocalCopy } from "@/lib/collab/local-copy";
import { keepPageOffline } from "@/lib/offline/kept-page";
import { ACK_PARAM, collabServerUrl, isLocalStateStored, MESSAGE_ACK, readAckStateVector } from "@/lib/collab/messages";
import { colorForUser } from "@/lib/editor/user-color";
import { CLOSED_BY_SERVER, connectionOf, INITIAL_LINK, REFUSALS, type LinkState } from "./session-link";

/**
 * The browser's half of a fiche's session: Yjs and the socket. Only the editor's effects load it,
 * so that the server render of the editor never imports Yjs (the collaboration server owns the one
 * copy that builds documents on the server).
 */

export type LiveSession = {
  doc: Y.Doc;
  provider: WebsocketProvider;
  link: LinkState;
  /** Whether this device may keep fiches (not a shared computer, IndexedDB available). */
  canKeep: boolean;
  /** « Garder cette fiche sur cet appareil », or stop. */
  setKept: (kept: boolean) => void;
};

// One for the page: once WebSocket upgrades have failed, the next fiches go over HTTP at once.
const CollabSocket = fallbackSocketClass();

export type LiveSessionOptions = {
  ficheId: number;
  /** The stored Yjs state the page was rendered with, base64. */
  initialState: string;
  user: { id: number; name: string };
  onChange: (session: LiveSession) => void;
};

function decodeBase64(value: string): Uint8Array {
  return Uint8Array.from(atob(value), (c) => c.charCodeAt(0));
}

/**
 * Builds the fiche's document from the page's state, so that it is editable at once, merges the
 * copy kept on this device if there is one, and syncs it through a y-websocket provider on
 * `/_collab/<ficheId>?ack=1` (over HTTP where WebSockets are blocked). Reports the connection, from
 * the socket and the browser's online status, and whether every local edit is stored, from the
 * server's acknowledgements; while edits wait, they are written on the device too. Returns what
 * closes it all.
 */
export function openLiveSession({ ficheId, initialState, user, onChange }: LiveSessionOptions): () => void {
  const doc = new Y.Doc();
  if (initialState) Y.applyUpdate(doc, decodeBase64(initialState));
  // What the server is known to hold: the page's state, then each acknowledgement's.
  let serverState = Y.decodeStateVector(Y.encodeStateVector(doc));
  const copy = new LocalCopy(ficheId, doc);
  const canKeep = canKeepLocally();

  // The server is the one source of truth: no cross-tab channel that would bypass its checks.
  const provider = new WebsocketProvider(collabServerUrl(window.location.href), String(ficheId), doc, {
    params: { [ACK_PARAM]: "1" },
    disableBc: true,
    WebSocketPolyfill: CollabSocket,
  });
  provider.awareness.setLocalStateField("user", { id: user.id, name: user.name, color: colorForUser(user.id) });

  let state: LinkState = { ...INITIAL_LINK, online: navigator.onLine, keptByChoice: copy.kept };
  const update = (patch: Partial<LinkState>) => {
    const pendingChanged = patch.pendingChanges !== undefined && patch.pendingChanges !== state.pendingChanges;
    state = { ...state, ...patch, keptOnDevice: copy.active };
    if (pendingChanged) copy.savePendingCount(state.pendingChanges);
    onChange({ doc, provider, link: state, canKeep, setKept });
  };
  const setKept = (kept: boolean) => {
    copy.setKept(kept, state.unsaved);
    void keepPageOffline(window.location.pathname, kept);
    update({ keptByChoice: kept });
  };
  update({});

  provider.messageHandlers[MESSAGE_ACK] = (_encoder, decoder) => {
    serverState = readAckStateVector(decoder);
    if (!isLocalStateStored(doc, serverState)) return;
    copy.allStored();
    update({ unsaved: false, pendingChanges: 0, pendingSinceOffline: false, sentAfterOffline: state.sentAfterOffline || state.pendingSinceOffline });
  };
  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return;
    if (copy.isOrigin(origin)) {
      // Restored from the device: only what the server is not known to hold waits to be sent.
      if (!isLocalStateStored(doc, serverState)) update({ unsaved: true, sentAfterOffline: false, pendingSinceOffline: true });
      return;
    }
    copy.keepWhilePending();
    const offline = connectionOf(state) === "offline";
    // Counted only while disconnected, where the count matters: connected, an edit is stored within moments.
    const pendingChanges = connectionOf(state) === "connected" ? Math.max(state.pendingChanges, 1) : state.pendingChanges + 1;
    if (!state.unsaved || state.sentAfterOffline || pendingChanges !== state.pendingChanges || (offline && !state.pendingSinceOffline)) {
      update({ unsaved: true, pendingChanges, sentAfterOffline: false, pendingSinceOffline: state.pendingSinceOffline || offline });
    }
  };
  doc.on("update", onDocUpdate);
  void copy.restore().then((pending) => {
    if (pending !== null && state.unsaved) update({ pendingChanges: Math.max(pending, state.pendingChanges, 1) });
  });
  provider.on("status", ({ status }) => {
    if (status === "connected") update({ socket: "connected" });
    else if (status === "disconnected") update({ socket: "disconnected", synced: false, pendingSinceOffline: state.pendingSinceOffline || state.unsaved });
  });
  provider.on("sync", (synced: boolean) => update({ synced }));
  provider.on("connection-error", () => {
    if (state.socket === "connecting") update({ socket: "disconnected" });
  });
  provider.on("closed", ({ code }) => {
    update({ refused: true, refusal: REFUSALS[code] ?? CLOSED_BY_SERVER });
  });

  // The socket may stay open through a network loss (browsers hold its frames): the browser's own
  // status is the first to know.
  const onOffline = () => update({ online: false, pendingSinceOffline: state.pendingSinceOffline || state.unsaved });
  const onOnline = () => {
    // After a network change the old socket may be half-open, its server side long gone: start afresh.
    if (provider.shouldConnect) {
      provider.disconnect();
      provider.connect();
    }
    update({ online: true, socket: state.refused ? state.socket : "connecting" });
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);

  return () => {
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    doc.off("update", onDocUpdate);
    copy.close();
    provider.destroy();
    doc.destroy();
  };
}
