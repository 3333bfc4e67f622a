import { describe, expect, it } from "vitest";
import { announcement, bellLabel } from "./poll";

describe("bellLabel", () => {
  it("names the unread count, singular or plural", () => {
    expect(bellLabel(null)).toBe("Notifications");
    expect(bellLabel(0)).toBe("Notifications");
    expect(bellLabel(1)).toBe("Notifications (1 non lue)");
    expect(bellLabel(3)).toBe("Notifications (3 non lues)");
  });
});

describe("announcement", () => {
  it("says nothing without news, and reads every new message otherwise", () => {
    expect(announcement([])).toBe("");
    expect(announcement([{ message: "La fiche « A » a été modifiée." }])).toBe("Nouvelle notification : La fiche « A » a été modifiée.");
    expect(announcement([{ message: "Un." }, { message: "Deux." }])).toBe("2 nouvelles notifications : Un. Deux.");
  });
});
