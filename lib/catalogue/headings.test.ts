import { describe, expect, it } from "vitest";
import { demoteHeadings } from "./headings";

describe("demoteHeadings", () => {
  it("moves every heading down, capped at h6, and leaves other tags alone", () => {
    expect(demoteHeadings("<h2>Pourquoi ?</h2><p>h2</p><h3>Étapes</h3><h4>Détail</h4><hr>", 2)).toBe("<h4>Pourquoi ?</h4><p>h2</p><h5>Étapes</h5><h6>Détail</h6><hr>");
  });
});
