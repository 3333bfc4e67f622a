import { eq } from "drizzle-orm";
import * as Y from "yjs";
import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Db } from "@/db/client";
import { fiche, type Fiche } from "@/db/schema";
import type { FicheType } from "@/lib/fiche/values";
import { getBodyTemplate, getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import { uniqueFicheSlug, type NewFiche } from "@/server/fiche";
import { followTarget } from "@/server/follow";
import { projectFiche } from "@/server/fiche-projection";
import { buildImportedDocument } from "@/server/importer/merge";
import { storeRevision } from "@/server/revision-store";
import { storeInitialDocument } from "./persistence";
import { scratchDoc } from "./scratch-doc";

/**
 * The first Yjs state of a fiche: its type, title and any other fields given, and its body (the
 * body template of its type by default).
 */
export function buildInitialDocument(type: FicheType, titre: string, content: Partial<FicheContent> = {}, body?: JSONContent): Uint8Array {
  const doc = scratchDoc();
  try {
    writeFicheContent(doc, { ...content, type, titre });
    prosemirrorJSONToYXmlFragment(getFicheSchema(), body ?? getBodyTemplate(type), bodyFragment(doc));
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

function initialState(input: NewFiche, titre: string): Uint8Array {
  if (input.state) return input.state;
  if (input.imported) return buildImportedDocument(input.imported.key, input.imported.values);
  return buildInitialDocument(input.type, titre, input.content, input.body);
}

/**
 * Inserts a fiche: the row, its Yjs document, the projection of that document and its first
 * revision, all or nothing (a savepoint inside a caller's transaction on `db`).
 */
export function insertFicheDocument(db: Db, input: NewFiche): Fiche {
  const titre = input.titre.trim();
  const state = initialState(input, titre);
  return db.transaction(
    () => {
      const row = db
        .insert(fiche)
        .values({
          slug: uniqueFicheSlug(db, titre),
          type: input.type,
          titre,
          createdBy: input.createdBy,
          statut: input.statut ?? "brouillon",
          aVerifier: input.aVerifier ?? false,
        })
        .returning()
        .get();
      storeInitialDocument(db, row.id, state);
      const doc = scratchDoc();
      try {
        Y.applyUpdate(doc, state);
        projectFiche(db, row.id, doc);
      } finally {
        doc.destroy();
      }
      storeRevision(db, row.id, state, input.createdBy === null ? [] : [input.createdBy], input.origin ?? "creation");
      if (input.createdBy !== null) followTarget(db, input.createdBy, "fiche", row.id);
      return db.select().from(fiche).where(eq(fiche.id, row.id)).get()!;
    },
    { behavior: "immediate" },
  );
}
