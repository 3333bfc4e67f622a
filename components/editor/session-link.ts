import type { ConnectionState } from "./save-status";

/** What the socket, the browser and the server's acknowledgements say about a fiche's session. */
export type LinkState = {
  socket: "connecting" | "connected" | "disconnected";
  synced: boolean;
  online: boolean;
  refused: boolean;
  /** Whether this replica has edits the server has not acknowledged as stored yet. */
  unsaved: boolean;
  /** Whether edits made or pending while offline have all been stored since, with nothing typed after. */
  sentAfterOffline: boolean;
  /** Local edits were made or pending while not connected, and are not all stored yet. */
  pendingSinceOffline: boolean;
  /** Why the server refused the connection for good, in French; null otherwise. */
  refusal: string | null;
  /** Local changes (transactions) not acknowledged yet, restored ones included. */
  pendingChanges: number;
  /** Whether a copy of the fiche is being written on this device (see lib/collab/local-copy.ts). */
  keptOnDevice: boolean;
  /** Whether the person chose to keep the fiche on this device. */
  keptByChoice: boolean;
};

export const INITIAL_LINK: LinkState = {
  socket: "connecting",
  synced: false,
  online: true,
  refused: false,
  unsaved: false,
  sentAfterOffline: false,
  pendingSinceOffline: false,
  refusal: null,
  pendingChanges: 0,
  keptOnDevice: false,
  keptByChoice: false,
};

export const REFUSALS: Record<number, string> = {
  4403: "Vous n'avez plus accès à cette fiche en modification. Rechargez la page.",
  4404: "Cette fiche a été supprimée.",
  4413: "Votre dernière modification est trop volumineuse pour être enregistrée. Rechargez la page.",
};

export const CLOSED_BY_SERVER = "Le serveur a fermé la connexion. Rechargez la page.";

export function connectionOf(link: LinkState): ConnectionState {
  if (link.refused) return "refused";
  if (!link.online || link.socket === "disconnected") return "offline";
  // Connected but not synced yet: the server may still lack what this replica holds.
  return link.socket === "connected" && link.synced ? "connected" : "connecting";
}
