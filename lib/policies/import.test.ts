import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/roles";
import { canImportFiches } from "./import";

const viewer = (role: Role) => ({ id: 1, name: "Camille", role, acteurIds: [7] });

describe("canImportFiches", () => {
  it("lets moderators and admins import, not contributors, even members of an acteur, nor visitors", () => {
    expect(canImportFiches(viewer("moderateur"))).toBe(true);
    expect(canImportFiches(viewer("admin"))).toBe(true);
    expect(canImportFiches(viewer("contributeur"))).toBe(false);
    expect(canImportFiches(null)).toBe(false);
  });
});
