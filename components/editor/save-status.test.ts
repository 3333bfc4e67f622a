import { describe, expect, it } from "vitest";
import { saveStatusOf, SAVE_STATUS_TEXT, type SaveStatusInput } from "./save-status";

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
