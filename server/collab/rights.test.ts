import { afterEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { fiche, membership, user } from "@/db/schema";
import { CLOSE_CODES } from "@/lib/collab/messages";
import {
  buildActeur,
  buildFiche,
  buildUser,
  connectClient,
  recordingLogger,
  sessionCookie,
  settle,
  startTestServer,
  synced,
  waitFor,
  type TestClient,
  type TestServer,
} from "./testing";

const db = getTestDb();
const servers: TestServer[] = [];
const clients: TestClient[] = [];

async function start() {
  const logger = recordingLogger();
  const server = await startTestServer(db, { logger, rightsCheckIntervalMs: 50 });
  servers.push(server);
  return { ...server, logger };
}
function connect(...args: Parameters<typeof connectClient>) {
  const client = connectClient(...args);
  clients.push(client);
  return client;
}
function serverText(server: TestServer, ficheId: number): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, server.collab.encodeDocumentState(ficheId)!);
  return doc.getText("titre").toString();
}
function type(client: TestClient, text: string): void {
  const titre = client.doc.getText("titre");
  titre.insert(titre.length, text);
}

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

describe("rights of open connections", () => {
  it("turns a contributor read-only when the fiche is locked, and back when it is unlocked", async () => {
    const server = await start();
    const f = buildFiche(db);
    const contributeur = buildUser(db);
    const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(contributeur.id) });
    const watcher = connect(server.baseUrl, f.id);
    await Promise.all([synced(client), synced(watcher)]);
    type(client, "Avant.");
    await waitFor(() => watcher.text() === "Avant.");

    db.update(fiche).set({ verrouillee: true }).where(eq(fiche.id, f.id)).run();
    await waitFor(() => server.logger.lines.some((l) => l.includes(`user ${contributeur.id}: is now read-only`)));
    type(client, " Pendant.");
    await settle();
    expect(serverText(server, f.id)).toBe("Avant.");
    expect(watcher.text()).toBe("Avant.");
    expect(client.closes).toEqual([]);

    db.update(fiche).set({ verrouillee: false }).where(eq(fiche.id, f.id)).run();
    await waitFor(() => watcher.text() === "Avant. Pendant.", 5000, "edits were not accepted after unlocking");
  });

  it("keeps a porteur's member editing a locked fiche until the membership ends", async () => {
    const server = await start();
    const member = buildUser(db);
    const porteur = buildActeur(db, [member.id]);
    const f = buildFiche(db, { verrouillee: true }, [porteur.id]);
    const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(member.id) });
    await synced(client);
    type(client, "Porteur");
    await waitFor(() => serverText(server, f.id) === "Porteur");

    db.delete(membership).where(and(eq(membership.userId, member.id), eq(membership.acteurId, porteur.id))).run();
    await waitFor(() => server.logger.lines.some((l) => l.includes(`user ${member.id}: is now read-only`)));
    type(client, " parti");
    await settle();
    expect(serverText(server, f.id)).toBe("Porteur");
  });

  it("closes the connection of a disabled account for good", async () => {
    const server = await start();
    const f = buildFiche(db);
    const victim = buildUser(db);
    const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(victim.id) });
    await synced(client);
    const closed = new Promise<{ code: number; reason: string }>((resolve) => client.provider.once("closed", resolve));
    db.update(user).set({ disabled: true }).where(eq(user.id, victim.id)).run();
    expect(await closed).toEqual({ code: CLOSE_CODES.forbidden, reason: "Your account is disabled or was deleted" });
    expect(client.provider.shouldConnect).toBe(false);
  });

  it("closes a stranger's connection when the fiche turns back into a draft, not its author's", async () => {
    const server = await start();
    const author = buildUser(db);
    const f = buildFiche(db, { createdBy: author.id });
    const stranger = connect(server.baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id) });
    const anonymous = connect(server.baseUrl, f.id);
    const owner = connect(server.baseUrl, f.id, { cookie: await sessionCookie(author.id) });
    await Promise.all([synced(stranger), synced(anonymous), synced(owner)]);

    db.update(fiche).set({ statut: "brouillon" }).where(eq(fiche.id, f.id)).run();
    await waitFor(() => stranger.closes.length > 0 && anonymous.closes.length > 0, 5000, "readers were not closed");
    expect(stranger.closes[0]).toEqual({ code: CLOSE_CODES.forbidden, reason: "You can no longer read this fiche" });
    expect(anonymous.closes[0].code).toBe(CLOSE_CODES.forbidden);
    type(owner, "Brouillon");
    await waitFor(() => serverText(server, f.id) === "Brouillon");
    expect(owner.closes).toEqual([]);
  });

  it("closes every connection of a deleted fiche", async () => {
    const server = await start();
    const f = buildFiche(db);
    const client = connect(server.baseUrl, f.id);
    await synced(client);
    db.delete(fiche).where(eq(fiche.id, f.id)).run();
    await waitFor(() => client.closes.length > 0);
    expect(client.closes[0]).toEqual({ code: CLOSE_CODES.ficheDeleted, reason: "This fiche was deleted" });
  });
});
