/** Where the connection to the collaboration server stands, as the person can rely on it. */
export type ConnectionState = "connecting" | "connected" | "offline" | "refused";

export const SAVE_STATUS_TEXT = {
  connecting: "Connexion…",
  saved: "Enregistré",
  sending: "Envoi en cours…",
  sent: "Envoyées : vos modifications faites hors ligne sont enregistrées",
  // Nothing survives closing the tab yet (no storage on the device): say where the edits are.
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
};

/** The save status to show: never « Enregistré » unless the server acknowledged every local edit. */
export function saveStatusOf({ connection, unsaved, sentAfterOffline, slow }: SaveStatusInput): SaveStatusKey {
  if (connection === "refused") return "refused";
  if (connection === "offline") return "offline";
  if (connection === "connecting") return unsaved ? "sending" : "connecting";
  if (unsaved) return slow ? "sending" : "saved";
  return sentAfterOffline ? "sent" : "saved";
}
