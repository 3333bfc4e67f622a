import { afterEach, describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { CLOSE_CODES } from "@/lib/collab/messages";
import { buildFiche, buildUser, connectClient, sessionCookie, startTestServer, synced, waitFor, type TestClient, type TestServer } from "./collab/testing";
import { hideFiche } from "./moderation";

const db = getTestDb();
const servers: TestServer[] = [];
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.stop();
});

describe("a fiche hidden while people are on it", () => {
  it("closes the connections of everyone but moderators, its author included", async () => {
    const server = await startTestServer(db, { rightsCheckIntervalMs: 50 });
    servers.push(server);
    const author = buildUser(db);
    const moderator = buildUser(db, { role: "moderateur" });
    const f = buildFiche(db, { createdBy: author.id });
    const connect = async (userId: number | null) => {
      const client = connectClient(server.baseUrl, f.id, userId === null ? {} : { cookie: await sessionCookie(userId) });
      clients.push(client);
      return client;
    };
    const [authorClient, visitor, moderatorClient] = await Promise.all([connect(author.id), connect(null), connect(moderator.id)]);
    await Promise.all([synced(authorClient), synced(visitor), synced(moderatorClient)]);

    hideFiche(db, getViewerById(db, moderator.id), f.id);

    await waitFor(() => authorClient.closes.length > 0 && visitor.closes.length > 0, 5000, "readers were not closed");
    expect(authorClient.closes[0]).toEqual({ code: CLOSE_CODES.forbidden, reason: "You can no longer read this fiche" });
    expect(visitor.closes[0].code).toBe(CLOSE_CODES.forbidden);
    expect(moderatorClient.closes).toEqual([]);
  });
});
