import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { geocodeAddress } from "./geocoder";
import { domainRefusalOf } from "./domain-error-testing";

// A stand-in for the Base Adresse Nationale, answering like https://api-adresse.data.gouv.fr/search/.
let base = "";
const requests: URL[] = [];
const server = http.createServer((req, res) => {
  const url = new URL(req.url!, "http://localhost");
  requests.push(url);
  if (url.searchParams.get("q") === "panne") {
    res.writeHead(502).end("Bad Gateway");
    return;
  }
  if (url.searchParams.get("q") === "pas du json") {
    res.writeHead(200, { "content-type": "text/html" }).end("<html></html>");
    return;
  }
  res.writeHead(200, { "content-type": "application/json" }).end(
    JSON.stringify({
      type: "FeatureCollection",
      features: [
        {
          type: "Feature",
          geometry: { type: "Point", coordinates: [-0.569, 44.8412] },
          properties: { label: "Place de la Bourse 33000 Bordeaux", score: 0.93, postcode: "33000", city: "Bordeaux", citycode: "33063" },
        },
        { type: "Feature", geometry: { type: "Point", coordinates: [-0.548, 44.808] }, properties: { label: "Bègles" } },
      ],
    }),
  );
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));


describe("geocodeAddress", () => {
  it("asks the API's /search/ and reads the GeoJSON points as latitude and longitude", async () => {
    const results = await geocodeAddress("  place de la bourse bordeaux ", { baseUrl: base, limit: 2 });
    expect(results).toEqual([
      { label: "Place de la Bourse 33000 Bordeaux", latitude: 44.8412, longitude: -0.569, codePostal: "33000", commune: "Bordeaux", codeInsee: "33063" },
      { label: "Bègles", latitude: 44.808, longitude: -0.548, codePostal: null, commune: null, codeInsee: null },
    ]);
    const last = requests.at(-1)!;
    expect(last.pathname).toBe("/search/");
    expect(last.searchParams.get("q")).toBe("place de la bourse bordeaux");
    expect(last.searchParams.get("limit")).toBe("2");
  });

  it("is off without GEOCODER_URL, and says so in French and English", async () => {
    const error = await domainRefusalOf(geocodeAddress("place de la bourse", { baseUrl: null }));
    expect(error.code).toBe("geocoder_off");
    expect(error.messageFr).toBe("La recherche d'adresse n'est pas activée sur ce wiki.");
    expect(error.message).toBe("Geocoding is off: GEOCODER_URL is not set.");
  });

  it("refuses a query the API would refuse, without calling it", async () => {
    const before = requests.length;
    const error = await domainRefusalOf(geocodeAddress("ab", { baseUrl: base }));
    expect(error.code).toBe("invalid_query");
    expect(error.field).toBe("adresse");
    expect(requests.length).toBe(before);
  });

  it("reports an API that fails, answers something else or does not answer", async () => {
    const failing = await domainRefusalOf(geocodeAddress("panne", { baseUrl: base }));
    expect(failing.code).toBe("geocoder_unavailable");
    expect(failing.message).toBe(`The address API at ${base} did not answer properly: HTTP 502.`);
    expect(failing.messageFr).toContain("ne répond pas");
    const html = await domainRefusalOf(geocodeAddress("pas du json", { baseUrl: base }));
    expect(html.message).toContain("the body is not JSON");
    // Nothing listens on port 9 (discard) of this machine.
    const unreachable = await domainRefusalOf(geocodeAddress("place de la bourse", { baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 }));
    expect(unreachable.code).toBe("geocoder_unavailable");
  });
});
