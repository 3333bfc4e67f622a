import { describe, expect, it } from "vitest";
import { cuedActeurs, inferActeurRoles } from "./acteur-roles";
import { splitActeurs } from "./acteur-split";

const roles = (line: string, texts: string[] = [], type: "pratique" | "idee" = "pratique") => {
  const result = inferActeurRoles({ key: "pratique:x", line: 1, type, acteurs: splitActeurs(line, { type }), texts });
  return { acteurs: result.acteurs.filter((a) => !a.generic).map((a) => [a.nom, a.role]), codes: result.issues.map((i) => i.code) };
};

describe("cuedActeurs", () => {
  it("reads the organisations named after a cue, with the examples of a generic group and a sigle kept whole", () => {
    expect(cuedActeurs("avec le soutien actif des instances locales (CARSAT, UDCCAS, Conseil départemental...)").map((c) => [c.acteur.nom, c.role])).toEqual([
      ["CARSAT", "partenaire"],
      ["UDCCAS", "partenaire"],
      ["Conseil départemental", "partenaire"],
    ]);
    expect(cuedActeurs("Les partenaires du projet sont Psychologie Magazine et la Fondation Internet Nouvelle Génération (FING)").map((c) => [c.acteur.nom, c.acteur.sigle])).toEqual([
      ["Psychologie Magazine", null],
      ["Fondation Internet Nouvelle Génération", "FING"],
    ]);
    expect(cuedActeurs("Le projet est financé par la Fondation Orange.").map((c) => [c.acteur.nom, c.role])).toEqual([["Fondation Orange", "financeur"]]);
  });

  it("reads nothing without a cue", () => {
    expect(cuedActeurs("Les ateliers ont lieu avec la Fondation Orange et Emmaüs Connect.")).toEqual([]);
  });
});

describe("inferActeurRoles", () => {
  it("keeps the line's order meaningless without a cue: a company listed after an association stays porteur", () => {
    expect(roles("Association Le Lien, Ville de Bordeaux et Fondation Orange (FO)")).toEqual({
      acteurs: [
        ["Association Le Lien", "porteur"],
        ["Ville de Bordeaux", "porteur"],
        ["Fondation Orange", "porteur"],
      ],
      codes: [],
    });
  });

  it("reports the partner a cue in the line names", () => {
    expect(roles("Aquinum avec le soutien du Conseil Départemental de la Gironde")).toEqual({
      acteurs: [
        ["Aquinum", "porteur"],
        ["Conseil Départemental de la Gironde", "partenaire"],
      ],
      codes: ["acteur_role_inferred"],
    });
  });

  it("makes partners of the line's acteurs the text names after a cue, the first one excepted, and never adds a look-alike", () => {
    const text = "Élaborés avec le soutien actif des instances locales (CARSAT, UDCCAS, Conseil départemental...)";
    expect(roles("Conseil Départemental de la Gironde et INRIA, CARSAT, UDCCA,...", [text]).acteurs).toEqual([
      ["Conseil Départemental de la Gironde", "porteur"],
      ["INRIA", "porteur"],
      ["CARSAT", "partenaire"],
      ["UDCCA", "partenaire"],
    ]);
  });

  it("adds the partners only the text names, and reports each", () => {
    const forum = roles("Fondation Orange, sociologues, universitaires", ["Les partenaires du projet sont Psychologie Magazine et la FING."]);
    expect(forum.acteurs).toEqual([
      ["Fondation Orange", "porteur"],
      ["Psychologie Magazine", "partenaire"],
      ["FING", "partenaire"],
    ]);
    expect(forum.codes.filter((code) => code === "acteur_role_inferred")).toHaveLength(2);
  });

  it("leaves an idée's acteurs pressentis, whatever its text says", () => {
    expect(roles("Fondation Orange", ["avec le soutien de la CAF"], "idee").acteurs).toEqual([["Fondation Orange", "pressenti"]]);
  });
});
