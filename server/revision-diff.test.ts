import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActeur, buildLieu, themeId } from "@/db/factories";
import { acteur, fiche, ficheRevision, type FicheRevision } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import { insertFiche } from "./fiche";
import { takeRevision } from "./revision";
import { describeFields, diffBodies, diffRevisions, type SetFieldDiff, type TextFieldDiff } from "./revision-diff";
import { loadRevisionLinkResolvers, renderRevisionHtml } from "./revision-links";
import { readRevisionState } from "./revision-snapshot";
import { buildFicheWithBody, ficheLinkNode, mentionNode, paragraph } from "./wiki-link-testing";

const db = getTestDb();

const text = (value: string): JSONContent => ({ type: "text", text: value });
const p = (value: string): JSONContent => ({ type: "paragraph", content: [text(value)] });
const h2 = (value: string): JSONContent => ({ type: "heading", attrs: { level: 2 }, content: [text(value)] });
const ol = (...items: string[]): JSONContent => ({ type: "orderedList", attrs: { start: 1 }, content: items.map((i) => ({ type: "listItem", content: [p(i)] })) });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

function stateOf(content: Partial<FicheContent>, body: JSONContent): Uint8Array {
  const ydoc = new Y.Doc();
  writeFicheContent(ydoc, { type: "pratique", ...content });
  prosemirrorJSONToYXmlFragment(getFicheSchema(), body, bodyFragment(ydoc));
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

/** Two revisions of one fiche, with the given contents. */
function twoRevisions(before: [Partial<FicheContent>, JSONContent], after: [Partial<FicheContent>, JSONContent]): [FicheRevision, FicheRevision] {
  const row = insertFiche(db, { type: "pratique", titre: before[0].titre ?? "Fiche", createdBy: null, state: stateOf(...before) });
  const first = db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, row.id)).get()!;
  const second = takeRevision(db, row.id, stateOf(...after), [], "pause")!;
  return [first, second];
}

describe("diffRevisions", () => {
  it("lists only the fields that changed, text word by word and sets with their names", () => {
    const porteur = buildActeur({ nom: "Centre social Bastide" });
    const partenaire = buildActeur({ nom: "Médiathèque Flora Tristan" });
    const lieu = buildLieu(porteur.id, { nom: "Salle du Levain", commune: "Bordeaux" });
    const [a, b] = twoRevisions(
      [
        { titre: "Atelier tablette du mardi", commune: "Bordeaux", etat: "en_projet", themes: [themeId("lien-social")], acteurs: [{ acteurId: porteur.id, role: "porteur" }] },
        doc(p("Texte.")),
      ],
      [
        {
          titre: "Atelier tablette du jeudi",
          commune: "Bordeaux",
          etat: "en_cours",
          themes: [themeId("service-public")],
          acteurs: [
            { acteurId: porteur.id, role: "porteur" },
            { acteurId: partenaire.id, role: "partenaire" },
          ],
          lieux: [lieu.id],
        },
        doc(p("Texte.")),
      ],
    );
    const diff = diffRevisions(db, a, b);
    expect(diff.fields.map((f) => f.field)).toEqual(["titre", "etat", "themes", "acteurs", "lieux"]);
    expect(diff.bodyChanged).toBe(false);

    const titre = diff.fields[0] as TextFieldDiff;
    expect(titre.segments).toEqual([
      { op: "equal", text: "Atelier tablette du " },
      { op: "delete", text: "mardi" },
      { op: "insert", text: "jeudi" },
    ]);
    expect((diff.fields[1] as TextFieldDiff).segments).toEqual([
      { op: "delete", text: "En projet" },
      { op: "insert", text: "En cours" },
    ]);
    const themes = diff.fields[2] as SetFieldDiff;
    expect(themes.before).toEqual([{ label: expect.any(String), change: "removed" }]);
    expect(themes.after).toEqual([{ label: expect.any(String), change: "added" }]);
    const acteurs = diff.fields[3] as SetFieldDiff;
    expect(acteurs.before).toEqual([{ label: "Centre social Bastide (Porteur)", change: "kept" }]);
    expect(acteurs.after).toEqual([
      { label: "Centre social Bastide (Porteur)", change: "kept" },
      { label: "Médiathèque Flora Tristan (Partenaire)", change: "added" },
    ]);
    expect((diff.fields[4] as SetFieldDiff).after).toEqual([{ label: "Salle du Levain (Bordeaux)", change: "added" }]);
  });

  it("still names an acteur deleted since the revision was taken", () => {
    const gone = buildActeur({ nom: "Association dissoute" });
    const [a, b] = twoRevisions([{ titre: "Fiche", acteurs: [{ acteurId: gone.id, role: "porteur" }] }, doc(p("x"))], [{ titre: "Fiche", acteurs: [] }, doc(p("x"))]);
    db.delete(acteur).where(eq(acteur.id, gone.id)).run();
    const field = diffRevisions(db, a, b).fields[0] as SetFieldDiff;
    expect(field.before).toEqual([{ label: `Acteur supprimé (n° ${gone.id}) (Porteur)`, change: "removed" }]);
  });

  it("diffs the body block by block: kept, edited in place, added and removed", () => {
    const [a, b] = twoRevisions(
      [{ titre: "Corps" }, doc(h2("Descriptif"), p("Un café chaque mardi."), p("Paragraphe supprimé."), ol("s'inscrire", "venir"))],
      [{ titre: "Corps" }, doc(h2("Descriptif"), p("Un café chaque jeudi matin."), ol("appeler", "s'inscrire", "venir"), p("Nouveau paragraphe."))],
    );
    const { body, bodyChanged } = diffRevisions(db, a, b);
    expect(bodyChanged).toBe(true);
    expect(body.map((block) => [block.op, block.kind])).toEqual([
      ["equal", "heading"],
      ["change", "paragraph"],
      ["delete", "paragraph"],
      ["insert", "item"],
      ["equal", "item"],
      ["equal", "item"],
      ["insert", "paragraph"],
    ]);
    expect(body[1].segments).toEqual([
      { op: "equal", text: "Un café chaque " },
      { op: "delete", text: "mardi" },
      { op: "insert", text: "jeudi matin" },
      { op: "equal", text: "." },
    ]);
    // Renumbered items are not marked as changed; each keeps its new marker.
    expect(body.slice(3, 6).map((block) => block.marker)).toEqual(["1.", "2.", "3."]);
  });

  it("reports no change between identical bodies", () => {
    const body = doc(h2("Titre"), p("Texte identique."));
    const links = loadRevisionLinkResolvers(db, [body]);
    expect(diffBodies(body, body, links).every((block) => block.op === "equal")).toBe(true);
    expect(diffBodies(doc(), doc(), links)).toEqual([]);
  });
});

describe("wiki links in the history", () => {
  it("shows a link added to the body by its target's title", () => {
    const cible = buildFicheWithBody(db, { titre: "Garage informatique" });
    const [a, b] = twoRevisions(
      [{ titre: "Liens" }, doc(p("Voir aussi la fiche."))],
      [{ titre: "Liens" }, doc(paragraph(text("Voir aussi la fiche "), ficheLinkNode(cible.id), text(".")))],
    );
    expect(diffRevisions(db, a, b).body[0]).toMatchObject({
      op: "change",
      segments: [
        { op: "equal", text: "Voir aussi la fiche" },
        { op: "insert", text: " → Garage informatique" },
        { op: "equal", text: "." },
      ],
    });
  });

  it("shows a mention replaced by another as a change of the acteurs' names", () => {
    const before = buildActeur({ nom: "Emmaüs Connect" });
    const after = buildActeur({ nom: "Médiathèque Flora Tristan" });
    const [a, b] = twoRevisions(
      [{ titre: "Mentions" }, doc(paragraph(text("Avec le partenaire "), mentionNode(before.id), text(".")))],
      [{ titre: "Mentions" }, doc(paragraph(text("Avec le partenaire "), mentionNode(after.id), text(".")))],
    );
    const diff = diffRevisions(db, a, b);
    expect(diff.bodyChanged).toBe(true);
    expect(diff.body[0].segments).toEqual([
      { op: "equal", text: "Avec le partenaire @" },
      { op: "delete", text: "Emmaüs Connect" },
      { op: "insert", text: "Médiathèque Flora Tristan" },
      { op: "equal", text: "." },
    ]);
  });

  it("renders an old version's links by their labels, as the diff shows them, never as « (lien) »", () => {
    const cible = buildFicheWithBody(db, { titre: "Atelier d'écriture numérique" });
    const partenaire = buildActeur({ nom: "Les Petits Débrouillards" });
    const [a] = twoRevisions(
      [{ titre: "Ancienne" }, doc(paragraph(text("Voir "), ficheLinkNode(cible.id), text(" avec "), mentionNode(partenaire.id), text(".")))],
      [{ titre: "Ancienne" }, doc(p("Plus de liens."))],
    );
    const html = renderRevisionHtml(db, readRevisionState(a.state).body);
    expect(html).toContain(`<a href="/fiches/${cible.slug}">→ Atelier d'écriture numérique</a>`);
    expect(html).toContain(`<a href="/acteurs/${partenaire.slug}">@Les Petits Débrouillards</a>`);
    expect(html).not.toContain("(lien)");
  });

  it("names a link to a fiche deleted since « fiche supprimée », in the diff and in the old version", () => {
    const cible = buildFicheWithBody(db, { titre: "Fiche bientôt supprimée" });
    const [a, b] = twoRevisions(
      [{ titre: "Lien perdu" }, doc(paragraph(text("Voir "), ficheLinkNode(cible.id), text(".")))],
      [{ titre: "Lien perdu" }, doc(p("Voir ailleurs."))],
    );
    db.delete(fiche).where(eq(fiche.id, cible.id)).run();
    expect(diffRevisions(db, a, b).body[0].segments).toEqual([
      { op: "equal", text: "Voir " },
      { op: "delete", text: "(fiche supprimée)" },
      { op: "insert", text: "ailleurs" },
      { op: "equal", text: "." },
    ]);
    expect(renderRevisionHtml(db, readRevisionState(a.state).body)).toContain(">(fiche supprimée)</span>");
  });
});

describe("the fiche's row is not what the diff reads", () => {
  it("diffs the revisions' own states, whatever the fiche holds now", () => {
    const [a, b] = twoRevisions([{ titre: "Version A" }, doc(p("a"))], [{ titre: "Version B" }, doc(p("b"))]);
    db.update(fiche).set({ titre: "Tout autre chose" }).where(eq(fiche.id, a.ficheId)).run();
    expect((diffRevisions(db, a, b).fields[0] as TextFieldDiff).segments).toEqual([
      { op: "equal", text: "Version " },
      { op: "delete", text: "A" },
      { op: "insert", text: "B" },
    ]);
  });
});

describe("describeFields", () => {
  it("lists a version's non-empty fields with names resolved", () => {
    const porteur = buildActeur({ nom: "Espace de vie sociale" });
    expect(
      describeFields(db, {
        type: "idee",
        titre: "Titre laissé de côté",
        commune: "Bègles",
        quartier: "",
        lienWeb: "",
        source: "Livre blanc",
        etat: null,
        ebauche: false,
        objectif: null,
        acteurs: [{ acteurId: porteur.id, role: "pressenti" }],
        themes: [],
        publics: [],
        enjeux: [],
        lieux: [],
        themesSuggeres: [],
      }),
    ).toEqual([
      { field: "type", label: "Type de fiche", values: ["Idée à explorer"] },
      { field: "commune", label: "Commune", values: ["Bègles"] },
      { field: "source", label: "Source", values: ["Livre blanc"] },
      { field: "acteurs", label: "Acteurs", values: ["Espace de vie sociale (Acteur pressenti)"] },
    ]);
  });
});
