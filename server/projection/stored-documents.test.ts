import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { readFicheContent, writeFicheContent } from "@/lib/fiche/document";
import { silentLogger } from "../collab/log";
import { captureMutation } from "../collab/documents";
import { appendUpdate, loadDocument } from "../collab/persistence";
import { insertFiche } from "../fiche";
import { StoredDocuments } from "./stored-documents";

const db = getTestDb();

function storedFiche(titre: string): { id: number; bytes: number } {
  const { id } = insertFiche(db, { type: "pratique", titre, createdBy: buildUser().id, statut: "publiee" });
  const loaded = loadDocument(db, id, silentLogger)!;
  loaded.doc.destroy();
  return { id, bytes: loaded.snapshotBytes + loaded.logBytes };
}

/** Appends a change of titre to the fiche's log, as the collaboration server stores one; returns its size. */
function retitle(ficheId: number, titre: string): number {
  const doc = loadDocument(db, ficheId, silentLogger)!.doc;
  const update = captureMutation(doc, (d) => writeFicheContent(d, { titre }))!;
  appendUpdate(db, ficheId, update, null);
  doc.destroy();
  return update.length;
}

describe("the projection thread's stored documents", () => {
  it("keeps documents within their stored bytes' budget, dropping the least recently used first", () => {
    const [a, b, c] = ["Atelier A", "Atelier B", "Atelier C"].map(storedFiche);
    const documents = new StoredDocuments(db, silentLogger, { documents: 10, bytes: a.bytes + b.bytes + Math.min(a.bytes, c.bytes) - 1 });
    const first = documents.read(a.id);
    documents.read(b.id);
    expect(documents.size()).toEqual({ documents: 2, bytes: a.bytes + b.bytes });
    expect(documents.read(a.id)).toBe(first);

    // a was used last: b goes to make room for c.
    documents.read(c.id);
    expect(documents.size()).toEqual({ documents: 2, bytes: a.bytes + c.bytes });
    expect(documents.read(a.id)).toBe(first);
  });

  it("counts the log rows applied to a cached document, and reads a dropped one afresh", () => {
    const a = storedFiche("Atelier A");
    const b = storedFiche("Atelier B");
    const documents = new StoredDocuments(db, silentLogger, { documents: 10, bytes: 1024 * 1024 });
    const first = documents.read(a.id)!;
    const added = retitle(a.id, "Atelier du mardi");
    expect(documents.read(a.id)).toBe(first);
    expect(readFicheContent(first).titre).toBe("Atelier du mardi");
    expect(documents.size()).toEqual({ documents: 1, bytes: a.bytes + added });

    const small = new StoredDocuments(db, silentLogger, { documents: 1, bytes: 1024 * 1024 });
    const before = small.read(a.id);
    small.read(b.id);
    expect(small.size().documents).toBe(1);
    const again = small.read(a.id)!;
    expect(again).not.toBe(before);
    expect(readFicheContent(again).titre).toBe("Atelier du mardi");
  });

  it("hands out a document larger than the whole budget, and keeps only it", () => {
    const [a, b] = ["Atelier A", "Atelier B"].map(storedFiche);
    const documents = new StoredDocuments(db, silentLogger, { documents: 10, bytes: 1 });
    documents.read(a.id);
    const doc = documents.read(b.id)!;
    expect(doc.isDestroyed).toBe(false);
    expect(documents.size()).toEqual({ documents: 1, bytes: b.bytes });
  });
});
