import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { listFicheContributors, listRevisions } from "@/db/queries/revision";
import { fiche, ficheRevision, ficheUpdate } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, readFicheContent, textField, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import { loadDocumentState } from "./collab/persistence";
import { editFicheDocument } from "./collab/testing";
import { DomainError } from "./errors";
import { insertFiche } from "./fiche";
import { restoreRevision, takeRevision } from "./revision";
import { readRevisionState } from "./revision-snapshot";

const db = getTestDb();

const paragraph = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });
const body = (...texts: string[]): JSONContent => ({ type: "doc", content: texts.map(paragraph) });

/** Inserts a fiche through insertFiche (which takes its "creation" revision), with content and body. */
function buildFiche(content: Partial<FicheContent> & { titre: string }, text: string[] = ["Premier paragraphe."], createdBy: number | null = null) {
  const doc = new Y.Doc();
  writeFicheContent(doc, { type: "pratique", ...content });
  prosemirrorJSONToYXmlFragment(getFicheSchema(), body(...text), bodyFragment(doc));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return insertFiche(db, { type: "pratique", titre: content.titre, createdBy, statut: "publiee", state });
}

function currentState(ficheId: number): Uint8Array {
  return loadDocumentState(db, ficheId)!;
}

function bodyText(state: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const json = yXmlFragmentToProsemirrorJSON(bodyFragment(doc));
  doc.destroy();
  return (json.content ?? []).map((block: JSONContent) => (block.content ?? []).map((t: JSONContent) => t.text ?? "").join("")).join("\n");
}

function revisionsOf(ficheId: number) {
  return db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).orderBy(ficheRevision.id).all();
}

function editBody(ficheId: number, userId: number, texts: string[]) {
  editFicheDocument(
    ficheId,
    userId,
    (doc) => {
      const fragment = bodyFragment(doc);
      fragment.delete(0, fragment.length);
      prosemirrorJSONToYXmlFragment(getFicheSchema(), body(...texts), fragment);
    },
    db,
  );
}

function viewerOf(userId: number) {
  return getViewerById(db, userId)!;
}

describe("takeRevision", () => {
  it("gives every new fiche a first revision by its author", () => {
    const author = buildUser();
    const f = buildFiche({ titre: "Atelier tablette" }, ["Un atelier."], author.id);
    const [first] = revisionsOf(f.id);
    expect(first).toMatchObject({ reason: "creation", titre: "Atelier tablette", authorIds: [author.id], restoredFromId: null });
    expect(readRevisionState(first.state).content.titre).toBe("Atelier tablette");
  });

  it("skips a revision whose content equals the last one, even when the bytes differ", () => {
    const f = buildFiche({ titre: "Café numérique" });
    const editor = buildUser();
    // An edit and its undo: a different Yjs state, the same content.
    editFicheDocument(f.id, editor.id, (doc) => textField(doc, "titre").insert(0, "Grand "), db);
    editFicheDocument(f.id, editor.id, (doc) => textField(doc, "titre").delete(0, "Grand ".length), db);
    expect(takeRevision(db, f.id, currentState(f.id), [editor.id], "pause")).toBeNull();
    expect(revisionsOf(f.id)).toHaveLength(1);

    editFicheDocument(f.id, editor.id, (doc) => writeFicheContent(doc, { commune: "Cenon" }), db);
    const taken = takeRevision(db, f.id, currentState(f.id), [editor.id], "pause");
    expect(taken).toMatchObject({ reason: "pause", authorIds: [editor.id] });
    expect(takeRevision(db, f.id, currentState(f.id), [editor.id], "depart")).toBeNull();
    expect(revisionsOf(f.id)).toHaveLength(2);
  });

  it("does not count the empty paragraph the editor appends on opening as a change", () => {
    const f = buildFiche({ titre: "Idée avec une liste" }, ["Texte."]);
    const opener = buildUser();
    editFicheDocument(f.id, opener.id, (doc) => bodyFragment(doc).push([new Y.XmlElement("paragraph")]), db);
    expect(takeRevision(db, f.id, currentState(f.id), [opener.id], "depart")).toBeNull();
    editBody(f.id, opener.id, ["Texte.", "Un vrai ajout."]);
    expect(takeRevision(db, f.id, currentState(f.id), [opener.id], "depart")).not.toBeNull();
  });

  it("skips a state older than the last revision's, asked for before it but arriving after", () => {
    const f = buildFiche({ titre: "Atelier du lundi" }, ["Premier texte."]);
    const editor = buildUser();
    editBody(f.id, editor.id, ["Deuxième texte."]);
    const older = currentState(f.id);
    editBody(f.id, editor.id, ["Troisième texte."]);
    expect(takeRevision(db, f.id, currentState(f.id), [editor.id], "pause")).not.toBeNull();
    expect(takeRevision(db, f.id, older, [editor.id], "pause")).toBeNull();
    expect(readRevisionState(revisionsOf(f.id).at(-1)!.state).body).toEqual(readRevisionState(currentState(f.id)).body);
  });

  it("keeps each author once, in order, and drops what is not a user id", () => {
    const f = buildFiche({ titre: "Permanence" });
    editFicheDocument(f.id, null, (doc) => writeFicheContent(doc, { quartier: "Bastide" }), db);
    const taken = takeRevision(db, f.id, currentState(f.id), [7, 3, 7, 0, -2, 3.5], "intervalle");
    expect(taken?.authorIds).toEqual([3, 7]);
  });
});

describe("restoreRevision", () => {
  it("brings an old version back as a forward edit and never rewrites history", () => {
    const alice = buildUser();
    const bob = buildUser();
    const f = buildFiche({ titre: "Accueil du mardi", commune: "Bordeaux", themes: [themeId("lien-social")] }, ["Version d'origine."], alice.id);
    const [original] = revisionsOf(f.id);

    editBody(f.id, alice.id, ["Texte réécrit par Alice."]);
    editFicheDocument(f.id, alice.id, (doc) => writeFicheContent(doc, { titre: "Accueil du jeudi", commune: "Cenon", themes: [] }), db);
    takeRevision(db, f.id, currentState(f.id), [alice.id], "pause");
    const before = revisionsOf(f.id);
    const logBefore = db.select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, f.id)).all().length;

    const restored = restoreRevision(db, f.id, original.id, viewerOf(bob.id));

    expect(restored).toMatchObject({ reason: "restauration", restoredFromId: original.id, authorIds: [bob.id], titre: "Accueil du mardi" });
    // Forward: one more update in the log, by the person who restored.
    const log = db.select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, f.id)).all();
    expect(log).toHaveLength(logBefore + 1);
    expect(log.at(-1)!.userId).toBe(bob.id);
    // History kept: every earlier revision is still there, byte for byte.
    const after = revisionsOf(f.id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after).toHaveLength(before.length + 1);
    // The content is the original's again, and the projection follows at once.
    const content = readRevisionState(currentState(f.id)).content;
    expect(content).toMatchObject({ titre: "Accueil du mardi", commune: "Bordeaux", themes: [themeId("lien-social")] });
    expect(bodyText(currentState(f.id))).toBe("Version d'origine.");
    const row = db.select().from(fiche).where(eq(fiche.id, f.id)).get()!;
    expect(row).toMatchObject({ titre: "Accueil du mardi", commune: "Bordeaux" });
    expect(row.texte).toBe("Version d'origine.");
  });

  it("first saves edits that no revision holds yet, with their authors", () => {
    const carol = buildUser();
    const dan = buildUser();
    const f = buildFiche({ titre: "Fiche à restaurer" }, ["Début."]);
    const [first] = revisionsOf(f.id);
    editBody(f.id, carol.id, ["Travail de Carol, jamais enregistré dans une version."]);

    restoreRevision(db, f.id, first.id, viewerOf(dan.id));

    const [, saved, restored] = revisionsOf(f.id);
    expect(saved).toMatchObject({ reason: "pause", authorIds: [carol.id] });
    expect(bodyText(saved.state)).toBe("Travail de Carol, jamais enregistré dans une version.");
    expect(restored).toMatchObject({ reason: "restauration", restoredFromId: first.id });
    expect(bodyText(currentState(f.id))).toBe("Début.");
  });

  it("refuses to restore the current content, another fiche's revision, or without the right to edit", () => {
    const member = buildUser();
    const porteur = buildActeur({ members: [member] });
    const outsider = buildUser();
    const f = buildFiche({ titre: "Fiche verrouillée", acteurs: [{ acteurId: porteur.id, role: "porteur" }] });
    const other = buildFiche({ titre: "Autre fiche" });
    const [first] = revisionsOf(f.id);
    const [otherFirst] = revisionsOf(other.id);

    const code = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return error instanceof DomainError ? error.code : String(error);
      }
      return "accepted";
    };
    expect(code(() => restoreRevision(db, f.id, first.id, viewerOf(member.id)))).toBe("already_current");
    expect(code(() => restoreRevision(db, f.id, otherFirst.id, viewerOf(member.id)))).toBe("not_found");
    expect(code(() => restoreRevision(db, f.id, 999_999, viewerOf(member.id)))).toBe("not_found");

    editFicheDocument(f.id, member.id, (doc) => writeFicheContent(doc, { commune: "Floirac" }), db);
    db.update(fiche).set({ verrouillee: true }).where(eq(fiche.id, f.id)).run();
    const count = revisionsOf(f.id).length;
    expect(code(() => restoreRevision(db, f.id, first.id, viewerOf(outsider.id)))).toBe("forbidden");
    expect(code(() => restoreRevision(db, f.id, first.id, null))).toBe("forbidden");
    db.update(fiche).set({ verrouillee: false, masquee: true }).where(eq(fiche.id, f.id)).run();
    expect(code(() => restoreRevision(db, f.id, first.id, viewerOf(outsider.id)))).toBe("not_found");
    // Nothing was written by the refusals.
    expect(revisionsOf(f.id)).toHaveLength(count);
    expect(readFicheContentOf(f.id).commune).toBe("Floirac");
  });
});

function readFicheContentOf(ficheId: number): FicheContent {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, currentState(ficheId));
  const content = readFicheContent(doc);
  doc.destroy();
  return content;
}

describe("history queries", () => {
  it("lists revisions newest first with their authors' names and what a restore restored", () => {
    const erin = buildUser({ name: "Erin Martin" });
    const f = buildFiche({ titre: "Liste des versions" }, ["Un."], erin.id);
    const [first] = revisionsOf(f.id);
    editBody(f.id, erin.id, ["Deux."]);
    takeRevision(db, f.id, currentState(f.id), [erin.id], "pause");
    restoreRevision(db, f.id, first.id, viewerOf(erin.id));

    const page = listRevisions(db, f.id);
    expect(page.total).toBe(3);
    expect(page.items.map((r) => r.reason)).toEqual(["restauration", "pause", "creation"]);
    expect(page.items[0]).toMatchObject({ restoredFromId: first.id, restoredFromCreatedAt: first.createdAt });
    expect(page.items[0].authors).toEqual([{ id: erin.id, name: "Erin Martin" }]);
  });

  it("names every contributor once, from revisions and from the update log, with their latest contribution", () => {
    const author = buildUser({ name: "Autrice" });
    const editor = buildUser({ name: "Éditeur" });
    const f = buildFiche({ titre: "Contributeurs" }, ["Texte."], author.id);
    editBody(f.id, editor.id, ["Texte modifié."]);
    // Later for sure: both may fall in the same millisecond on a fast machine.
    const later = new Date(Date.now() + 60_000);
    db.update(ficheUpdate).set({ createdAt: later }).where(eq(ficheUpdate.ficheId, f.id)).run();
    editBody(f.id, author.id, ["Texte modifié par l'autrice."]);
    db.update(ficheUpdate).set({ createdAt: new Date(later.getTime() - 30_000) }).where(and(eq(ficheUpdate.ficheId, f.id), eq(ficheUpdate.userId, author.id))).run();

    const contributors = listFicheContributors(db, f.id);
    expect(contributors).toEqual([
      { id: editor.id, name: "Éditeur", lastContributionAt: later },
      { id: author.id, name: "Autrice", lastContributionAt: new Date(later.getTime() - 30_000) },
    ]);
  });
});
