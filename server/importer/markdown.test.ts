import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { insertFiche } from "../fiche";
import { parseFicheMarkdown } from "./markdown";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";

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

  it("parses the example of fiches pratiques and follow-ups in FORMAT.md as documented", () => {
    const guide = fs.readFileSync(path.resolve(import.meta.dirname, "FORMAT.md"), "utf8");
    const example = [...guide.matchAll(/```markdown\n([\s\S]*?)```/g)][1][1];
    const result = parseFicheMarkdown(example);
    expect(result.fiches.map((f) => [f.type, f.objectif?.value, f.ebauche, f.citation, f.suite?.map((s) => s.titre)])).toEqual([
      ["fiche_pratique", "Analyser", true, "Mathilde Herrero, mémoire d'étude (Enssib, 2018)", undefined],
      ["pratique", undefined, undefined, "Présentation des Bibliothèques de Bordeaux (2022)", ["Garage informatique"]],
    ]);
    expect(result.fiches[0].liens.map((l) => l.url)).toEqual(["https://exemple.org/etude.pdf"]);
    expect(result.report.filter((entry) => entry.severity === "warning")).toEqual([]);
  });
});

describe("the one-line labels: objectif, source, ébauche, dans la suite de", () => {
  const TEXT = `# Fiches pratiques

## Analyser son territoire
Objectif : Analyser
Source : Mathilde Herrero, mémoire d'étude (Enssib, 2018)
**Ébauche :** oui
Descriptif : Pourquoi regarder qui vit autour de la bibliothèque.
Liens : → https://exemple.org/etude

# Pratiques observées ailleurs

## Cabine d'information sociale
Acteurs : Les Champs Libres
Descriptif : Une cabine pour appeler des travailleurs sociaux.
Dans la suite de : « Garage informatique » ; « Identifier, évaluer et publier les dispositifs existants »
Ébauche : non
Cible : Usagers de la bibliothèque
`;
  const { fiches, report } = parseFicheMarkdown(TEXT, { document: "suite.md" });

  it("reads a fiche pratique's objectif, citation and ébauche flag, and gives it no commune", () => {
    const [guide] = fiches;
    expect(guide).toMatchObject({ key: "fiche_pratique:analyser-son-territoire", type: "fiche_pratique", objectif: { value: "Analyser", line: 4 }, citation: "Mathilde Herrero, mémoire d'étude (Enssib, 2018)", ebauche: true, commune: null });
    expect(guide.descriptif?.text).toBe("Pourquoi regarder qui vit autour de la bibliothèque.");
    // A mode d'emploi needs neither acteur nor public nor commune: no report entry asks for them.
    expect(report.filter((entry) => entry.ficheKey === guide.key).map((entry) => entry.code)).toEqual([]);
  });

  it("reads the titles a fiche continues, commas inside « » kept, and a label between two fields' lines", () => {
    const cabine = fiches[1];
    expect(cabine.suite).toEqual([
      { titre: "Garage informatique", line: 15 },
      { titre: "Identifier, évaluer et publier les dispositifs existants", line: 15 },
    ]);
    expect(cabine.ebauche).toBe(false);
    expect(cabine.citation).toBeUndefined();
    expect(cabine.cible).toBe("Usagers de la bibliothèque");
    expect(cabine.descriptif?.text).toBe("Une cabine pour appeler des travailleurs sociaux.");
  });

  it("reads the type of a fiche pratique from its Type line", () => {
    for (const written of ["fiche pratique", "Fiche pratique", "fiche_pratique", "Fiches pratiques"]) {
      expect(parseFicheMarkdown(`# Évaluer\nType : ${written}\nDescriptif : compter.\n`).fiches[0].type).toBe("fiche_pratique");
    }
  });

  it("reports every line it cannot take, with its number, in French and English", () => {
    const result = parseFicheMarkdown(
      [
        "# Pratiques observées",
        "## Atelier",
        "Type : atelier",
        "Objectif : Analyser",
        "Ébauche : peut-être",
        "Source :",
        "Source : Une brochure",
        "Source : Une autre",
        "Dans la suite de :",
        "Acteurs : Cap Sciences",
        "Descriptif : un atelier.",
      ].join("\n"),
    );
    const lines = result.report.filter((entry) => entry.code === "line_invalid").map((entry) => [entry.line, entry.messageFr, entry.messageEn]);
    expect(lines).toEqual([
      [3, expect.stringContaining("type « atelier » inconnu"), expect.stringContaining('unknown type "atelier"')],
      [4, expect.stringContaining("ne vaut que pour une fiche pratique"), expect.stringContaining("fiches pratiques only")],
      [5, expect.stringContaining("écrivez « oui » ou « non »"), expect.stringContaining('write "oui" or "non"')],
      [6, expect.stringContaining("sans valeur"), expect.stringContaining("has no value")],
      [8, expect.stringContaining("déjà donné ligne 7"), expect.stringContaining("already given on line 7")],
      [9, expect.stringContaining("sans valeur"), expect.stringContaining("has no value")],
    ]);
    expect(result.report.filter((entry) => entry.code === "line_invalid").every((entry) => entry.ficheKey === "pratique:atelier" && entry.severity === "warning")).toBe(true);
    expect(result.fiches[0]).toMatchObject({ type: "pratique", citation: "Une brochure" });
    expect(result.fiches[0].objectif).toBeUndefined();
    expect(result.fiches[0].ebauche).toBeUndefined();
  });
});

describe("planning the one-line labels against the wiki", () => {
  const plan = (text: string) => {
    const file = readImportFile(new TextEncoder().encode(text), "guide.md");
    if (!file.ok) throw new Error(file.error.message);
    return planImport(getTestDb(), file);
  };

  it("finds an objectif by its label or its slug, whatever the case, and reports one that is none", () => {
    const planned = plan(
      [
        "# Fiches pratiques",
        "## A",
        "Objectif : concevoir et organiser le service",
        "Descriptif : a.",
        "## B",
        "Objectif : mettre-en-oeuvre-evaluer",
        "Descriptif : b.",
        "## C",
        "Objectif : Évaluer",
        "Descriptif : c.",
      ].join("\n"),
    );
    const [a, b, c] = planned.fiches.map((f) => f.values.objectif);
    expect(a).toEqual(expect.any(Number));
    expect(b).toEqual(expect.any(Number));
    expect(c).toBeNull();
    const unknown = planned.report.filter((entry) => entry.code === "objectif_unknown");
    expect(unknown).toEqual([expect.objectContaining({ ficheKey: "fiche_pratique:c", line: 9, severity: "warning" })]);
    expect(unknown[0].messageFr).toContain("Ligne 9 : objectif « Évaluer » inconnu");
    expect(unknown[0].messageFr).toContain("« Sensibiliser »");
    expect(unknown[0].messageEn).toContain('Line 9: unknown objectif "Évaluer"');
  });

  it("cites the file and section by default, the Source line when given", () => {
    const planned = plan("# Pratiques observées\n## A\nDescriptif : a.\n## B\nSource : Une brochure (2020)\nDescriptif : b.\n");
    expect(planned.fiches.map((f) => f.values.source)).toEqual(["guide.md, Pratiques observées", "Une brochure (2020)"]);
  });

  it("links the fiches a fiche continues, and reports a title no fiche has while keeping it written", () => {
    const garage = insertFiche(getTestDb(), { type: "pratique", titre: "Garage informatique", createdBy: null, statut: "publiee" });
    const planned = plan("# Pratiques observées\n## Soluces\nDescriptif : des rendez-vous.\nDans la suite de : « GARAGE INFORMATIQUE » ; « Un atelier disparu »\n");
    const [paragraph] = planned.fiches[0].values.body.content!;
    expect(paragraph.content).toEqual([
      { type: "text", text: "Dans la suite de : ", marks: [{ type: "bold" }] },
      { type: "ficheLink", attrs: { ficheId: garage.id } },
      { type: "text", text: ", " },
      { type: "text", text: "« Un atelier disparu »" },
      { type: "text", text: "." },
    ]);
    expect(planned.report.filter((entry) => entry.code === "suite_unresolved")).toEqual([
      expect.objectContaining({ ficheKey: "pratique:soluces", line: 4, severity: "warning", messageFr: expect.stringContaining("aucune fiche « Un atelier disparu »") }),
    ]);
  });
});
