import { describe, expect, it } from "vitest";
import { getFicheSourceText } from "./verification-source";

const LIVRE_BLANC = "livre-blanc-solidarite-numerique-bordeaux-2016";
const textOf = (key: string): string => {
  const source = getFicheSourceText(`${LIVRE_BLANC}#${key}`);
  if (source.kind !== "document") throw new Error(`no source for ${key}: ${source.reason}`);
  return source.text;
};

describe("getFicheSourceText", () => {
  it("gives an annex fiche's lines, from its title to its last field, and not the next fiche", () => {
    const text = textOf("pratique:dom-assist");
    expect(text.split("\n")[0]).toBe("DOM ASSIST");
    expect(text).toContain("Cible : Personnes âgées");
    expect(text.trimEnd().endsWith("(CARSAT, UDCCAS, Conseil départemental...)")).toBe(true);
    expect(text).not.toContain("MÉMOIRE DES DOUVES");
  });

  it("stops a fiche of a chapter box where the chapter's own text resumes", () => {
    const text = textOf("pratique:fobagra");
    expect(text.trimEnd().endsWith("→ www.fobagra.net")).toBe(true);
    expect(text).not.toContain("Construire avec les médiateurs");
  });

  it("keeps a title written over two lines, and stops before the next section", () => {
    const pimms = textOf("pratique:point-d-information-et-de-mediation-multiservice-pimms");
    expect(pimms.split("\n").slice(0, 3)).toEqual(["POINT D'INFORMATION ET DE MÉDIATION", "", "MULTISERVICE PIMMS"]);
    expect(pimms).not.toContain("Idées à explorer");
  });

  it("gives a shipped Markdown fiche's heading and lines, up to the next heading", () => {
    const source = getFicheSourceText("markdown:journees-bnr-2019#pratique:un-ecrivain-public-dans-les-bibliotheques-de-bordeaux");
    expect(source).toMatchObject({ kind: "document", document: "journees-bnr-2019.md", section: "Pratiques observées" });
    if (source.kind !== "document") throw new Error("no source");
    const lines = source.text.split("\n");
    expect(lines[0]).toBe("## Un écrivain public dans les bibliothèques de Bordeaux");
    expect(lines.at(-1)).toBe("Ébauche : oui");
    expect(source.text).not.toContain("# Pratiques observées ailleurs");
  });

  it("says so when the source document is not kept, or no longer holds the fiche", () => {
    expect(getFicheSourceText("markdown:cafes#pratique:cafe")).toEqual({ kind: "unavailable", reason: "not_kept" });
    expect(getFicheSourceText(`${LIVRE_BLANC}#pratique:n-existe-pas`)).toEqual({ kind: "unavailable", reason: "not_found" });
    expect(getFicheSourceText(`${LIVRE_BLANC}#pratique:fobagra`, "/nowhere/livre-blanc.txt")).toEqual({ kind: "unavailable", reason: "not_found" });
  });
});
