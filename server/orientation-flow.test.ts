import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildActeur, buildLieu } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { resolveOrientation } from "./orientation-flow";

const db = getTestDb();
const themes = [{ slug: "sante", label: "Santé" }];
const communes = ["Bègles", "Bordeaux"];
const acteur = buildActeur();
buildLieu(acteur.id, { nom: "Près de la Bourse", commune: "Bordeaux", latitude: 44.8412, longitude: -0.5699 });
buildLieu(acteur.id, { nom: "À Bègles", commune: "Bègles", latitude: 44.808, longitude: -0.548 });

// A stand-in for the Base Adresse Nationale: "introuvable" finds nothing, anything else is the Bourse.
const server = http.createServer((req, res) => {
  const q = new URL(req.url!, "http://localhost").searchParams.get("q");
  const features =
    q === "introuvable" ? [] : [{ geometry: { coordinates: [-0.5699, 44.8412] }, properties: { label: "Place de la Bourse 33000 Bordeaux" } }];
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ type: "FeatureCollection", features }));
});
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  process.env.GEOCODER_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  delete process.env.GEOCODER_URL;
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

const base = { public: [], prise: [] };
const resolve = (answers: Parameters<typeof resolveOrientation>[1]["answers"], requested: "besoin" | "personne" | "lieu" | "resultats", geocoding = false) =>
  resolveOrientation(db, { answers, requested, themes, communes, geocoding });

describe("resolveOrientation", () => {
  it("shows the step asked for when the earlier ones are answered", async () => {
    expect((await resolve({ ...base, besoin: "theme-sante" }, "personne")).step).toBe("personne");
    expect((await resolve({ ...base, besoin: "theme-sante" }, "lieu")).step).toBe("lieu");
    expect((await resolve(base, "besoin")).errors).toEqual({});
  });

  it("sends back to the first step whose answers are missing or wrong, with its errors", async () => {
    const noNeed = await resolve(base, "resultats");
    expect(noNeed.step).toBe("besoin");
    expect(noNeed.errors.besoin).toBeDefined();
    const badPublic = await resolve({ ...base, besoin: "theme-sante", public: ["Martiens"] }, "resultats");
    expect(badPublic.step).toBe("personne");
    const badPlace = await resolve({ ...base, besoin: "aide-aux-demarches-administratives", lat: "44.8" }, "resultats");
    expect(badPlace).toMatchObject({ step: "lieu", errors: { lon: ["Indiquez aussi la longitude, ou effacez la latitude."] } });
  });

  it("answers once every step is valid", async () => {
    const state = await resolve({ ...base, besoin: "aide-aux-demarches-administratives", commune: "begles" }, "resultats");
    expect(state.step).toBe("resultats");
    expect(state.place).toEqual({ commune: "Bègles", pointLabel: undefined });
    expect(state.answer!.matches.map((m) => m.lieu.nom)).toEqual(["À Bègles", "Près de la Bourse"]);
  });

  it("turns an address into a point with the geocoder, and carries the point, not the address, to the printed sheet", async () => {
    const state = await resolve({ ...base, besoin: "aide-aux-demarches-administratives", adresse: "place de la Bourse" }, "resultats", true);
    expect(state.place).toEqual({ commune: undefined, pointLabel: "près de Place de la Bourse 33000 Bordeaux" });
    expect(state.answer!.matches[0].lieu.nom).toBe("Près de la Bourse");
    expect(state.answer!.matches[0].reasons).toContain("à 10\u00a0m");
    expect(state.resolvedAnswers).toMatchObject({ adresse: undefined, lat: "44.84120", lon: "-0.56990" });
  });

  it("comes back to the place step when the address is not found or the geocoder fails", async () => {
    const missing = await resolve({ ...base, besoin: "aide-aux-demarches-administratives", adresse: "introuvable" }, "resultats", true);
    expect(missing).toMatchObject({ step: "lieu", errors: { adresse: ["Aucune adresse trouvée pour « introuvable ». Vérifiez-la, ou choisissez une commune."] } });
    process.env.GEOCODER_URL = "http://127.0.0.1:9";
    const down = await resolve({ ...base, besoin: "aide-aux-demarches-administratives", adresse: "place de la Bourse" }, "resultats", true);
    expect(down.step).toBe("lieu");
    expect(down.errors.adresse[0]).toContain("ne répond pas");
  });
});
