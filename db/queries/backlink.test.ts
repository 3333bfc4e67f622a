import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "./viewer";
import { buildActeur, buildUser } from "@/db/factories";
import { buildFicheWithBody, ficheLinkNode, mentionNode, paragraph, replaceBody, text } from "@/server/wiki-link-testing";
import { listFichesCitingActeur, listFichesCitingFiche } from "./backlink";

const db = getTestDb();

describe("listFichesCitingFiche and listFichesCitingActeur", () => {
  it("list the citing fiches the viewer may read, by title, a draft only to those who may read it", () => {
    const author = buildUser();
    const asso = buildActeur();
    const cible = buildFicheWithBody(db, { titre: "Cible" });
    const publiee = buildFicheWithBody(db, { titre: "Zèbre numérique", body: [paragraph(ficheLinkNode(cible.id), mentionNode(asso.id))] });
    const archivee = buildFicheWithBody(db, { titre: "Ancienne action", statut: "archivee", body: [paragraph(ficheLinkNode(cible.id))] });
    const draft = buildFicheWithBody(db, { titre: "Brouillon citant", statut: "brouillon", createdBy: author.id, body: [paragraph(text("Voir "), ficheLinkNode(cible.id), mentionNode(asso.id))] });
    buildFicheWithBody(db, { titre: "Sans lien", body: [paragraph(text("Rien"))] });

    const expected = [
      { id: archivee.id, slug: archivee.slug, titre: "Ancienne action", type: "pratique", statut: "archivee" },
      { id: publiee.id, slug: publiee.slug, titre: "Zèbre numérique", type: "pratique", statut: "publiee" },
    ];
    expect(listFichesCitingFiche(db, cible.id, null)).toEqual(expected);
    expect(listFichesCitingFiche(db, cible.id, getViewerById(db, buildUser().id))).toEqual(expected);
    expect(listFichesCitingFiche(db, cible.id, getViewerById(db, author.id)).map((b) => b.titre)).toEqual(["Ancienne action", "Brouillon citant", "Zèbre numérique"]);
    expect(listFichesCitingFiche(db, cible.id, getViewerById(db, buildUser({ role: "moderateur" }).id)).map((b) => b.id)).toContain(draft.id);

    expect(listFichesCitingActeur(db, asso.id, null).map((b) => b.id)).toEqual([publiee.id]);
    expect(listFichesCitingActeur(db, asso.id, getViewerById(db, author.id)).map((b) => b.id)).toEqual([draft.id, publiee.id]);
  });

  it("does not list a fiche as citing itself", () => {
    const f = buildFicheWithBody(db, { titre: "Autoréférence" });
    replaceBody(db, f.id, [paragraph(text("Cette fiche : "), ficheLinkNode(f.id))]);
    const other = buildFicheWithBody(db, { titre: "Autre", body: [paragraph(ficheLinkNode(f.id))] });
    expect(listFichesCitingFiche(db, f.id, null).map((b) => b.id)).toEqual([other.id]);
  });
});
