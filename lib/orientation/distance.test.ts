import { describe, expect, it } from "vitest";
import { centroid, distanceKm, formatDistance } from "./distance";

describe("distanceKm", () => {
  it("measures great-circle distances", () => {
    // Bordeaux (Place de la Bourse) to Paris (Notre-Dame): about 500 km as the crow flies.
    expect(distanceKm({ latitude: 44.8412, longitude: -0.5699 }, { latitude: 48.853, longitude: 2.3499 })).toBeCloseTo(500, -1);
    expect(distanceKm({ latitude: 44.84, longitude: -0.57 }, { latitude: 44.84, longitude: -0.57 })).toBe(0);
    // One degree of latitude is 111.2 km everywhere.
    expect(distanceKm({ latitude: 44, longitude: 0 }, { latitude: 45, longitude: 0 })).toBeCloseTo(111.2, 1);
  });
});

describe("formatDistance", () => {
  it("writes metres under a kilometre, one decimal under ten, whole kilometres beyond", () => {
    expect(formatDistance(0.347)).toBe("350\u00a0m");
    expect(formatDistance(0.001)).toBe("10\u00a0m");
    expect(formatDistance(1.23)).toBe("1,2\u00a0km");
    expect(formatDistance(24.4)).toBe("24\u00a0km");
  });
});

describe("centroid", () => {
  it("averages the points, or gives null for none", () => {
    expect(centroid([])).toBeNull();
    expect(centroid([{ latitude: 44, longitude: -1 }, { latitude: 46, longitude: 1 }])).toEqual({ latitude: 45, longitude: 0 });
  });
});
