/** Where the connection to the collaboration server stands, as the person can rely on it. */
export type ConnectionState = "connecting" | "connected" | "offline" | "refused";

export const SAVE_STATUS_TEXT = {
  connecting: "Connexion…",
  saved: "Enregistré",
  sending: "Envoi en cours…",
  sent: "Envoyées : vos modifications faites hors ligne sont enregistrées",
  // Say where the edits are: on the device (IndexedDB) they survive closing the tab; otherwise not.
  offlineOnDevice: "Hors ligne : vos modifications sont gardées sur cet appareil et seront envoyées au retour",
  offline: "Hors ligne : vos modifications sont gardées dans cet onglet et seront envoyées au retour. Ne fermez pas cet onglet.",
  refused: "Modifications impossibles",
} as const;

export type SaveStatusKey = keyof typeof SAVE_STATUS_TEXT;

export type SaveStatusInput = {
  connection: ConnectionState;
  /** Local edits the server has not acknowledged as stored. */
  unsaved: boolean;
  /** Edits made or pending while offline have all been acknowledged since, and nothing was typed after. */
  sentAfterOffline: boolean;
  /** Unacknowledged edits have been waiting long enough to say so. */
  slow: boolean;
  /** A copy of the fiche is being written on this device, so that unsent edits survive closing the tab. */
  keptOnDevice?: boolean;
};

/** The save status to show: never « Enregistré » unless the server acknowledged every local edit. */
export function saveStatusOf({ connection, unsaved, sentAfterOffline, slow, keptOnDevice }: SaveStatusInput): SaveStatusKey {
  if (connection === "refused") return "refused";
  if (connection === "offline") return keptOnDevice ? "offlineOnDevice" : "offline";
  if (connection === "connecting") return unsaved ? "sending" : "connecting";
  if (unsaved) return slow ? "sending" : "saved";
  return sentAfterOffline ? "sent" : "saved";
}

/** « 3 modifications en attente d'envoi », or nothing when none wait. */
export function pendingChangesText(count: number): string {
  if (count <= 0) return "";
  return count === 1 ? "1 modification en attente d'envoi" : `${count} modifications en attente d'envoi`;
}
