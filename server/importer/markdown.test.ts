import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseFicheMarkdown } from "./markdown";

const FIXTURE = `Notes de travail, avant le premier titre.

<!-- brouillon : à relire
avant l'envoi -->

# Pratiques observées, ici et ailleurs

## Café numérique du Grand Parc
**Acteurs :** Association Le Lien, Mairie de Bordeaux et Fondation Orange (FO)
Cible : Seniors du quartier
Descriptif de l'action : Un café chaque mardi
pour apprendre la tablette.

- atelier tablette
- aide aux démarches en ligne
→ https://exemple.org/cafe

Éléments spécifiques : voir [le programme](https://exemple.org/programme).

## Atelier sans cible
Acteurs : Centre social Bordeaux Nord
Action : des permanences.

# Idées à explorer

## Bus numérique
- aller sur les marchés
- prêter des tablettes
Acteur(s) : Bordeaux Métropole et associations de quartier
Public concerné : Habitants éloignés du numérique

## Une pratique égarée
Type : pratique
Acteurs : Cap Sciences
Cible : Jeunes
Descriptif : un FabLab ouvert.
`;

describe("parseFicheMarkdown", () => {
  const { fiches, report } = parseFicheMarkdown(FIXTURE, { document: "associations.md" });
  const fiche = (key: string) => fiches.find((f) => f.key === key)!;

  it("reads one fiche per heading under a section, typed by the section or a Type line", () => {
    expect(fiches.map((f) => [f.key, f.type])).toEqual([
      ["pratique:cafe-numerique-du-grand-parc", "pratique"],
      ["pratique:atelier-sans-cible", "pratique"],
      ["idee:bus-numerique", "idee"],
      ["pratique:une-pratique-egaree", "pratique"],
    ]);
    expect(fiches.every((f) => f.origine === "markdown")).toBe(true);
  });

  it("reads the labelled fields, continuation lines, lists and links", () => {
    const cafe = fiche("pratique:cafe-numerique-du-grand-parc");
    expect(cafe.acteurs.map((a) => a.nom)).toEqual(["Association Le Lien", "Mairie de Bordeaux", "Fondation Orange"]);
    expect(cafe.acteurs[1].key).toBe("ville de bordeaux");
    expect(cafe.cible).toBe("Seniors du quartier");
    expect(cafe.descriptif?.blocks).toEqual([
      { kind: "paragraph", text: "Un café chaque mardi pour apprendre la tablette." },
      { kind: "list", items: ["atelier tablette", "aide aux démarches en ligne"] },
    ]);
    expect(cafe.elementsSpecifiques?.text).toBe("voir le programme.");
    expect(cafe.liens.map((l) => l.url)).toEqual(["https://exemple.org/cafe", "https://exemple.org/programme"]);
    expect(cafe.publics.map((p) => p.slug)).toEqual(["seniors"]);
    expect(cafe.source).toEqual({ document: "associations.md", section: "Pratiques observées, ici et ailleurs", line: 8 });
  });

  it("takes an idée's text before the labels as its pistes", () => {
    const bus = fiche("idee:bus-numerique");
    expect(bus.pistes).toEqual(["aller sur les marchés", "prêter des tablettes"]);
    expect(bus.acteurs.map((a) => [a.nom, a.generic, a.role])).toEqual([
      ["Bordeaux Métropole", false, "pressenti"],
      ["associations de quartier", true, "pressenti"],
    ]);
  });

  it("reports missing fields, generic acteurs and the ignored preamble", () => {
    expect(report).toContainEqual(expect.objectContaining({ code: "missing_cible", ficheKey: "pratique:atelier-sans-cible", line: 20 }));
    expect(report).toContainEqual(expect.objectContaining({ code: "acteur_generic", ficheKey: "idee:bus-numerique" }));
    expect(report).toContainEqual(expect.objectContaining({ code: "block_ignored", line: 1 }));
    expect(report.some((entry) => entry.code === "type_missing")).toBe(false);
    expect(report.some((entry) => entry.code === "page_break_stitched")).toBe(false);
  });

  it("reads fiches without sections from their Type line, and warns when it is missing", () => {
    const result = parseFicheMarkdown("# Atelier A\nType : idée\nPublic concerné : Familles\n\n# Atelier B\nActeurs : Framasoft\nCible : Tous publics\nDescriptif : des outils libres.\n");
    expect(result.fiches.map((f) => f.key)).toEqual(["idee:atelier-a", "pratique:atelier-b"]);
    expect(result.report).toContainEqual(expect.objectContaining({ code: "type_missing", ficheKey: "pratique:atelier-b" }));
    expect(result.report).toContainEqual(expect.objectContaining({ code: "missing_descriptif", ficheKey: "idee:atelier-a" }));
  });

  it("treats a first heading with nothing under it as the document's title", () => {
    const result = parseFicheMarkdown("# Nos actions 2024\n\n## Atelier A\nType : pratique\nDescriptif : un atelier.\n");
    expect(result.fiches.map((f) => f.key)).toEqual(["pratique:atelier-a"]);
  });

  it("keeps keys stable whatever the case and accents of a title, and suffixes a repeated one", () => {
    const once = parseFicheMarkdown("# Idées à explorer\n## Borne d'accès au droit\n- une piste\n");
    const again = parseFicheMarkdown("# Idées à explorer\n## BORNE D'ACCES AU DROIT\n- une piste\n");
    expect(again.fiches[0].key).toBe(once.fiches[0].key);
    expect(parseFicheMarkdown(FIXTURE).fiches.map((f) => f.key)).toEqual(fiches.map((f) => f.key));
    const twice = parseFicheMarkdown("# Pratiques\n## Atelier\nDescriptif : a.\n## Atelier\nDescriptif : b.\n");
    expect(twice.fiches.map((f) => f.key)).toEqual(["pratique:atelier", "pratique:atelier-2"]);
    expect(twice.report).toContainEqual(expect.objectContaining({ code: "duplicate_key", ficheKey: "pratique:atelier-2" }));
  });

  it("says so when there is no fiche at all", () => {
    expect(parseFicheMarkdown("Juste du texte.\n").report).toContainEqual(expect.objectContaining({ code: "no_fiche" }));
  });

  it("parses the example of FORMAT.md as documented", () => {
    const guide = fs.readFileSync(path.resolve(import.meta.dirname, "FORMAT.md"), "utf8");
    const example = /```markdown\n([\s\S]*?)```/.exec(guide)![1];
    const result = parseFicheMarkdown(example);
    expect(result.fiches.map((f) => [f.type, f.titre])).toEqual([
      ["pratique", "Café numérique du Grand Parc"],
      ["idee", "Bus numérique sur les marchés"],
    ]);
    expect(result.fiches[0].liens).toEqual([{ texte: "https://exemple.org/cafe-numerique", url: "https://exemple.org/cafe-numerique" }]);
    expect(result.fiches[1].pistes).toHaveLength(2);
    expect(result.report.filter((entry) => entry.severity === "warning").map((entry) => entry.code)).toEqual(["acteur_generic"]);
  });
});
