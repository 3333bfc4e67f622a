import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { ficheRevision, ficheUpdate } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, readFicheContent, writeFicheContent } from "@/lib/fiche/document";
import { silentLogger } from "./collab/log";
import { connectClient, sessionCookie, startTestServer, synced, waitFor, type TestClient, type TestServer } from "./collab/testing";
import { insertFiche } from "./fiche";
import { restoreRevision, takeRevision } from "./revision";

const db = getTestDb();
let server: TestServer | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.stop();
  server = null;
});

const p = (text: string): JSONContent => ({ type: "paragraph", content: [{ type: "text", text }] });

function bodyTextOf(doc: Y.Doc): string {
  const json = yXmlFragmentToProsemirrorJSON(bodyFragment(doc));
  return (json.content ?? []).map((block: JSONContent) => (block.content ?? []).map((t: JSONContent) => t.text ?? "").join("")).join("\n");
}

const revisionsOf = (ficheId: number) => db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).orderBy(ficheRevision.id).all();
const logSize = (ficheId: number) => db.select().from(ficheUpdate).where(eq(ficheUpdate.ficheId, ficheId)).all().length;

describe("restoring a revision while people edit the fiche", () => {
  it("reaches a connected editor at once, saves their unsaved work first and credits nobody twice", async () => {
    server = await startTestServer(db, {
      logger: silentLogger,
      onRevision: (ficheId, state, authorIds, reason) => void takeRevision(db, ficheId, state, authorIds, reason),
      revisionQuietMs: 60_000,
      revisionIntervalMs: 60_000,
    });
    const alice = buildUser();
    const bob = buildUser();
    const initial = new Y.Doc();
    writeFicheContent(initial, { type: "pratique", titre: "Café numérique", commune: "Bordeaux" });
    prosemirrorJSONToYXmlFragment(getFicheSchema(), { type: "doc", content: [p("Le texte d'origine.")] }, bodyFragment(initial));
    const f = insertFiche(db, { type: "pratique", titre: "Café numérique", createdBy: alice.id, statut: "publiee", state: Y.encodeStateAsUpdate(initial) });
    const [creation] = revisionsOf(f.id);

    const client = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(alice.id) });
    clients.push(client);
    await synced(client);
    client.doc.transact(() => {
      writeFicheContent(client.doc, { titre: "Café numérique du samedi", commune: "Cenon" });
      const fragment = bodyFragment(client.doc);
      fragment.delete(0, fragment.length);
      prosemirrorJSONToYXmlFragment(getFicheSchema(), { type: "doc", content: [p("Réécrit par Alice.")] }, fragment);
    });
    await waitFor(() => liveText(server!, f.id) === "Café numérique du samedi / Réécrit par Alice.", 5000, "alice's edits did not reach the server");
    const logBefore = logSize(f.id);

    const restored = restoreRevision(db, f.id, creation.id, getViewerById(db, bob.id)!);

    await waitFor(() => readFicheContent(client.doc).titre === "Café numérique", 5000, "alice did not see the restored title");
    await waitFor(() => bodyTextOf(client.doc) === "Le texte d'origine.", 5000, "alice did not see the restored body");
    expect(readFicheContent(client.doc).commune).toBe("Bordeaux");
    expect(logSize(f.id)).toBe(logBefore + 1);

    const [first, saved, last] = revisionsOf(f.id);
    expect(first).toEqual(creation);
    expect(saved).toMatchObject({ reason: "pause", authorIds: [alice.id], titre: "Café numérique du samedi" });
    expect(last).toMatchObject({ id: restored.id, reason: "restauration", restoredFromId: creation.id, authorIds: [bob.id] });

    // The server's own triggers (here: shutdown) find nothing new to save.
    for (const c of clients.splice(0)) c.destroy();
    await server.stop();
    server = null;
    expect(revisionsOf(f.id)).toHaveLength(3);
  });
});

/** The live document's title and body text, as the server holds them. */
function liveText(running: TestServer, ficheId: number): string {
  const state = running.collab.encodeDocumentState(ficheId);
  if (!state) return "";
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  const text = `${readFicheContent(doc).titre} / ${bodyTextOf(doc)}`;
  doc.destroy();
  return text;
}
