import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { canEditTaxonomies, canManageUsers } from "./user";

const as = (role: Actor["role"]): Actor => ({ id: 1, name: "Alice", role, acteurIds: [] });

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
