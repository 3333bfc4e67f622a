import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { buildActeur, buildUser } from "@/db/factories";
import { acteur, fiche, ficheLink, searchFicheDoc } from "@/db/schema";
import { updateActeur } from "./acteur";
import { SYSTEM } from "./authorize";
import { renderFicheHtml, renderFicheTexte } from "./fiche-html";
import { collectWikiLinkIds } from "./fiche-links";
import { setFicheStatut } from "./fiche";
import { indexFiche } from "./search";
import { buildFicheWithBody, ficheLinkNode, ficheRow, mentionNode, paragraph, renameFiche, replaceBody, text } from "./wiki-link-testing";

const db = getTestDb();

function linksOf(ficheId: number) {
  return db
    .select({ targetFicheId: ficheLink.targetFicheId, targetActeurId: ficheLink.targetActeurId })
    .from(ficheLink)
    .where(eq(ficheLink.ficheId, ficheId))
    .all()
    .sort((a, b) => (a.targetFicheId ?? 0) - (b.targetFicheId ?? 0) || (a.targetActeurId ?? 0) - (b.targetActeurId ?? 0));
}

const moderateur = () => getViewerById(db, buildUser({ role: "moderateur" }).id)!;

describe("the projection of wiki links", () => {
  it("stores one fiche_link row per linked fiche and mentioned acteur, ignoring unknown ids", () => {
    const cible = buildFicheWithBody(db, { titre: "Café numérique" });
    const asso = buildActeur({ nom: "Les Petits Débrouillards" });
    const citing = buildFicheWithBody(db, {
      titre: "Atelier tablettes",
      body: [paragraph(text("Voir "), ficheLinkNode(cible.id), text(" avec "), mentionNode(asso.id), text(" et "), ficheLinkNode(cible.id), ficheLinkNode(987_654), mentionNode(876_543))],
    });

    expect(linksOf(citing.id)).toEqual([
      { targetFicheId: null, targetActeurId: asso.id },
      { targetFicheId: cible.id, targetActeurId: null },
    ]);
    const row = ficheRow(db, citing.id);
    expect(row.html).toBe(
      `<p>Voir <span data-fiche-id="${cible.id}" class="wiki-link wiki-link--fiche"><a href="/fiches/${cible.slug}">Café numérique</a></span>` +
        ` avec <span data-acteur-id="${asso.id}" class="wiki-link wiki-link--acteur"><a href="/acteurs/${asso.slug}">Les Petits Débrouillards</a></span>` +
        ` et <span data-fiche-id="${cible.id}" class="wiki-link wiki-link--fiche"><a href="/fiches/${cible.slug}">Café numérique</a></span>` +
        `<span data-fiche-id="987654" class="wiki-link wiki-link--fiche wiki-link--absent">(fiche supprimée)</span>` +
        `<span data-acteur-id="876543" class="wiki-link wiki-link--acteur wiki-link--absent">(acteur supprimé)</span></p>`,
    );
    expect(row.texte).toBe("Voir Café numérique avec Les Petits Débrouillards et Café numérique(fiche supprimée)(acteur supprimé)");
    expect(row.fields.extrait).toBe("Voir Café numérique avec Les Petits Débrouillards et Café numérique(fiche supprimée)(acteur supprimé)");
  });

  it("rebuilds the rows when the body changes", () => {
    const a = buildFicheWithBody(db, { titre: "A" });
    const b = buildFicheWithBody(db, { titre: "B" });
    const citing = buildFicheWithBody(db, { titre: "Citing", body: [paragraph(ficheLinkNode(a.id))] });
    replaceBody(db, citing.id, [paragraph(ficheLinkNode(b.id), text(" seulement"))]);
    expect(linksOf(citing.id)).toEqual([{ targetFicheId: b.id, targetActeurId: null }]);
    replaceBody(db, citing.id, [paragraph(text("Plus aucun lien"))]);
    expect(linksOf(citing.id)).toEqual([]);
  });
});

describe("backlinks after a rename", () => {
  it("shows the new title in the citing fiche, its fiche_link rows and contentUpdatedAt unchanged", () => {
    const cible = buildFicheWithBody(db, { titre: "Permanence numérique" });
    const citing = buildFicheWithBody(db, { titre: "Guide des permanences", body: [paragraph(text("Voir "), ficheLinkNode(cible.id))] });
    const before = ficheRow(db, citing.id);
    const linksBefore = linksOf(citing.id);
    expect(before.html).toContain(">Permanence numérique</a>");

    renameFiche(db, cible.id, "Permanence d'accès aux droits");

    const after = ficheRow(db, citing.id);
    expect(after.html).toContain(`<a href="/fiches/${cible.slug}">Permanence d'accès aux droits</a>`);
    expect(after.html).not.toContain("Permanence numérique");
    expect(after.texte).toBe("Voir Permanence d'accès aux droits");
    expect(linksOf(citing.id)).toEqual(linksBefore);
    expect(after.contentUpdatedAt).toEqual(before.contentUpdatedAt);
  });

  it("shows an acteur's new name where it is mentioned", () => {
    const asso = buildActeur({ nom: "Médiathèque Flora Tristan" });
    const citing = buildFicheWithBody(db, { titre: "Ateliers", body: [paragraph(text("Avec "), mentionNode(asso.id))] });
    updateActeur(db, SYSTEM, asso.id, { nom: "Médiathèque du Grand Parc", categorie: "public", typologie: "bibliotheque_mediatheque", themes: [] });
    expect(ficheRow(db, citing.id).html).toContain(`<a href="/acteurs/${asso.slug}">Médiathèque du Grand Parc</a>`);
  });

  it("shows a fiche's own new title when its body links to itself", () => {
    const f = buildFicheWithBody(db, { titre: "Ancien titre" });
    replaceBody(db, f.id, [paragraph(ficheLinkNode(f.id))]);
    renameFiche(db, f.id, "Nouveau titre");
    expect(ficheRow(db, f.id).html).toContain(">Nouveau titre</a>");
  });
});

describe("links to archived, unpublished, hidden and deleted fiches", () => {
  it("says so, and follows the fiche's statut as it changes", () => {
    const mod = moderateur();
    const cible = buildFicheWithBody(db, { titre: "Repair café", statut: "brouillon" });
    const citing = buildFicheWithBody(db, { titre: "Réemploi", body: [paragraph(ficheLinkNode(cible.id))] });
    expect(ficheRow(db, citing.id).html).toContain(">(fiche non publiée)</span>");
    expect(ficheRow(db, citing.id).html).not.toContain("Repair café");

    setFicheStatut(db, mod, cible.id, "publiee");
    expect(ficheRow(db, citing.id).html).toContain(`<a href="/fiches/${cible.slug}">Repair café</a></span>`);

    setFicheStatut(db, mod, cible.id, "archivee");
    expect(ficheRow(db, citing.id).html).toContain(`<a href="/fiches/${cible.slug}">Repair café</a> (fiche archivée)</span>`);
    expect(ficheRow(db, citing.id).texte).toBe("Repair café (fiche archivée)");
  });

  it("shows a deleted fiche or acteur as such, and drops its link row", () => {
    const cible = buildFicheWithBody(db, { titre: "Éphémère" });
    const asso = buildActeur();
    const citing = buildFicheWithBody(db, { titre: "Mémoire", body: [paragraph(ficheLinkNode(cible.id), mentionNode(asso.id))] });
    db.delete(fiche).where(eq(fiche.id, cible.id)).run();
    db.delete(acteur).where(eq(acteur.id, asso.id)).run();
    expect(linksOf(citing.id)).toEqual([]);
    replaceBody(db, citing.id, [paragraph(text("Voir "), ficheLinkNode(cible.id), text(" et "), mentionNode(asso.id))]);
    expect(ficheRow(db, citing.id).texte).toBe("Voir (fiche supprimée) et (acteur supprimé)");
    expect(ficheRow(db, citing.id).html).not.toContain("<a ");
  });
});

describe("rendering untrusted wiki links", () => {
  it("drops links without a readable id and any attribute they should not carry", () => {
    const html = renderFicheHtml({
      type: "doc",
      content: [
        paragraph(
          { type: "ficheLink", attrs: { ficheId: "javascript:alert(1)" } },
          { type: "ficheLink", attrs: { ficheId: -4 } },
          { type: "acteurMention", attrs: { acteurId: 3, href: "javascript:alert(1)", class: "x" }, marks: [{ type: "link", attrs: { href: "https://evil.example" } }] },
        ),
      ],
    });
    expect(html).toBe('<p><span data-acteur-id="3" class="wiki-link wiki-link--acteur wiki-link--absent">(lien)</span></p>');
  });

  it("escapes titles", () => {
    const resolve = () => ({ label: "<script>alert(1)</script> & co", href: "/fiches/x", note: null });
    const body = { type: "doc", content: [paragraph(ficheLinkNode(1))] };
    expect(renderFicheHtml(body, { fiche: resolve, acteur: resolve })).toContain(">&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</a>");
    expect(renderFicheTexte(body, { fiche: resolve, acteur: resolve })).toBe("<script>alert(1)</script> & co");
  });

  it("collects each id once", () => {
    expect(collectWikiLinkIds({ type: "doc", content: [paragraph(ficheLinkNode(3), ficheLinkNode(2), ficheLinkNode(3), mentionNode(5), { type: "ficheLink", attrs: { ficheId: "x" } })] })).toEqual({
      ficheIds: [2, 3],
      acteurIds: [5],
    });
  });
});

describe("the search text of citing fiches", () => {
  it("follows the new title of a cited fiche", () => {
    const cible = buildFicheWithBody(db, { titre: "Coin lecture" });
    const citing = buildFicheWithBody(db, { titre: "Bibliothèque de rue", body: [paragraph(text("Voir "), ficheLinkNode(cible.id))] });
    indexFiche(db, citing.id);
    renameFiche(db, cible.id, "Kiosque numérique");
    const stored = db.select({ corps: searchFicheDoc.corps }).from(searchFicheDoc).where(eq(searchFicheDoc.ficheId, citing.id)).get();
    expect(stored?.corps).toContain("Kiosque numérique");
  });
});
