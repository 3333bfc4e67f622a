import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { Node } from "@tiptap/pm/model";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { buildActeur, buildUser } from "@/db/factories";
import { fiche, ficheActeur, type User } from "@/db/schema";
import type { Role } from "@/lib/roles";
import { getBodyTemplate, getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, readFicheContent, textField, writeFicheContent } from "@/lib/fiche/document";
import type { Viewer } from "@/lib/policies/viewer";
import { appendUpdate, loadDocumentState } from "./collab/persistence";
import { DomainError } from "./errors";
import { createFiche, insertFiche, removeUnfinishedFiches, setFicheAVerifier, setFicheStatut, setFicheVerrouillee } from "./fiche";
import { projectFicheFromStorage } from "./fiche-projection";

function viewerOf(u: User): Viewer {
  return getViewerById(getTestDb(), u.id)!;
}
function buildViewer(role: Role = "contributeur"): Viewer {
  return viewerOf(buildUser({ role }));
}
/** A contributor who is a member of a new acteur, and that acteur. */
function buildMember(): { member: Viewer; porteur: ReturnType<typeof buildActeur> } {
  const u = buildUser();
  const porteur = buildActeur({ members: [u] });
  return { member: viewerOf(u), porteur };
}
function loadDoc(ficheId: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(getTestDb(), ficheId)!);
  return doc;
}
function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe("createFiche", () => {
  it("stores a document with the type, the title and the body template, and projects it", () => {
    const db = getTestDb();
    const author = buildViewer();
    const created = createFiche(db, author, { type: "fiche_pratique", titre: "  Ouvrir un atelier d'accès aux droits " });

    expect(created).toMatchObject({ type: "fiche_pratique", statut: "brouillon", createdBy: author.id, slug: "ouvrir-un-atelier-d-acces-aux-droits" });
    const doc = loadDoc(created.id);
    expect(readFicheContent(doc)).toMatchObject({ type: "fiche_pratique", titre: "Ouvrir un atelier d'accès aux droits" });
    const body = Node.fromJSON(getFicheSchema(), yXmlFragmentToProsemirrorJSON(bodyFragment(doc)));
    expect(body.eq(Node.fromJSON(getFicheSchema(), getBodyTemplate("fiche_pratique")))).toBe(true);

    expect(created.titre).toBe("Ouvrir un atelier d'accès aux droits");
    expect(created.html).toBe("<h2>Pourquoi ?</h2><p></p><h2>Comment faire, étape par étape</h2><ol><li><p></p></li></ol><h2>Ressources</h2><p></p>");
    expect(created.texte).toBe("Pourquoi ?\n\nComment faire, étape par étape\n\nRessources");
    expect(created.contentUpdatedAt).toBeInstanceOf(Date);
  });

  it("gives unique slugs that stay when the fiche is renamed, and never a reserved one", () => {
    const db = getTestDb();
    const author = buildViewer();
    const first = createFiche(db, author, { type: "pratique", titre: "Café numérique" });
    const second = createFiche(db, author, { type: "idee", titre: "Café numérique !" });
    expect(first.slug).toBe("cafe-numerique");
    expect(second.slug).toBe("cafe-numerique-2");
    expect(createFiche(db, author, { type: "idee", titre: "Nouvelle" }).slug).toBe("nouvelle-2");

    const doc = loadDoc(first.id);
    const before = Y.encodeStateVector(doc);
    writeFicheContent(doc, { titre: "Café numérique du mardi" });
    appendUpdate(db, first.id, Y.encodeStateAsUpdate(doc, before), author.id);
    projectFicheFromStorage(db, first.id);
    const renamed = db.select().from(fiche).where(eq(fiche.id, first.id)).get()!;
    expect(renamed).toMatchObject({ titre: "Café numérique du mardi", slug: "cafe-numerique" });
  });

  it("refuses visitors", () => {
    expect(codeOf(() => createFiche(getTestDb(), null, { type: "pratique", titre: "Anonyme" }))).toBe("unauthenticated");
  });
});

describe("setFicheStatut", () => {
  it("lets the author publish a draft, then only porteurs' members and moderators archive it", () => {
    const db = getTestDb();
    const author = buildViewer();
    const stranger = buildViewer();
    const f = createFiche(db, author, { type: "pratique", titre: "Permanence numérique" });

    expect(codeOf(() => setFicheStatut(db, stranger, f.id, "publiee"))).toBe("forbidden");
    expect(codeOf(() => setFicheStatut(db, null, f.id, "publiee"))).toBe("forbidden");
    expect(setFicheStatut(db, author, f.id, "publiee").statut).toBe("publiee");
    // Once published, the draft's author no longer manages it on their own.
    expect(codeOf(() => setFicheStatut(db, author, f.id, "archivee"))).toBe("forbidden");

    const { member, porteur } = buildMember();
    db.insert(ficheActeur).values({ ficheId: f.id, acteurId: porteur.id, role: "porteur" }).run();
    expect(setFicheStatut(db, member, f.id, "archivee").statut).toBe("archivee");
  });

  it("lets only moderators bring a fiche back from the archive, and refuses skipped steps", () => {
    const db = getTestDb();
    const { member, porteur } = buildMember();
    const moderator = buildViewer("moderateur");
    const f = createFiche(db, member, { type: "idee", titre: "Bus numérique" });
    db.insert(ficheActeur).values({ ficheId: f.id, acteurId: porteur.id, role: "porteur" }).run();

    expect(codeOf(() => setFicheStatut(db, member, f.id, "archivee"))).toBe("invalid_transition");
    setFicheStatut(db, member, f.id, "publiee");
    setFicheStatut(db, member, f.id, "archivee");
    expect(codeOf(() => setFicheStatut(db, member, f.id, "publiee"))).toBe("invalid_transition");
    expect(codeOf(() => setFicheStatut(db, moderator, f.id, "brouillon"))).toBe("invalid_transition");
    expect(setFicheStatut(db, moderator, f.id, "publiee").statut).toBe("publiee");
  });

  it("refuses to publish a fiche without a title and reports unknown fiches", () => {
    const db = getTestDb();
    const author = buildViewer();
    const f = createFiche(db, author, { type: "pratique", titre: "Provisoire" });
    const doc = loadDoc(f.id);
    const before = Y.encodeStateVector(doc);
    textField(doc, "titre").delete(0, textField(doc, "titre").length);
    appendUpdate(db, f.id, Y.encodeStateAsUpdate(doc, before), author.id);
    projectFicheFromStorage(db, f.id);
    expect(codeOf(() => setFicheStatut(db, author, f.id, "publiee"))).toBe("titre_required");
    expect(codeOf(() => setFicheStatut(db, author, 987_654, "publiee"))).toBe("not_found");
  });
});

describe("setFicheVerrouillee and setFicheAVerifier", () => {
  it("are for porteurs' members, the author of a draft and moderators", () => {
    const db = getTestDb();
    const author = buildViewer();
    const stranger = buildViewer();
    const moderator = buildViewer("admin");
    const f = createFiche(db, author, { type: "pratique", titre: "Atelier CV" });

    expect(setFicheVerrouillee(db, author, f.id, true).verrouillee).toBe(true);
    expect(codeOf(() => setFicheVerrouillee(db, stranger, f.id, false))).toBe("forbidden");
    expect(codeOf(() => setFicheAVerifier(db, stranger, f.id, true))).toBe("forbidden");
    expect(codeOf(() => setFicheVerrouillee(db, null, f.id, false))).toBe("forbidden");
    expect(codeOf(() => setFicheAVerifier(db, null, f.id, true))).toBe("forbidden");
    // The page shows the domain's own wording: no wrapper rewords it.
    expect(() => setFicheStatut(db, stranger, f.id, "publiee")).toThrow(
      expect.objectContaining({ messageFr: "Seuls les membres des acteurs porteurs, l'auteur d'un brouillon et les modérateurs peuvent faire cela." }),
    );

    setFicheStatut(db, author, f.id, "publiee");
    expect(codeOf(() => setFicheVerrouillee(db, author, f.id, false))).toBe("forbidden");
    expect(setFicheAVerifier(db, moderator, f.id, true).aVerifier).toBe(true);
    expect(setFicheVerrouillee(db, moderator, f.id, false).verrouillee).toBe(false);
  });
});

describe("removeUnfinishedFiches", () => {
  it("deletes only the fiches whose document never reached the documents file, and their search entry", () => {
    const db = getTestDb();
    const createdBy = buildUser().id;
    const complete = insertFiche(db, { type: "pratique", titre: "Permanence numérique complète", createdBy, statut: "publiee" });
    const cut = insertFiche(db, { type: "pratique", titre: "Permanence numérique interrompue", createdBy, statut: "publiee" });
    // What a crash between the two files' commits leaves: the row and its projection, no document.
    db.$client.prepare("DELETE FROM documents.fiche_document WHERE fiche_id = ?").run(cut.id);
    const searchEntries = () => db.$client.prepare("SELECT count(*) FROM search_entry WHERE kind = 'fiche' AND doc_id = ? AND indexed = 1").pluck().get(cut.id);
    expect(searchEntries()).toBe(1);

    expect(removeUnfinishedFiches(db)).toEqual([cut.id]);
    expect(db.select({ id: fiche.id }).from(fiche).where(eq(fiche.id, cut.id)).all()).toEqual([]);
    expect(searchEntries()).toBe(0);
    expect(loadDocumentState(db, complete.id)).not.toBeNull();
    expect(removeUnfinishedFiches(db)).toEqual([]);
  });
});
