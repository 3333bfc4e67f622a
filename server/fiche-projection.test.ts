import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { getTestDb } from "@/db/testing";
import { buildActeur, buildLieu, buildUser } from "@/db/factories";
import { acteur, fiche, ficheActeur, ficheLieu, ficheTerm, taxonomyTerm } from "@/db/schema";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { bodyFragment, writeFicheContent } from "@/lib/fiche/document";
import { getFicheSchema } from "@/lib/editor/extensions";
import { appendUpdate } from "./collab/persistence";
import { projectFiche, projectFicheFromStorage } from "./fiche-projection";
import { buildFicheWithBody, ficheLinkNode, paragraph, text } from "./wiki-link-testing";

let seq = 0;
function buildFicheRow() {
  return getTestDb().insert(fiche).values({ slug: `fiche-${++seq}`, type: "pratique", createdBy: buildUser().id }).returning().get();
}
function termId(taxonomy: Taxonomy, slug: string): number {
  return getTestDb().select().from(taxonomyTerm).where(and(eq(taxonomyTerm.taxonomy, taxonomy), eq(taxonomyTerm.slug, slug))).get()!.id;
}
function linksOf(ficheId: number) {
  const db = getTestDb();
  return {
    acteurs: db.select({ acteurId: ficheActeur.acteurId, role: ficheActeur.role }).from(ficheActeur).where(eq(ficheActeur.ficheId, ficheId)).orderBy(ficheActeur.acteurId).all(),
    terms: db.select({ id: ficheTerm.termId }).from(ficheTerm).where(eq(ficheTerm.ficheId, ficheId)).orderBy(ficheTerm.termId).all().map((r) => r.id),
    lieux: db.select({ id: ficheLieu.lieuId }).from(ficheLieu).where(eq(ficheLieu.ficheId, ficheId)).all().map((r) => r.id),
  };
}
function rowOf(ficheId: number) {
  return getTestDb().select().from(fiche).where(eq(fiche.id, ficheId)).get()!;
}

describe("projectFiche", () => {
  it("projects suggested themes apart from confirmed ones, and the ébauche mark", () => {
    const db = getTestDb();
    const f = buildFicheRow();
    const emploi = termId("theme", "emploi");
    const sante = termId("theme", "sante");
    const doc = new Y.Doc();
    writeFicheContent(doc, { titre: "Atelier CV", ebauche: true, themes: [emploi], themesSuggeres: [emploi, sante] });
    projectFiche(db, f.id, doc);
    const terms = () =>
      db.select({ termId: ficheTerm.termId, suggested: ficheTerm.suggested }).from(ficheTerm).where(eq(ficheTerm.ficheId, f.id)).orderBy(ficheTerm.termId).all();
    // A theme both confirmed and suggested is confirmed.
    expect(terms()).toEqual(
      [
        { termId: emploi, suggested: false },
        { termId: sante, suggested: true },
      ].sort((a, b) => a.termId - b.termId),
    );
    expect(rowOf(f.id).ebauche).toBe(true);

    // Confirming the suggestion moves it; clearing the mark clears the column.
    writeFicheContent(doc, { ebauche: false, themes: [emploi, sante], themesSuggeres: [] });
    expect(projectFiche(db, f.id, doc)).toBe(true);
    expect(terms().every((t) => !t.suggested)).toBe(true);
    expect(terms()).toHaveLength(2);
    expect(rowOf(f.id).ebauche).toBe(false);
  });

  it("writes the content columns and the links from the document", () => {
    const db = getTestDb();
    const f = buildFicheRow();
    const mediatheque = buildActeur();
    const asso = buildActeur();
    const salle = buildLieu(mediatheque.id);
    const doc = new Y.Doc();
    writeFicheContent(doc, {
      type: "pratique",
      titre: "  Atelier\nseniors ",
      commune: "Bordeaux",
      quartier: "Bastide",
      lienWeb: "https://exemple.fr",
      etat: "en_cours",
      themes: [termId("theme", "e-inclusion")],
      publics: [termId("public", "seniors")],
      enjeux: [termId("enjeu", "former-les-mediateurs")],
      lieux: [salle.id],
      acteurs: [
        { acteurId: mediatheque.id, role: "porteur" },
        { acteurId: asso.id, role: "partenaire" },
      ],
    });
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Chaque mardi.")]);
    bodyFragment(doc).insert(0, [p]);

    expect(projectFiche(db, f.id, doc)).toBe(true);
    expect(rowOf(f.id)).toMatchObject({
      titre: "Atelier seniors",
      commune: "Bordeaux",
      etat: "en_cours",
      fields: { quartier: "Bastide", lienWeb: "https://exemple.fr", source: "", extrait: "Chaque mardi." },
      html: "<p>Chaque mardi.</p>",
      texte: "Chaque mardi.",
    });
    expect(linksOf(f.id)).toEqual({
      acteurs: [
        { acteurId: mediatheque.id, role: "porteur" },
        { acteurId: asso.id, role: "partenaire" },
      ],
      terms: [termId("theme", "e-inclusion"), termId("public", "seniors"), termId("enjeu", "former-les-mediateurs")].sort((a, b) => a - b),
      lieux: [salle.id],
    });
  });

  it("rebuilds the links after a field changes in the document", () => {
    const db = getTestDb();
    const f = buildFicheRow();
    const a = buildActeur();
    const b = buildActeur();
    const doc = new Y.Doc();
    writeFicheContent(doc, { themes: [termId("theme", "culture")], acteurs: [{ acteurId: a.id, role: "porteur" }] });
    projectFiche(db, f.id, doc);

    writeFicheContent(doc, {
      themes: [termId("theme", "sante"), termId("theme", "emploi")],
      objectif: termId("objectif", "analyser"),
      acteurs: [
        { acteurId: a.id, role: "financeur" },
        { acteurId: b.id, role: "porteur" },
      ],
    });
    expect(projectFiche(db, f.id, doc)).toBe(true);
    expect(linksOf(f.id)).toEqual({
      acteurs: [
        { acteurId: a.id, role: "financeur" },
        { acteurId: b.id, role: "porteur" },
      ],
      terms: [termId("theme", "sante"), termId("theme", "emploi"), termId("objectif", "analyser")].sort((x, y) => x - y),
      lieux: [],
    });
  });

  it("ignores ids that do not exist or belong to another taxonomy, and unknown roles", () => {
    const db = getTestDb();
    const f = buildFicheRow();
    const kept = buildActeur();
    const gone = buildActeur();
    const doc = new Y.Doc();
    writeFicheContent(doc, {
      themes: [termId("theme", "citoyennete"), termId("public", "jeunes"), 999_999],
      publics: [termId("public", "jeunes")],
      lieux: [888_888],
      objectif: termId("theme", "culture"),
      acteurs: [
        { acteurId: kept.id, role: "porteur" },
        { acteurId: gone.id, role: "partenaire" },
        { acteurId: 777_777, role: "porteur" },
      ],
    });
    doc.getMap("acteurs").set(String(kept.id + 1000), "chef");
    db.delete(acteur).where(eq(acteur.id, gone.id)).run();

    projectFiche(db, f.id, doc);
    expect(linksOf(f.id)).toEqual({
      acteurs: [{ acteurId: kept.id, role: "porteur" }],
      terms: [termId("theme", "citoyennete"), termId("public", "jeunes")].sort((x, y) => x - y),
      lieux: [],
    });
  });

  it("changes nothing, not even contentUpdatedAt, when the document says the same", () => {
    const db = getTestDb();
    const f = buildFicheRow();
    const doc = new Y.Doc();
    writeFicheContent(doc, { titre: "Stable", themes: [termId("theme", "culture")] });
    projectFiche(db, f.id, doc);
    const first = rowOf(f.id).contentUpdatedAt;
    expect(first).toBeInstanceOf(Date);
    expect(projectFiche(db, f.id, doc)).toBe(false);
    expect(rowOf(f.id).contentUpdatedAt).toEqual(first);
  });

  it("renders again inside its transaction when a link's target or an acteur changed since it rendered", () => {
    const db = getTestDb();
    const cible = buildFicheWithBody(db, { titre: "Repair café" });
    const porteur = buildActeur();
    const f = buildFicheRow();
    const doc = new Y.Doc();
    writeFicheContent(doc, { titre: "Réemploi", acteurs: [{ acteurId: porteur.id, role: "porteur" }] });
    prosemirrorJSONToYXmlFragment(getFicheSchema(), { type: "doc", content: [paragraph(text("Voir "), ficheLinkNode(cible.id))] }, bodyFragment(doc));
    // Another writer commits between the rendering and the write transaction.
    let raced = false;
    const racing = Object.create(db, {
      transaction: {
        value: (...args: Parameters<typeof db.transaction>) => {
          if (!raced) {
            raced = true;
            db.update(fiche).set({ titre: "Atelier vélo" }).where(eq(fiche.id, cible.id)).run();
            db.delete(acteur).where(eq(acteur.id, porteur.id)).run();
          }
          return db.transaction(...args);
        },
      },
    }) as typeof db;

    expect(projectFiche(racing, f.id, doc)).toBe(true);
    expect(raced).toBe(true);
    expect(rowOf(f.id).texte).toBe("Voir Atelier vélo");
    expect(linksOf(f.id).acteurs).toEqual([]);
  });

  it("returns false for a fiche that no longer exists", () => {
    const doc = new Y.Doc();
    writeFicheContent(doc, { titre: "Orpheline" });
    expect(projectFiche(getTestDb(), 123_456, doc)).toBe(false);
  });
});

describe("projectFicheFromStorage", () => {
  it("projects the stored snapshot and logged updates", () => {
    const db = getTestDb();
    const f = buildFicheRow();
    const doc = new Y.Doc();
    writeFicheContent(doc, { titre: "Depuis le journal", commune: "Mérignac" });
    appendUpdate(db, f.id, Y.encodeStateAsUpdate(doc), null);
    expect(projectFicheFromStorage(db, f.id)).toBe(true);
    expect(rowOf(f.id)).toMatchObject({ titre: "Depuis le journal", commune: "Mérignac" });
    expect(projectFicheFromStorage(db, buildFicheRow().id)).toBe(false);
  });
});
