import { describe, expect, it } from "vitest";
import type { Viewer } from "./viewer";
import { canEditTaxonomies, canManageUsers } from "./user";

const as = (role: Viewer["role"]): Viewer => ({ id: 1, name: "Alice", role, acteurIds: [] });

describe("user and taxonomy policies", () => {
  it("let admins only manage accounts and edit taxonomies", () => {
    for (const policy of [canManageUsers, canEditTaxonomies]) {
      expect(policy(null)).toBe(false);
      expect(policy(as("contributeur"))).toBe(false);
      expect(policy(as("moderateur"))).toBe(false);
      expect(policy(as("admin"))).toBe(true);
    }
  });
});
