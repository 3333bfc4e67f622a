import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { fiche, ficheRevision } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { writeFicheContent } from "@/lib/fiche/document";
import type { Viewer } from "@/lib/policies/viewer";
import { editFicheDocument } from "@/server/collab/testing";
import { insertFiche } from "@/server/fiche";
import { projectFicheFromStorage } from "@/server/fiche-projection";

// The action reads the session and tells Next's cache; both are replaced so that the test can sign in as anyone.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/server/session", () => ({ getCurrentViewer: async () => session.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { restoreRevisionAction } = await import("./actions");

const db = getTestDb();
const signInAs = (userId: number | null) => (session.viewer = userId === null ? null : getViewerById(db, userId));

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) data.append(key, value);
  return data;
}

function editedFiche() {
  const doc = new Y.Doc();
  writeFicheContent(doc, { type: "pratique", titre: "Titre d'origine" });
  const created = insertFiche(db, { type: "pratique", titre: "Titre d'origine", createdBy: null, statut: "publiee", state: Y.encodeStateAsUpdate(doc) });
  doc.destroy();
  const first = db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, created.id)).get()!;
  editFicheDocument(created.id, null, (d) => writeFicheContent(d, { titre: "Titre changé" }), db);
  projectFicheFromStorage(db, created.id);
  return { created, first };
}

const titreOf = (id: number) => db.select({ titre: fiche.titre }).from(fiche).where(eq(fiche.id, id)).get()!.titre;

beforeEach(() => {
  session.viewer = null;
});

describe("restoreRevisionAction", () => {
  it("refuses visitors and people who may not edit, in French, and changes nothing", async () => {
    const { created, first } = editedFiche();
    const input = form({ ficheId: String(created.id), revisionId: String(first.id) });
    expect(await restoreRevisionAction(null, input)).toMatchObject({ ok: false, code: "unauthenticated", message: "Connectez-vous pour faire cela." });
    db.update(fiche).set({ verrouillee: true }).where(eq(fiche.id, created.id)).run();
    signInAs(buildUser().id);
    expect(await restoreRevisionAction(null, input)).toMatchObject({
      ok: false,
      code: "forbidden",
      message: "Vous ne pouvez pas modifier cette fiche, donc pas en restaurer une version.",
    });
    expect(titreOf(created.id)).toBe("Titre changé");
  });

  it("explains a malformed request field by field", async () => {
    signInAs(buildUser().id);
    const result = await restoreRevisionAction(null, form({ ficheId: "abc", revisionId: "-3" }));
    expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { ficheId: ["Fiche inconnue."], revisionId: ["Version inconnue."] } });
  });

  it("restores for an editor and says so", async () => {
    const { created, first } = editedFiche();
    signInAs(buildUser().id);
    const result = await restoreRevisionAction(null, form({ ficheId: String(created.id), revisionId: String(first.id) }));
    expect(result.ok).toBe(true);
    expect(result.message).toMatch(/^Cette version est restaurée/);
    expect(titreOf(created.id)).toBe("Titre d'origine");
    const again = await restoreRevisionAction(null, form({ ficheId: String(created.id), revisionId: String(first.id) }));
    expect(again).toMatchObject({ ok: false, code: "already_current", message: "Cette version est identique au contenu actuel de la fiche : il n'y a rien à restaurer." });
  });
});
