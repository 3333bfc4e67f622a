import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { LICENCES } from "@/lib/licence";
import type { Role } from "@/lib/roles";
import { SYSTEM } from "./authorize";
import { getContentLicence, setContentLicence } from "./licence";
import { getSetting, setSetting } from "./setting";
import { domainErrorOf } from "./domain-error-testing";

const viewer = (role: Role) => getViewerById(getTestDb(), buildUser({ role }).id)!;


describe("content licence", () => {
  it("is the Licence Ouverte 2.0 until an admin chooses another, then the chosen one", () => {
    const db = getTestDb();
    expect(getSetting(db, "content.licence")).toBeNull();
    expect(getContentLicence(db)).toEqual(LICENCES["etalab-2.0"]);
    expect(setContentLicence(db, viewer("admin"), "cc-by-4.0")).toEqual(LICENCES["cc-by-4.0"]);
    expect(getContentLicence(db).name).toBe("Creative Commons Attribution 4.0 International (CC BY 4.0)");
    setContentLicence(db, SYSTEM, "cc0-1.0");
    expect(getSetting(db, "content.licence")).toBe("cc0-1.0");
  });

  it("is chosen by admins only: moderators, contributors and visitors are refused and change nothing", () => {
    const db = getTestDb();
    setContentLicence(db, SYSTEM, "cc-by-sa-4.0");
    for (const who of [viewer("moderateur"), viewer("contributeur"), null]) {
      expect(domainErrorOf(() => setContentLicence(db, who, "cc0-1.0"))).toMatchObject({
        code: "forbidden",
        messageFr: "Seuls les administrateurs choisissent la licence du contenu.",
      });
    }
    expect(getSetting(db, "content.licence")).toBe("cc-by-sa-4.0");
  });

  it("falls back to the default for a stored value it does not know (a setting written by a newer version)", () => {
    const db = getTestDb();
    setSetting(db, "content.licence", "wtfpl");
    expect(getContentLicence(db).id).toBe("etalab-2.0");
  });
});
