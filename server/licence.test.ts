import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { LICENCES } from "@/lib/licence";
import { getContentLicence, setContentLicence } from "./licence";
import { getSetting, setSetting } from "./setting";

describe("content licence", () => {
  it("is the Licence Ouverte 2.0 until an admin chooses another, then the chosen one", () => {
    const db = getTestDb();
    expect(getSetting(db, "content.licence")).toBeNull();
    expect(getContentLicence(db)).toEqual(LICENCES["etalab-2.0"]);
    expect(setContentLicence(db, "cc-by-4.0")).toEqual(LICENCES["cc-by-4.0"]);
    expect(getContentLicence(db).name).toBe("Creative Commons Attribution 4.0 International (CC BY 4.0)");
    setContentLicence(db, "cc0-1.0");
    expect(getSetting(db, "content.licence")).toBe("cc0-1.0");
  });

  it("falls back to the default for a stored value it does not know (a setting written by a newer version)", () => {
    const db = getTestDb();
    setSetting(db, "content.licence", "wtfpl");
    expect(getContentLicence(db).id).toBe("etalab-2.0");
  });
});
