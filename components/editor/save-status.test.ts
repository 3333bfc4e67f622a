import { describe, expect, it } from "vitest";
import { pendingChangesText, saveStatusOf, SAVE_STATUS_TEXT, type SaveStatusInput } from "./save-status";

const base: SaveStatusInput = { connection: "connected", unsaved: false, sentAfterOffline: false, slow: false };

describe("saveStatusOf", () => {
  it("says « Enregistré » only once the server has acknowledged everything", () => {
    expect(saveStatusOf(base)).toBe("saved");
    expect(saveStatusOf({ ...base, unsaved: true, slow: true })).toBe("sending");
  });

  it("does not announce every keystroke: a quick acknowledgement keeps « Enregistré »", () => {
    expect(saveStatusOf({ ...base, unsaved: true, slow: false })).toBe("saved");
  });

  it("says offline whatever is pending, and tells where the edits are kept", () => {
    expect(saveStatusOf({ ...base, connection: "offline" })).toBe("offline");
    expect(saveStatusOf({ ...base, connection: "offline", unsaved: true, slow: true })).toBe("offline");
    expect(SAVE_STATUS_TEXT.offline).toMatch(/^Hors ligne : vos modifications sont gardées dans cet onglet et seront envoyées au retour/);
  });

  it("says the edits are on this device when a copy is written there, and counts what waits", () => {
    expect(saveStatusOf({ ...base, connection: "offline", unsaved: true, keptOnDevice: true })).toBe("offlineOnDevice");
    expect(SAVE_STATUS_TEXT.offlineOnDevice).toMatch(/^Hors ligne : vos modifications sont gardées sur cet appareil et seront envoyées au retour/);
    expect(pendingChangesText(0)).toBe("");
    expect(pendingChangesText(1)).toBe("1 modification en attente d'envoi");
    expect(pendingChangesText(12)).toBe("12 modifications en attente d'envoi");
  });

  it("while reconnecting, says the edits are on their way, then « Envoyées » once acknowledged", () => {
    expect(saveStatusOf({ ...base, connection: "connecting", unsaved: true })).toBe("sending");
    expect(saveStatusOf({ ...base, connection: "connecting" })).toBe("connecting");
    expect(saveStatusOf({ ...base, sentAfterOffline: true })).toBe("sent");
    expect(SAVE_STATUS_TEXT.sent).toMatch(/^Envoyées/);
  });

  it("a refusal wins over everything else", () => {
    expect(saveStatusOf({ ...base, connection: "refused", unsaved: true, sentAfterOffline: true })).toBe("refused");
  });
});
