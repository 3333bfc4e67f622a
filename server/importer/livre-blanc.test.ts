import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { TAXONOMY_SEED } from "@/db/taxonomies";
import { parseLivreBlanc } from "./livre-blanc";
import { LIVRE_BLANC_SEED_FILE } from "./seed";
import { LIVRE_BLANC_DOCUMENT, type ImportedFiche } from "./types";

const text = fs.readFileSync(LIVRE_BLANC_SEED_FILE, "utf8");
const { fiches, report } = parseLivreBlanc(text);

function fiche(key: string): ImportedFiche {
  const found = fiches.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no fiche ${key}`);
  return found;
}
const names = (f: ImportedFiche) => f.acteurs.filter((a) => !a.generic).map((a) => a.nom);
const issuesOf = (key: string, code: string) => report.filter((entry) => entry.ficheKey === key && entry.code === code);

describe("parseLivreBlanc on the whole Livre blanc", () => {
  /*
   * Counted by hand in the text file:
   * - Annex "Pratiques observées, ici et ailleurs" (lines 1432–2275): 80 lines in capitals, of
   *   which 5 are the second line of a broken title (1765, 2031, 2212, 2246, 2266), so 75 pratiques;
   *   the sub-heading "Actions existantes non développées en atelier" (1960) is not one.
   * - Annex "Idées à explorer" (2276–2658): 42 titles followed by "Acteur(s)" and/or "Public
   *   concerné"; "Quelques pistes supplémentaires…" (2641) is a list with neither, not an idée.
   * - Body boxes (758–1226): 20 items, 16 of them also in the annex (one under another title,
   *   "L'INTERNAUTE PUBLIC" = "Voisins référents"), 4 pratiques only there: Papi's à Brest (818),
   *   FOBAGRA (931), Au Royaume-Uni (1113), Appel à projets solidaires (1212).
   * Total: 75 + 4 = 79 pratiques, 42 idées.
   */
  it("finds every pratique and idée of the annexes, plus the four pratiques only the chapters show", () => {
    expect(fiches.filter((f) => f.type === "pratique")).toHaveLength(79);
    expect(fiches.filter((f) => f.type === "idee")).toHaveLength(42);
    expect(fiches.filter((f) => f.type === "pratique" && f.origine === "annexe")).toHaveLength(75);
    expect(fiches.filter((f) => f.origine === "chapitre").map((f) => f.key)).toEqual([
      "pratique:les-papi-s-a-brest",
      "pratique:fobagra",
      "pratique:au-royaume-uni-une-strategie-tripartite",
      "pratique:appel-a-projets-solidaires",
    ]);
    // The same code reports the acteur spellings merged by the alias table (acteurs.test.ts).
    const copies = report.filter((entry) => entry.code === "duplicate_merged" && entry.messageEn.includes("is also in the annex"));
    expect(copies).toHaveLength(16);
    expect(report.filter((entry) => entry.code === "chapter_only")).toHaveLength(4);
  });

  it("reads DOM ASSIST with its four acteurs and its fields", () => {
    const dom = fiche("pratique:dom-assist");
    expect(dom.acteursRaw).toBe("Conseil Départemental de la Gironde et INRIA, CARSAT, UDCCA,...");
    expect(names(dom)).toEqual(["Conseil Départemental de la Gironde", "INRIA", "CARSAT", "UDCCA"]);
    expect(dom.cible).toBe("Personnes âgées");
    expect(dom.descriptif?.text).toMatch(/^Maintien à domicile des personnes âgées .* serveur principal\.$/);
    expect(dom.elementsSpecifiques?.text).toContain("chercheurs de l'INRIA");
    expect(dom.source).toEqual({ document: LIVRE_BLANC_DOCUMENT, section: "Annexes – Pratiques observées, ici et ailleurs", line: 1449 });
    expect(dom.publics.map((p) => p.slug)).toEqual(["seniors"]);
    expect(dom.themes.map((t) => t.slug)).toContain("sante");
  });

  it("joins a capital title broken over two lines and reports it as uncertain", () => {
    const cenon = fiche("pratique:espace-public-numerique-multi-activites-ville-de-cenon");
    expect(cenon.titreSource).toBe("ESPACE PUBLIC NUMÉRIQUE «MULTI ACTIVITÉS» VILLE DE CENON");
    expect(cenon.titre).toBe("Espace public numérique «Multi activités» Ville de Cenon");
    expect(names(cenon)).toEqual(["Ville de Cenon"]);
    expect(issuesOf(cenon.key, "title_joined")).toEqual([expect.objectContaining({ severity: "warning", line: 1762 })]);
    const pins = fiche("pratique:plateforme-de-services-publics-numeriques-et-sociaux-pins");
    expect(pins.titre).toBe("Plateforme de services publics numériques et sociaux (PINS)");
    expect(report.filter((entry) => entry.code === "title_joined").map((entry) => entry.line)).toEqual([1762, 2029, 2210, 2244, 2264]);
  });

  it("stitches back the SOLHANE descriptif cut by a page break", () => {
    const solhane = fiche("pratique:association-solidarites-numeriques-dont-action-solhane");
    expect(solhane.descriptif?.blocks).toHaveLength(1);
    expect(solhane.descriptif?.text).toContain("accéder à une vie digne et à un emploi stable. Après la désignation des lauréats");
    expect(solhane.source.section).toBe("Annexes – Pratiques observées, ici et ailleurs – Actions existantes non développées en atelier");
    expect(issuesOf(solhane.key, "page_break_stitched")).toEqual([expect.objectContaining({ line: 2025 })]);
    expect(names(solhane)).toEqual(["DUI", "Villes Internet", "ERDF", "MONDIAL ASSISTANCE", "TADEO", "ECOLOGIC", "PLAN CREATIF"]);
  });

  it("merges Aquitanis et Numéricable's chapter copy into the annex fiche and keeps its enjeu", () => {
    const immeubles = fiche("pratique:internet-dans-les-immeubles");
    expect(names(immeubles)).toEqual(["Aquitanis", "Numéricable"]);
    expect(immeubles.cible).toBe("Locataires de ce bailleur");
    expect(immeubles.source.line).toBe(1529);
    expect(immeubles.autresSources).toEqual([{ document: LIVRE_BLANC_DOCUMENT, section: "Enjeux – Stimuler les synergies", line: 1133 }]);
    expect(immeubles.enjeux).toEqual(["stimuler-les-synergies"]);
    expect(immeubles.versionsChapitre[0].descriptif).toContain("un lieu d'échanges (local commun)");
    expect(fiches.filter((f) => f.titreSource === "INTERNET DANS LES IMMEUBLES")).toHaveLength(1);
    expect(issuesOf(immeubles.key, "duplicate_merged")).toEqual([expect.objectContaining({ line: 1133 })]);
  });

  it("recognises an idée the chapter titles differently, and reads its pistes", () => {
    const voisins = fiche("idee:voisins-referents");
    expect(voisins.titresAlternatifs).toEqual(["L'internaute public"]);
    expect(voisins.enjeux).toEqual(["former-les-mediateurs"]);
    expect(voisins.pistes).toHaveLength(1);
    expect(voisins.pistes[0]).toMatch(/^Sur le modèle du « Guide composteur »/);
    expect(voisins.acteursRaw).toBe("Par la collectivité avec les citoyens");
    expect(voisins.acteurs.every((a) => a.generic && a.role === "pressenti")).toBe(true);
    expect(voisins.cible).toBe("Habitants");
    expect(fiches.some((f) => f.key === "idee:l-internaute-public")).toBe(false);

    const dangers = fiche("idee:prevenir-des-dangers-et-former-les-jeunes-au-numerique");
    expect(dangers.descriptif?.blocks[0]).toEqual({ kind: "paragraph", text: "Créer une web radio ou chaîne YouTube pour :" });
    expect(dangers.pistes).toHaveLength(2);
    expect(dangers.publics.map((p) => p.slug)).toEqual(["jeunes"]);
  });

  it("reads an idée's acteurs written as a list", () => {
    const former = fiche("idee:former-les-animateurs-et-les-mediateurs");
    expect(former.acteursRaw).toBe("Les collectivités pour la formation ; Financement par les OPCA des employeurs");
    expect(former.acteurs.map((a) => a.generic)).toEqual([true, true]);
    expect(former.pistes).toHaveLength(3);
  });

  it("keeps T.A.P.A.J's eight acteurs and maps the Mairie's service through the alias table", () => {
    const tapaj = fiche("pratique:t-a-p-a-j");
    expect(tapaj.titre).toBe("T.A.P.A.J");
    expect(names(tapaj)).toEqual(["CEID", "SNCF", "Auchan", "Espaces vert de la Mairie de Bordeaux", "Orange", "Orange Solidarité", "ERDF", "Vinci"]);
    expect(tapaj.acteurs[3]).toMatchObject({ key: "ville de bordeaux espaces verts", organisation: "Ville de Bordeaux", categorie: "public" });
    expect(tapaj.publics.map((p) => p.slug)).toEqual(["jeunes", "personnes-precarite"]);
    expect(tapaj.enjeux).toEqual(["aller-a-la-rencontre-des-publics"]);
  });

  it("pulls web links out of the text", () => {
    const bib = fiche("pratique:bib-invaders");
    expect(bib.descriptif?.text).toBe("Donner leur place aux jeux vidéos dans les bibliothèques");
    expect(bib.liens).toEqual([{ texte: "mediatheques.bordeaux-metropole.fr/zoom/bibinvaders", url: "http://mediatheques.bordeaux-metropole.fr/zoom/bibinvaders" }]);
    expect(bib.elementsSpecifiques?.blocks[1]).toEqual({
      kind: "list",
      items: ["Création de lien intergénérationnel", "Avertissement sur les mauvais usages des jeux vidéos", "Initiation d'une nouvelle habitude de travail commun entre les bibliothèques"],
    });
    expect(fiche("pratique:numeclic").liens.map((l) => l.url)).toEqual(["http://www.numeclic.fr"]);
    expect(fiche("pratique:numeclic").descriptif?.text).not.toContain("numeclic.fr");
  });

  it("imports a chapter-only pratique with its chapter's enjeu and reports its missing fields", () => {
    const papis = fiche("pratique:les-papi-s-a-brest");
    expect(papis.origine).toBe("chapitre");
    expect(papis.enjeux).toEqual(["aller-a-la-rencontre-des-publics"]);
    expect(papis.liens[0].texte).toBe("www.brest.fr/developpement-rayonnement/le-numerique-a-brest/les-papis.html");
    expect(papis.descriptif?.text).toMatch(/^L'accès aux outils du numérique ne va pas de soi/);
    expect(issuesOf(papis.key, "missing_acteur")).toHaveLength(1);
    expect(issuesOf(papis.key, "missing_cible")).toHaveLength(1);
    const appel = fiche("pratique:appel-a-projets-solidaires");
    // The action's second paragraph belongs to it; the chapter's prose after the last field does not.
    expect(appel.descriptif?.text).toContain("Un comité de sélection alloue la somme de 2000 à 5000 €");
    expect(appel.elementsSpecifiques?.text).toBe("Déjà 1 700 salariés et retraités ont répondu à ces appels à projets. 800 projets ont été soutenus par la Fondation Orange.");
    expect(appel.acteurs[0]).toMatchObject({ nom: "Fondation Orange", sigle: "FO" });
  });

  it("reports missing fields and the list of pistes that is not an idée", () => {
    expect(issuesOf("pratique:mooc", "missing_acteur")).toHaveLength(1);
    expect(issuesOf("pratique:liste-unique-d-inscription-aux-ehpad-site-informatique-du-coderpa", "missing_cible")).toHaveLength(1);
    expect(report.filter((entry) => entry.code === "missing_descriptif")).toEqual([]);
    expect(report.find((entry) => entry.code === "block_ignored")).toMatchObject({ line: 2641 });
    expect(fiches.some((f) => f.titreSource.startsWith("Quelques pistes"))).toBe(false);
  });

  it("reads acteurs spread over a sentence and a second paragraph", () => {
    expect(names(fiche("pratique:social-good-week"))).toEqual(["HelloAsso", "La Philomathique", "La Ruche"]);
    expect(fiche("pratique:agir-pour-me-preparer-a-l-emploi").intervenantsRaw).toBe(
      "coach en image, coiffeuse, esthéticienne, associations pour les simulations d'entretien d'embauche",
    );
    const khan = fiche("pratique:khan-academy");
    expect(khan.acteurs.map((a) => [a.nom, a.role])).toEqual([["KHAN Academy", "porteur"], ["Fondation Orange", "partenaire"]]);
    expect(khan.cible).toBe("Élèves de l'élémentaire aux préparations grandes écoles ; Publics éloignés des apprentissages classiques");
  });

  it("writes all-capital titles in sentence case from the document's own spelling", () => {
    expect(fiche("pratique:tablette-pour-personnes-agees").titre).toBe("Tablette pour personnes âgées");
    expect(fiche("pratique:khan-academy").titre).toBe("Khan Academy");
    expect(fiche("pratique:formation-bp-jeps-tic").titre).toBe("Formation BP JEPS TIC");
    expect(fiche("pratique:115-du-particulier").titre).toBe("115 du particulier");
    expect(fiche("pratique:liste-unique-d-inscription-aux-ehpad-site-informatique-du-coderpa").titre).toBe(
      "Liste unique d'inscription aux EHPAD. Site informatique du CODERPA",
    );
    expect(fiche("idee:identifier-evaluer-et-publier-les-dispositifs-existants").titre).toBe("Identifier, évaluer et publier les dispositifs existants");
    expect(fiche("pratique:au-royaume-uni-une-strategie-tripartite").titre).toBe("Au Royaume-Uni, une stratégie tripartite");
    expect(fiche("pratique:oui-share-cartographie").titre).toBe("OuiShare cartographie");
    expect(fiche("pratique:y-aca-accompagnement-culturel-en-aquitaine").titre).toBe("Y'ACA (accompagnement culturel en Aquitaine)");
    expect(fiche("pratique:collectif-regards-citoyens").titre).toBe("Collectif Regards Citoyens");
    // "ÉLECTRONIQUE" lost its accent in the title; the prose writes "électroniques".
    expect(fiche("pratique:vote-electronique").titre).toBe("Vote électronique");
  });

  it("rejoins the words the PDF's line breaks cut", () => {
    const cartographie = fiche("pratique:oui-share-cartographie");
    expect(cartographie.descriptif?.text).toContain("Création de données (géolocalisation, public, auteur, période...)");
  });

  it("gives stable, unique keys: a second parse yields the same ones", () => {
    const keys = fiches.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(parseLivreBlanc(text).fiches.map((f) => f.key)).toEqual(keys);
    for (const key of keys) expect(key).toMatch(/^(pratique|idee):[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("only suggests terms that the taxonomy seed defines", () => {
    const slugs = (taxonomy: "theme" | "public" | "enjeu") => new Set(TAXONOMY_SEED[taxonomy].map((term) => term.slug));
    for (const f of fiches) {
      for (const theme of f.themes) expect(slugs("theme")).toContain(theme.slug);
      for (const publicCible of f.publics) expect(slugs("public")).toContain(publicCible.slug);
      for (const enjeu of f.enjeux) expect(slugs("enjeu")).toContain(enjeu);
      expect(f.source.document).toBe(LIVRE_BLANC_DOCUMENT);
    }
    expect(fiches.filter((f) => f.enjeux.length > 0)).toHaveLength(20);
  });
});
