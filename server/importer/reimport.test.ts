import fs from "node:fs";
import { count, eq } from "drizzle-orm";
import * as Y from "yjs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/db/factories";
import { acteur, fiche, ficheActeur, ficheUpdate, taxonomyTerm } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { bodyFragment, readFicheContent, setField, setText, textField } from "@/lib/fiche/document";
import { loadDocument } from "../collab/persistence";
import { silentLogger } from "../collab/log";
import { connectClient, editFicheDocument, sessionCookie, startTestServer, synced, waitFor } from "../collab/testing";
import { applyImport } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";
import { LIVRE_BLANC_SEED_FILE } from "./seed";

const livreBlanc = fs.readFileSync(LIVRE_BLANC_SEED_FILE, "utf8");

/** The lines of the Livre blanc from the line `first` up to the line `end`, verbatim. */
function linesOf(first: string, end: string): string {
  const start = livreBlanc.indexOf(`\n${first}\n`);
  const stop = livreBlanc.indexOf(`\n${end}\n`, start);
  if (start === -1 || stop === -1) throw new Error(`no "${first}" … "${end}" in the Livre blanc`);
  return livreBlanc.slice(start + 1, stop);
}

// Five fiches of the annexes, as the Livre blanc writes them (Social Good Week spells the « Khan Academy » that
// KHAN ACADEMY is re-cased from). What a re-import does to a fiche does not depend on the 116 others, and
// importing them all takes seconds: apply.test.ts re-imports the whole document once.
const original = [
  "Annexes",
  linesOf("Pratiques observées, ici et ailleurs", "BIB'INVADERS"),
  linesOf("DOM ASSIST", "ENCYCLOPÉDIE PARTICIPATIVE POUR LES ENFANTS"),
  linesOf("KHAN ACADEMY", "PROJET NUMÉRIQUE DU CENTRE SOCIAL DE CENON"),
  linesOf("SOCIAL GOOD WEEK", "FORMATION PRATIQUE"),
  linesOf("Idées à explorer", "Accompagner les aidants dans la connaissance du numérique"),
].join("\n");

function plan(text: string) {
  const file = readImportFile(new TextEncoder().encode(text), "livre-blanc.txt");
  if (!file.ok) throw new Error(file.error.message);
  return planImport(getTestDb(), file);
}
function ficheBySlug(slug: string) {
  return getTestDb().select().from(fiche).where(eq(fiche.slug, slug)).get()!;
}
function rowCount(table: typeof fiche | typeof acteur | typeof ficheUpdate | typeof ficheActeur): number {
  return getTestDb().select({ n: count() }).from(table).get()!.n;
}
function storedContent(ficheId: number) {
  const loaded = loadDocument(getTestDb(), ficheId)!;
  const content = readFicheContent(loaded.doc);
  const body = bodyFragment(loaded.doc).toString();
  loaded.doc.destroy();
  return { ...content, body };
}
function publicId(slug: string): number {
  return getTestDb().select().from(taxonomyTerm).where(eq(taxonomyTerm.slug, slug)).get()!.id;
}

// The document as a corrected edition could read: DOM ASSIST rewritten and joined by Keolis.
const DOM_DESCRIPTIF = "Maintien à domicile des personnes âgées par un équipement pérenne";
const edition = original
  .replace(DOM_DESCRIPTIF, "Maintien à domicile des personnes âgées grâce à un équipement pérenne")
  .replace("Acteurs : Conseil Départemental de la Gironde et INRIA, CARSAT, UDCCA,...", "Acteurs : Conseil Départemental de la Gironde et INRIA, CARSAT, UDCCA, Keolis");

describe("re-importing the Livre blanc", () => {
  beforeAll(() => {
    expect(applyImport(getTestDb(), plan(original), { viewerId: null }).created.map((f) => f.slug)).toEqual([
      "dom-assist",
      "memoire-des-douves",
      "khan-academy",
      "social-good-week",
      "lien-social-et-numerique",
    ]);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("changes nothing when the same document comes back", () => {
    const before = { fiches: rowCount(fiche), acteurs: rowCount(acteur), updates: rowCount(ficheUpdate), liens: rowCount(ficheActeur) };
    const again = plan(original);
    expect(again.fiches.every((f) => f.action === "unchanged")).toBe(true);
    expect(again.acteurs.every((a) => a.action === "reuse")).toBe(true);
    const outcome = applyImport(getTestDb(), again, { viewerId: null });
    expect([outcome.created.length, outcome.updated.length, outcome.unchanged.length, outcome.acteursCreated.length]).toEqual([0, 0, 5, 0]);
    expect({ fiches: rowCount(fiche), acteurs: rowCount(acteur), updates: rowCount(ficheUpdate), liens: rowCount(ficheActeur) }).toEqual(before);
  });

  it("updates a fiche whose text changed with a forward Yjs update, flags it à vérifier again and tells live editors", async () => {
    const moderator = buildUser({ role: "moderateur" });
    const dom = ficheBySlug("dom-assist");
    getTestDb().update(fiche).set({ aVerifier: false }).where(eq(fiche.id, dom.id)).run();
    const logBefore = getTestDb().select({ id: ficheUpdate.id }).from(ficheUpdate).where(eq(ficheUpdate.ficheId, dom.id)).all().length;
    // An editor has the fiche open: the import's update reaches the copy it had before.
    const server = await startTestServer(getTestDb(), { logger: silentLogger });
    const editor = connectClient(server.baseUrl, dom.id, { cookie: await sessionCookie(moderator.id) });
    try {
      await synced(editor);
      expect(bodyFragment(editor.doc).toString()).toContain("par un équipement pérenne");
      const preview = plan(edition);
      expect(preview.fiches.filter((f) => f.action === "update").map((f) => [f.fiche.key, f.changes])).toEqual([["pratique:dom-assist", ["acteurs", "body"]]]);
      const outcome = applyImport(getTestDb(), preview, { viewerId: moderator.id });
      expect(outcome.updated.map((f) => f.slug)).toEqual(["dom-assist"]);
      expect(outcome.unchanged).toHaveLength(4);
      await waitFor(() => bodyFragment(editor.doc).toString().includes("grâce à un équipement pérenne"), 5000, "the editor did not receive the import");
      // Logged with its author before anything else (the server compacts the log when it unloads the fiche).
      const log = getTestDb().select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, dom.id)).all();
      expect(log).toHaveLength(logBefore + 1);
      expect(log[log.length - 1].userId).toBe(moderator.id);
    } finally {
      editor.destroy();
      await server.stop();
    }
    const updated = ficheBySlug("dom-assist");
    expect(updated).toMatchObject({ id: dom.id, aVerifier: true, statut: "publiee" });
    expect(updated.texte).toContain("grâce à un équipement pérenne");
    const keolis = getTestDb().select().from(acteur).where(eq(acteur.nom, "Keolis")).get()!;
    expect(storedContent(dom.id).acteurs).toContainEqual({ acteurId: keolis.id, role: "porteur" });
    expect(rowCount(fiche)).toBe(5);

  });

  it("keeps what people edited since, reports it, and still applies the rest field by field", () => {
    const person = buildUser();
    const dom = ficheBySlug("dom-assist");
    const khan = ficheBySlug("khan-academy");
    editFicheDocument(
      dom.id,
      person.id,
      (doc) => {
        setText(textField(doc, "titre"), "DOM Assist en Gironde");
        setField(doc, "publics").delete(String(publicId("seniors")));
      },
      getTestDb(),
    );
    editFicheDocument(
      khan.id,
      person.id,
      (doc) => {
        const paragraph = new Y.XmlElement("paragraph");
        paragraph.insert(0, [new Y.XmlText("Complété par l'association en 2024.")]);
        bodyFragment(doc).push([paragraph]);
      },
      getTestDb(),
    );
    const next = edition
      .replace("DOM ASSIST\n\nActeurs", "DOM ASSIST !\n\nActeurs")
      .replace("grâce à un équipement pérenne", "grâce à un équipement durable")
      .replace("(2 200 vidéos en ligne)", "(4 000 vidéos en ligne)");

    const preview = plan(next);
    const planned = (key: string) => preview.fiches.find((f) => f.fiche.key === key)!;
    expect(planned("pratique:dom-assist")).toMatchObject({ action: "update", changes: ["body"], kept: ["titre"] });
    expect(planned("pratique:khan-academy")).toMatchObject({ action: "unchanged", changes: [], kept: ["body"] });
    const kept = preview.report.filter((entry) => entry.code === "edit_kept");
    expect(kept.map((entry) => entry.ficheKey)).toEqual(["pratique:dom-assist", "pratique:khan-academy"]);
    expect(kept[1].messageFr).toBe(
      "« Khan Academy » a été modifiée sur le wiki depuis le dernier import : le texte de la fiche reste comme les contributeurs l'ont écrit, la version du document n'y est pas appliquée.",
    );

    applyImport(getTestDb(), preview, { viewerId: null });
    const domNow = storedContent(dom.id);
    expect(domNow.titre).toBe("DOM Assist en Gironde");
    expect(domNow.body).toContain("grâce à un équipement durable");
    // The public a person removed is not brought back: the document did not change it.
    expect(domNow.publics).not.toContain(publicId("seniors"));
    expect(ficheBySlug("dom-assist").titre).toBe("DOM Assist en Gironde");
    const khanNow = storedContent(khan.id).body;
    expect(khanNow).toContain("Complété par l'association en 2024.");
    expect(khanNow).toContain("(2 200 vidéos en ligne)");

    // The same document again: nothing to write, the kept edits are still reported.
    const again = plan(next);
    expect(again.fiches.every((f) => f.action === "unchanged")).toBe(true);
    expect(again.report.filter((entry) => entry.code === "edit_kept").map((entry) => entry.ficheKey)).toEqual(["pratique:dom-assist", "pratique:khan-academy"]);
  });
});
