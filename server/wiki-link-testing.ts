import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Db } from "@/db/client";
import { fiche, type Fiche } from "@/db/schema";
import type { FicheStatut } from "@/lib/fiche/values";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, setText, textField, writeFicheContent } from "@/lib/fiche/document";
import { appendUpdate, loadDocumentState } from "./collab/persistence";
import { insertFiche } from "./fiche";
import { projectFiche } from "./fiche-projection";

// Test helpers for wiki links: fiches whose stored document holds a body, edited as a peer would.

export const text = (value: string): JSONContent => ({ type: "text", text: value });
export const ficheLinkNode = (ficheId: number): JSONContent => ({ type: "ficheLink", attrs: { ficheId } });
export const mentionNode = (acteurId: number): JSONContent => ({ type: "acteurMention", attrs: { acteurId } });
export const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });

/** Inserts a fiche through the one insert path, with this title, statut and body. */
export function buildFicheWithBody(
  db: Db,
  { titre, statut = "publiee", body = [], createdBy = null }: { titre: string; statut?: FicheStatut; body?: JSONContent[]; createdBy?: number | null },
): Fiche {
  const doc = new Y.Doc();
  writeFicheContent(doc, { type: "pratique", titre });
  prosemirrorJSONToYXmlFragment(getFicheSchema(), { type: "doc", content: body.length ? body : [paragraph()] }, bodyFragment(doc));
  const row = insertFiche(db, { type: "pratique", titre, createdBy, statut, state: Y.encodeStateAsUpdate(doc) });
  doc.destroy();
  return row;
}

/** Applies `edit` to the stored document as a peer would (stored update, then projection). */
export function editStoredFiche(db: Db, ficheId: number, edit: (doc: Y.Doc) => void): void {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(db, ficheId)!);
  const before = Y.encodeStateVector(doc);
  edit(doc);
  appendUpdate(db, ficheId, Y.encodeStateAsUpdate(doc, before), null);
  projectFiche(db, ficheId, doc);
  doc.destroy();
}

/** Renames a fiche in its document, as an editor typing a new title. */
export function renameFiche(db: Db, ficheId: number, titre: string): void {
  editStoredFiche(db, ficheId, (doc) => setText(textField(doc, "titre"), titre));
}

/** Replaces a fiche's body in its document. */
export function replaceBody(db: Db, ficheId: number, body: JSONContent[]): void {
  editStoredFiche(db, ficheId, (doc) => {
    const fragment = bodyFragment(doc);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(getFicheSchema(), { type: "doc", content: body }, fragment);
  });
}

/** The fiche's row as stored now. */
export function ficheRow(db: Db, ficheId: number): Fiche {
  return db.select().from(fiche).where(eq(fiche.id, ficheId)).get()!;
}
