import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ficheRevision, type FicheRevision } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { takeRevision } from "@/server/revision";
import type { CollabServerOptions } from "./server";
import { buildFiche, buildUser, connectClient, editFicheDocument, recordingLogger, sessionCookie, startTestServer, synced, waitFor, type TestClient, type TestServer } from "./testing";

const db = getTestDb();
const servers: TestServer[] = [];
const clients: TestClient[] = [];

/** A server whose revisions go to the real revision table, with the given timers. */
async function start(options: CollabServerOptions = {}) {
  const logger = recordingLogger();
  const server = await startTestServer(db, {
    logger,
    onRevision: (ficheId, state, authorIds, reason) => void takeRevision(db, ficheId, state, authorIds, reason),
    ...options,
  });
  servers.push(server);
  return { server, logger };
}

async function editor(server: TestServer, ficheId: number, userId: number) {
  const client = connectClient(server.baseUrl, ficheId, { cookie: await sessionCookie(userId) });
  clients.push(client);
  await synced(client);
  return client;
}

function revisions(ficheId: number): FicheRevision[] {
  return db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, ficheId)).orderBy(ficheRevision.id).all();
}

function titreOf(revision: FicheRevision): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, revision.state);
  return doc.getText("titre").toString();
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

describe("automatic revisions", () => {
  it("takes one when editing goes quiet, with the editors who wrote since the last one", async () => {
    const { server } = await start({ revisionQuietMs: 200, revisionIntervalMs: 60_000 });
    const f = buildFiche(db);
    const alice = buildUser(db);
    const bob = buildUser(db);
    const reader = buildUser(db);
    const a = await editor(server, f.id, alice.id);
    const b = await editor(server, f.id, bob.id);
    await editor(server, f.id, reader.id);
    a.doc.getText("titre").insert(0, "Atelier");
    b.doc.getText("titre").insert(0, "Grand ");

    await waitFor(() => revisions(f.id).length === 1, 5000, "no revision after the quiet time");
    const [taken] = revisions(f.id);
    expect(taken.reason).toBe("pause");
    expect(taken.authorIds).toEqual([alice.id, bob.id].sort((x, y) => x - y));
    expect(titreOf(taken)).toBe(a.text());

    // A later quiet period credits only who wrote since.
    b.doc.getText("titre").insert(b.text().length, " du mardi");
    await waitFor(() => revisions(f.id).length === 2, 5000, "no second revision");
    expect(revisions(f.id)[1]).toMatchObject({ reason: "pause", authorIds: [bob.id] });
  });

  it("takes one when the last editor leaves, not before", async () => {
    const { server } = await start({ revisionQuietMs: 60_000, revisionIntervalMs: 60_000 });
    const f = buildFiche(db);
    const alice = buildUser(db);
    const bob = buildUser(db);
    const a = await editor(server, f.id, alice.id);
    const b = await editor(server, f.id, bob.id);
    a.doc.getText("titre").insert(0, "Permanence");
    await waitFor(() => b.text() === "Permanence", 5000, "bob did not receive the edit");

    a.destroy();
    await waitFor(() => server.collab.stats().connections === 1, 5000, "alice's connection did not close");
    expect(revisions(f.id)).toEqual([]);

    b.doc.getText("titre").insert(b.text().length, " numérique");
    b.destroy();
    await waitFor(() => revisions(f.id).length === 1, 5000, "no revision when the last editor left");
    const [taken] = revisions(f.id);
    expect(taken.reason).toBe("depart");
    expect(taken.authorIds).toEqual([alice.id, bob.id].sort((x, y) => x - y));
    // What bob typed just before leaving is in it.
    expect(titreOf(taken)).toBe("Permanence numérique");
  });

  it("takes one at the interval during a long session of continuous editing", async () => {
    const { server } = await start({ revisionQuietMs: 60_000, revisionIntervalMs: 300 });
    const f = buildFiche(db);
    const alice = buildUser(db);
    const a = await editor(server, f.id, alice.id);
    let typed = 0;
    const typing = setInterval(() => a.doc.getText("titre").insert(a.text().length, `${typed++ % 10}`), 30);
    try {
      await waitFor(() => revisions(f.id).length >= 2, 10_000, "no interval revisions while typing");
    } finally {
      clearInterval(typing);
    }
    const taken = revisions(f.id);
    expect(taken.every((r) => r.reason === "intervalle")).toBe(true);
    expect(taken.every((r) => r.authorIds.length === 1 && r.authorIds[0] === alice.id)).toBe(true);
    expect(titreOf(taken[1]).length).toBeGreaterThan(titreOf(taken[0]).length);
  });

  it("credits server-side writes to their user, on fiches nobody has open too", async () => {
    const { server } = await start({ revisionQuietMs: 150, revisionIntervalMs: 60_000 });
    const f = buildFiche(db);
    const apiUser = buildUser(db);
    const update = (() => {
      const doc = new Y.Doc();
      doc.getText("titre").insert(0, "Écrit par l'API");
      return Y.encodeStateAsUpdate(doc);
    })();
    server.collab.documents.edit(f.id, { system: "script", userId: apiUser.id }, { kind: "update", update });
    expect(server.collab.stats().loadedFiches).toBe(0);

    await waitFor(() => revisions(f.id).length === 1, 5000, "no revision of the API write");
    expect(revisions(f.id)[0]).toMatchObject({ reason: "pause", authorIds: [apiUser.id] });
    expect(titreOf(revisions(f.id)[0])).toBe("Écrit par l'API");
  });

  it("takes what is pending on demand and on shutdown, and never twice for the same content", async () => {
    const { server } = await start({ revisionQuietMs: 60_000, revisionIntervalMs: 60_000 });
    const f = buildFiche(db);
    const g = buildFiche(db);
    const user = buildUser(db);
    editFicheDocument(f.id, user.id, (doc) => doc.getText("titre").insert(0, "Avant restauration"), db);
    server.collab.takePendingRevision(f.id);
    expect(revisions(f.id)).toHaveLength(1);
    server.collab.takePendingRevision(f.id);
    expect(revisions(f.id)).toHaveLength(1);

    editFicheDocument(g.id, user.id, (doc) => doc.getText("titre").insert(0, "Écrit avant l'arrêt"), db);
    await server.stop();
    servers.splice(servers.indexOf(server), 1);
    expect(revisions(g.id)).toHaveLength(1);
    expect(titreOf(revisions(g.id)[0])).toBe("Écrit avant l'arrêt");
  });

  it("logs a revision that could not be stored and takes it at the next trigger", async () => {
    let fail = true;
    const { server, logger } = await start({
      revisionQuietMs: 60_000,
      revisionIntervalMs: 60_000,
      onRevision: (ficheId, state, authorIds, reason) => {
        if (fail) throw new Error("disk full");
        takeRevision(db, ficheId, state, authorIds, reason);
      },
    });
    const f = buildFiche(db);
    const user = buildUser(db);
    editFicheDocument(f.id, user.id, (doc) => doc.getText("titre").insert(0, "Fragile"), db);
    server.collab.takePendingRevision(f.id);
    expect(logger.lines.some((line) => line.includes(`fiche ${f.id}: could not take a revision (pause): disk full`))).toBe(true);
    expect(revisions(f.id)).toEqual([]);

    fail = false;
    server.collab.takePendingRevision(f.id);
    expect(revisions(f.id)).toHaveLength(1);
    expect(revisions(f.id)[0].authorIds).toEqual([user.id]);
  });
});
