import { describe, expect, it } from "vitest";
import { foldToGlyphs } from "./glyphs";

// Latin-1 and the typographic characters of the embedded face, as its cmap lists them.
const covers = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || [0x152, 0x153, 0x2013, 0x2014, 0x2019, 0x2026, 0x20ac].includes(code);

describe("foldToGlyphs", () => {
  it("keeps what the font covers, French typography included", () => {
    expect(foldToGlyphs("L’œuvre « déjà » — 10 € …\nsuite", covers)).toBe("L’œuvre « déjà » — 10 € …\nsuite");
  });

  it("turns the narrow no-break space into a no-break space, and other spaces and dashes into plain ones", () => {
    expect(foldToGlyphs("Prêt\u202f? «\u202foui\u202f» a\u2011b 5\u2009km\tfin", covers)).toBe("Prêt\u00a0? «\u00a0oui\u00a0» a-b 5 km fin");
    expect(foldToGlyphs("a → b ≥ 2", covers)).toBe("a -> b >= 2");
  });

  it("drops accents the font lacks, shows other letters as ? and drops symbols and control characters", () => {
    expect(foldToGlyphs("ŵ Łódź 🎉 日\r\u200b!", covers)).toBe("w ?ódz  ?!");
  });
});
