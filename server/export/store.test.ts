import fs from "node:fs";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu } from "@/db/factories";
import { acteur, fiche, ficheTerm, ficheUpdate, lieu, taxonomyTerm } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { SYSTEM } from "../authorize";
import { setContentLicence } from "../licence";
import { countExportBuilds, exportsDir, exportVersion, getStoredExport } from "./store";
import { buildExportFiche, firstTerm, termId } from "./test-fiches";

const db = getTestDb();
const porteur = buildActeur({ nom: "Association Le Lien", categorie: "non_lucratif", typologie: "association" });
const local = buildLieu(porteur.id, { nom: "Local du Lien" });
const published = buildExportFiche(db, { titre: "Café numérique du Grand Parc", acteurs: [{ acteurId: porteur.id, role: "porteur" }], lieux: [local.id] });
const draft = buildExportFiche(db, { titre: "Brouillon du Grand Parc", statut: "brouillon" });

const filesOf = (name: string) => fs.readdirSync(exportsDir()).filter((f) => f.startsWith(`${name}.`));

/** An update of a fiche's Yjs document, as the log stores it. */
function yjsUpdate(): Buffer {
  const doc = new Y.Doc();
  doc.getMap("fields").set("quartier", "Grand Parc");
  const update = Buffer.from(Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return update;
}

// Each edit goes straight to its table, as tests and some writers do: the version may not rely on updated_at.
const EDITS: [string, () => void][] = [
  ["a fiche's statut", () => db.update(fiche).set({ statut: "archivee" }).where(eq(fiche.id, published.id)).run()],
  ["a fiche hidden by a moderator", () => db.update(fiche).set({ masquee: true }).where(eq(fiche.id, published.id)).run()],
  ["a draft published", () => db.update(fiche).set({ statut: "publiee" }).where(eq(fiche.id, draft.id)).run()],
  ["a public fiche's projected html", () => db.update(fiche).set({ html: "<p>Autre texte</p>" }).where(eq(fiche.id, published.id)).run()],
  ["a public fiche's body (its Yjs log)", () => db.insert(ficheUpdate).values({ ficheId: published.id, update: yjsUpdate() }).run()],
  ["a term given to a fiche", () => db.insert(ficheTerm).values({ ficheId: published.id, termId: termId(db, "theme", firstTerm(db, "theme", 1)) }).run()],
  ["a taxonomy label", () => db.update(taxonomyTerm).set({ label: "Nouveau libellé" }).where(eq(taxonomyTerm.slug, firstTerm(db, "theme"))).run()],
  ["an acteur's name", () => db.update(acteur).set({ nom: "Le Lien" }).where(eq(acteur.id, porteur.id)).run()],
  ["a lieu's address", () => db.update(lieu).set({ adresse: "1 rue Neuve" }).where(eq(lieu.id, local.id)).run()],
  ["the content licence", () => setContentLicence(db, SYSTEM, "cc-by-sa-4.0")],
];

describe("stored exports", () => {
  it.each(EDITS)("take a new version when %s changes", (_, edit) => {
    const before = exportVersion(db);
    let after = before;
    // Each edit is rolled back, so that the next one starts from the same wiki.
    expect(() =>
      db.transaction((tx) => {
        edit();
        after = exportVersion(db);
        tx.rollback();
      }),
    ).toThrow("Rollback");
    expect(after).not.toBe(before);
    expect(exportVersion(db)).toBe(before);
  });

  it("keep the version while nothing exported changes: a draft's body is not exported", () => {
    const before = exportVersion(db);
    db.insert(ficheUpdate).values({ ficheId: draft.id, update: yjsUpdate() }).run();
    expect(exportVersion(db)).toBe(before);
  });

  it("build each export once per version, into a private file under DATA_DIR/exports, and replace it after an edit", async () => {
    const builds = countExportBuilds();
    const first = await getStoredExport(db, "fiches.json");
    expect(countExportBuilds()).toBe(builds + 1);
    expect(first.file.startsWith(exportsDir())).toBe(true);
    expect(fs.statSync(first.file).mode & 0o777).toBe(0o600);
    const json = JSON.parse(fs.readFileSync(first.file, "utf8"));
    expect(json.fiches.map((f: { titre: string }) => f.titre)).toEqual([published.titre]);
    expect(first.etag).toMatch(/^"[\w-]+"$/);

    expect(await getStoredExport(db, "fiches.json")).toBe(first);
    expect(countExportBuilds()).toBe(builds + 1);

    db.update(fiche).set({ titre: "Café numérique du Grand Parc (Bordeaux)" }).where(eq(fiche.id, published.id)).run();
    const second = await getStoredExport(db, "fiches.json");
    expect(countExportBuilds()).toBe(builds + 2);
    expect(second.file).not.toBe(first.file);
    expect(second.etag).not.toBe(first.etag);
    expect(fs.readFileSync(second.file, "utf8")).toContain("Café numérique du Grand Parc (Bordeaux)");
    // The old version is gone, and no temporary file is left behind.
    expect(filesOf("fiches.json")).toEqual([second.file.slice(exportsDir().length + 1)]);
  });

  it("build a missing version once for concurrent requests", async () => {
    const builds = countExportBuilds();
    const stored = await Promise.all([1, 2, 3, 4, 5, 6].map(() => getStoredExport(db, "fiches.zip")));
    expect(countExportBuilds()).toBe(builds + 1);
    expect(new Set(stored).size).toBe(1);
    expect(filesOf("fiches.zip")).toHaveLength(1);
  });

  it("give lieux.csv its count of skipped lieux and a dated name", async () => {
    const stored = await getStoredExport(db, "lieux.csv");
    expect(stored.headers["x-lieux-skipped"]).toMatch(/^\d+$/);
    expect(stored.filename).toMatch(/^lieux-mediation-numerique-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(fs.readFileSync(stored.file, "utf8")).toContain("Local du Lien");
  });
});
