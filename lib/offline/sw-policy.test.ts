import { describe, expect, it } from "vitest";
import { chooseStrategy, isStorablePage } from "./sw-policy";

const origin = "https://wiki.exemple.fr";
const navigate = (path: string) => chooseStrategy(`${origin}${path}`, "GET", "navigate", origin);

describe("chooseStrategy", () => {
  it("keeps a fiche's public page for offline reading", () => {
    expect(navigate("/fiches/atelier-numerique")).toBe("fiche");
    expect(navigate("/fiches/atelier-numerique/")).toBe("fiche");
  });

  it("never keeps the editor, the history, the creation form or a fiche page with a query", () => {
    expect(navigate("/fiches/atelier-numerique/modifier")).toBe("editor");
    expect(navigate("/fiches/atelier-numerique/modifier?x=1")).toBe("page");
    expect(navigate("/fiches/atelier-numerique/historique")).toBe("page");
    expect(navigate("/fiches/nouvelle")).toBe("page");
    expect(navigate("/fiches/atelier-numerique?version=3")).toBe("page");
    expect(navigate("/fiches")).toBe("page");
  });

  it("serves the build's content-hashed files from the cache", () => {
    expect(chooseStrategy(`${origin}/_next/static/chunks/app.js`, "GET", "no-cors", origin)).toBe("static");
  });

  it("leaves writes, the API, the collaboration socket, other sites and router fetches alone", () => {
    expect(chooseStrategy(`${origin}/fiches/atelier-numerique`, "POST", "navigate", origin)).toBe("network");
    expect(navigate("/api/sante")).toBe("network");
    expect(navigate("/api/auth/signout")).toBe("network");
    expect(chooseStrategy(`${origin}/_collab/fiche-1`, "GET", "websocket", origin)).toBe("network");
    expect(chooseStrategy(`${origin}/_collab/http/poll`, "GET", "cors", origin)).toBe("network");
    expect(chooseStrategy("https://tile.openstreetmap.org/1/1/1.png", "GET", "no-cors", origin)).toBe("network");
    expect(chooseStrategy(`${origin}/fiches/atelier-numerique?_rsc=1x`, "GET", "cors", origin)).toBe("network");
  });
});

describe("isStorablePage", () => {
  it("keeps only a plain 200 rendered without a session", () => {
    expect(isStorablePage(200, "basic", null)).toBe(true);
    expect(isStorablePage(200, "basic", "1")).toBe(false);
    expect(isStorablePage(404, "basic", null)).toBe(false);
    expect(isStorablePage(0, "opaqueredirect", null)).toBe(false);
  });
});
