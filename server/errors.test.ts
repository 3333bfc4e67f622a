import { describe, expect, it, vi } from "vitest";

describe("DomainError", () => {
  it("is recognised across two copies of its module, as Next's bundle and the collaboration server each load one", async () => {
    const first = await import("./errors");
    vi.resetModules();
    const second = await import("./errors");
    expect(second.DomainError).not.toBe(first.DomainError);

    const refusal = new first.DomainError("forbidden", "Vous ne pouvez pas modifier cette fiche.");
    expect(refusal instanceof second.DomainError).toBe(true);
    expect(new Error("forbidden") instanceof second.DomainError).toBe(false);
    expect((null as unknown) instanceof second.DomainError).toBe(false);
  });
});
