import { afterEach, describe, expect, it } from "vitest";
import { geocoderUrl, mapTiles } from "./config";

const saved = { ...process.env };
afterEach(() => {
  for (const key of ["MAP_TILE_URL", "MAP_TILE_ATTRIBUTION", "GEOCODER_URL"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
});

describe("mapTiles", () => {
  it("defaults to OpenStreetMap's tiles with their attribution", () => {
    delete process.env.MAP_TILE_URL;
    delete process.env.MAP_TILE_ATTRIBUTION;
    const tiles = mapTiles();
    expect(tiles?.url).toBe("https://tile.openstreetmap.org/{z}/{x}/{y}.png");
    expect(tiles?.attribution).toContain("OpenStreetMap");
  });

  it("takes another https tile server or a path of the wiki, with its own attribution", () => {
    process.env.MAP_TILE_URL = "https://tuiles.exemple.fr/{z}/{x}/{y}.png";
    process.env.MAP_TILE_ATTRIBUTION = "© Exemple";
    expect(mapTiles()).toEqual({ url: "https://tuiles.exemple.fr/{z}/{x}/{y}.png", attribution: "© Exemple" });
    process.env.MAP_TILE_URL = "/tuiles/{z}/{x}/{y}.png";
    expect(mapTiles()?.url).toBe("/tuiles/{z}/{x}/{y}.png");
  });

  it("is off with none, and refuses a URL the CSP would block or without its placeholders", () => {
    process.env.MAP_TILE_URL = "none";
    expect(mapTiles()).toBeNull();
    process.env.MAP_TILE_URL = "http://tuiles.exemple.fr/{z}/{x}/{y}.png";
    expect(() => mapTiles()).toThrow('MAP_TILE_URL must be an https:// URL (or a path on this site) containing {z}, {x} and {y}, or "none"');
    process.env.MAP_TILE_URL = "https://tuiles.exemple.fr/tile.png";
    expect(() => mapTiles()).toThrow(/containing \{z\}, \{x\} and \{y\}/);
  });
});

describe("geocoderUrl", () => {
  it("is off unless set, and drops a trailing slash", () => {
    delete process.env.GEOCODER_URL;
    expect(geocoderUrl()).toBeNull();
    process.env.GEOCODER_URL = " ";
    expect(geocoderUrl()).toBeNull();
    process.env.GEOCODER_URL = "https://api-adresse.data.gouv.fr/";
    expect(geocoderUrl()).toBe("https://api-adresse.data.gouv.fr");
  });

  it("refuses what is not an http(s) URL", () => {
    process.env.GEOCODER_URL = "api-adresse.data.gouv.fr";
    expect(() => geocoderUrl()).toThrow('GEOCODER_URL must be an http(s) URL such as https://api-adresse.data.gouv.fr; got "api-adresse.data.gouv.fr"');
  });
});
