import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { openDatabase, type Db } from "@/db/client";
import { buildActeur, buildLieu } from "@/db/factories";
import { migrateDatabase } from "@/db/migrate";
import { fiche, membership } from "@/db/schema";
import { seedTaxonomies } from "@/db/seed";
import { countExportableFiches } from "@/db/queries/fiche-export";
import { getTestDb } from "@/db/testing";
import { LICENCES } from "@/lib/licence";
import { importFichesJson } from "../importer/fiches-json-apply";
import { readFichesJson } from "../importer/fiches-json";
import { SYSTEM } from "../authorize";
import { setContentLicence } from "../licence";
import {
  collectExportedFiches,
  exportActeursCsv,
  exportArchive,
  exportContext,
  exportFichesCsv,
  exportFichesJson,
  getExportedFiche,
  renderFicheMarkdown,
  type ExportedFiche,
} from "./index";
import { buildExportFiche, firstTerm, termId } from "./test-fiches";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

/** Another wiki: an empty database of its own, migrated and seeded with the taxonomies. */
function emptyWiki(): Db {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-export-target-"));
  dirs.push(dir);
  const db = openDatabase(path.join(dir, "wiki.sqlite"));
  migrateDatabase(db);
  seedTaxonomies(db);
  return db;
}

// One database for the file: each test builds its own fiches and looks only at them.
const db = getTestDb();
const porteur = buildActeur({ nom: "Association Le Lien", categorie: "non_lucratif", typologie: "association" });
const partenaire = buildActeur({ nom: "Ville de Bordeaux", categorie: "public", typologie: "collectivite_territoriale" });
const lieu = buildLieu(porteur.id, { nom: "Local du Lien" });

const published = buildExportFiche(db, {
  titre: "Café numérique du Grand Parc",
  commune: "Bordeaux",
  quartier: "Grand Parc",
  lienWeb: "https://exemple.org/cafe",
  source: "Livre blanc de la Solidarité numérique",
  etat: "en_cours",
  acteurs: [
    { acteurId: porteur.id, role: "porteur" },
    { acteurId: partenaire.id, role: "partenaire" },
  ],
  themes: [termId(db, "theme", firstTerm(db, "theme"))],
  themesSuggeres: [termId(db, "theme", "sante")],
  ebauche: true,
  publics: [termId(db, "public", firstTerm(db, "public"))],
  enjeux: [termId(db, "enjeu", firstTerm(db, "enjeu"))],
  objectif: termId(db, "objectif", firstTerm(db, "objectif")),
  lieux: [lieu.id],
});
const archived = buildExportFiche(db, { titre: "Bus numérique des marchés", type: "idee", statut: "archivee", acteurs: [{ acteurId: partenaire.id, role: "pressenti" }] });
const draft = buildExportFiche(db, { titre: "Brouillon secret", statut: "brouillon" });
const hidden = buildExportFiche(db, { titre: "Fiche masquée par la modération", masquee: true });
const merged = buildExportFiche(db, { titre: "Doublon fusionné" });
db.update(fiche).set({ redirectToId: published.id }).where(eq(fiche.id, merged.id)).run();

const titles = (fiches: { titre: string }[]) => fiches.map((f) => f.titre);

describe("fiche exports", () => {
  it("export published and archived fiches only: never a draft, a hidden or a merged fiche", () => {
    const context = exportContext(db);
    expect(titles(collectExportedFiches(db, context))).toEqual([published.titre, archived.titre]);
    expect(countExportableFiches(db)).toBe(2);
    const json = JSON.parse(exportFichesJson(db, context));
    expect(titles(json.fiches)).toEqual([published.titre, archived.titre]);
    const csv = exportFichesCsv(db, context);
    for (const secret of [draft, hidden, merged]) {
      expect(csv).not.toContain(secret.titre);
      expect(getExportedFiche(db, secret.slug, context)).toBeNull();
    }
    const names = Object.keys(unzipSync(exportArchive(db, context).zip));
    expect(names.filter((n) => n.endsWith(".md") && n !== "README.md").sort()).toEqual([`fiches/${archived.slug}.md`, `fiches/${published.slug}.md`]);
    expect(names.join("\n")).not.toMatch(/brouillon-secret|masquee|doublon/);
  });

  it("describe a fiche with its fields, acteurs and roles, terms by slug, body as ProseMirror JSON and HTML", () => {
    const exported = getExportedFiche(db, published.slug, exportContext(db))!;
    expect(exported).toMatchObject({
      slug: "cafe-numerique-du-grand-parc",
      type: "pratique",
      statut: "publiee",
      etat: "en_cours",
      commune: "Bordeaux",
      quartier: "Grand Parc",
      lienWeb: "https://exemple.org/cafe",
      source: "Livre blanc de la Solidarité numérique",
      ebauche: true,
      themes: [{ slug: firstTerm(db, "theme") }],
      // Suggested at import, not confirmed: apart, so that a re-import does not confirm them.
      themesSuggeres: [{ slug: "sante", label: "Santé" }],
      publics: [{ slug: firstTerm(db, "public") }],
      enjeux: [{ slug: firstTerm(db, "enjeu") }],
      objectif: { slug: firstTerm(db, "objectif") },
      lieux: [{ nom: "Local du Lien", acteurSlug: porteur.slug }],
    });
    expect(exported.acteurs).toEqual([
      { slug: porteur.slug, nom: "Association Le Lien", categorie: "non_lucratif", typologie: "association", role: "porteur" },
      { slug: partenaire.slug, nom: "Ville de Bordeaux", categorie: "public", typologie: "collectivite_territoriale", role: "partenaire" },
    ]);
    expect(exported.body.content?.map((n) => n.type)).toEqual(["heading", "paragraph", "bulletList", "heading", "paragraph", "orderedList", "table"]);
    expect(exported.html).toContain("<strong>chaque mardi</strong>");
    expect(exported.url).toMatch(/\/fiches\/cafe-numerique-du-grand-parc$/);
  });

  it("carry the licence chosen by the admin in every format", () => {
    setContentLicence(db, SYSTEM, "cc-by-sa-4.0");
    const licence = LICENCES["cc-by-sa-4.0"];
    const context = exportContext(db);
    expect(JSON.parse(exportFichesJson(db, context)).licence).toEqual({ id: "cc-by-sa-4.0", name: licence.name, url: licence.url });
    for (const csv of [exportFichesCsv(db, context), exportActeursCsv(db, context)]) {
      const [header, first] = csv.split("\r\n");
      expect(header.split(",").at(-1)).toBe("licence");
      expect(first).toContain(licence.url);
    }
    const markdown = renderFicheMarkdown(getExportedFiche(db, published.slug, context)!, context);
    expect(markdown).toContain(`licence:\n  id: "cc-by-sa-4.0"\n  name: ${JSON.stringify(licence.name)}\n  url: "${licence.url}"\n---`);
    const files = unzipSync(exportArchive(db, context).zip);
    const readme = strFromU8(files["README.md"]);
    expect(readme).toContain(licence.name);
    expect(readme).toContain(licence.url);
    expect(readme).toContain(context.exportedAt.toISOString());
    expect(strFromU8(files[`fiches/${published.slug}.md`])).toContain(licence.url);
    setContentLicence(db, SYSTEM, "etalab-2.0");
    expect(JSON.parse(exportFichesJson(db, exportContext(db))).licence.id).toBe("etalab-2.0");
  });

  it("write a fiche as Markdown: front matter with its fields, then its title and body", () => {
    const context = exportContext(db);
    const markdown = renderFicheMarkdown(getExportedFiche(db, published.slug, context)!, context);
    expect(markdown.startsWith('---\ntitre: "Café numérique du Grand Parc"\nslug: "cafe-numerique-du-grand-parc"\n')).toBe(true);
    expect(markdown).toContain(`acteurs:\n  - nom: "Association Le Lien"\n    slug: "${porteur.slug}"\n    role: "porteur"\n`);
    expect(markdown).toContain(`themes: ["${firstTerm(db, "theme")}"]`);
    expect(markdown).toContain("---\n\n# Café numérique du Grand Parc\n\n## Descriptif de l'action\n\nUn café **chaque mardi** pour apprendre la *tablette*.\n");
    expect(markdown).toContain("| Jour | Heure |\n| --- | --- |\n| Mardi | 10 h |");
  });

  it("round-trip: the JSON export imported into an empty wiki gives the same fiches", () => {
    const context = exportContext(db);
    const exported = exportFichesJson(db, context);
    const read = readFichesJson(new TextEncoder().encode(exported), "fiches.json");
    if (!read.ok) throw new Error(read.error.message);

    const target = emptyWiki();
    const outcome = importFichesJson(target, read.document, { viewerId: null });
    expect(outcome.created.map((f) => f.slug)).toEqual([published.slug, archived.slug]);
    expect(outcome.acteursCreated.map((a) => a.nom).sort()).toEqual(["Association Le Lien", "Ville de Bordeaux"]);
    // Acteurs read from a document have no member until their people join them.
    expect(target.select().from(membership).all()).toEqual([]);

    const comparable = ({ url: _u, acteurs, lieux: _l, createdAt: _c, updatedAt: _up, contentUpdatedAt: _cu, ...rest }: ExportedFiche) => ({
      ...rest,
      acteurs: acteurs.map(({ slug: _s, ...a }) => a),
    });
    const again = collectExportedFiches(target, exportContext(target));
    expect(again.map(comparable)).toEqual(collectExportedFiches(db, context).map(comparable));
    expect(again.map((f) => f.createdAt)).toEqual([published.createdAt.toISOString(), archived.createdAt.toISOString()]);

    // Importing the same file again duplicates nothing.
    const second = importFichesJson(target, read.document, { viewerId: null });
    expect(second.created).toEqual([]);
    expect(second.skipped.map((s) => s.slug)).toEqual([published.slug, archived.slug]);
    target.$client.close();
  });

  it("neutralise a CSV cell that a spreadsheet would run as a formula", () => {
    const db2 = getTestDb();
    const evil = buildExportFiche(db2, { titre: '=HYPERLINK("http://evil.example";"Cliquez")', commune: "@SUM(A1)" });
    const csv = exportFichesCsv(db2, exportContext(db2));
    const line = csv.split("\r\n").find((l) => l.startsWith(`${evil.slug},`))!;
    expect(line).toContain(`,"'=HYPERLINK(""http://evil.example"";""Cliquez"")",`);
    expect(line).toContain(",'@SUM(A1),");
    expect(line).not.toMatch(/,[=+\-@]/);
  });
});
