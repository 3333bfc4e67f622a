import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { encode } from "next-auth/jwt";
import { getTestDb } from "@/db/testing";
import { user } from "@/db/schema";
import { isOriginAllowed, parseCookies } from "./auth";
import {
  buildActeur,
  buildFiche,
  buildUser,
  closeOf,
  openRawSocket,
  recordingLogger,
  sessionCookie,
  startTestServer,
  tokenCookie,
  type TestServer,
} from "./testing";

const db = getTestDb();
const logger = recordingLogger();
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer(db, { logger });
});
afterAll(async () => {
  await server.stop();
});

async function statusOf(path: string, options: { cookie?: string; origin?: string } = {}) {
  const result = await openRawSocket(`${server.baseUrl}${path}`, options);
  if ("ws" in result) {
    const closed = closeOf(result.ws);
    result.ws.close();
    await closed;
    return { status: 101, body: "" };
  }
  return result;
}

describe("socket authentication", () => {
  it("parses cookies as a browser sends them", () => {
    expect(parseCookies('a=1; next-auth.session-token="x%3Dy"; a=2;bad; =z')).toEqual({ a: "1", "next-auth.session-token": "x=y" });
  });

  it("accepts the allowed origins, the request's own host and non-browser clients, nothing else", () => {
    const allowed = ["https://wiki.example.org"];
    expect(isOriginAllowed("https://wiki.example.org", "internal:3000", allowed)).toBe(true);
    expect(isOriginAllowed("http://wiki.example.org", "internal:3000", allowed)).toBe(false);
    expect(isOriginAllowed("http://localhost:3000", "localhost:3000", allowed)).toBe(true);
    expect(isOriginAllowed("https://evil.example", "wiki.example.org", allowed)).toBe(false);
    expect(isOriginAllowed("null", "wiki.example.org", allowed)).toBe(false);
    expect(isOriginAllowed(undefined, "wiki.example.org", allowed)).toBe(true);
  });

  it("refuses a foreign Origin with 403 before upgrading", async () => {
    const f = buildFiche(db);
    const cookie = await sessionCookie(buildUser(db).id);
    expect(await statusOf(`/${f.id}`, { cookie, origin: "https://evil.example" })).toEqual({
      status: 403,
      body: "Origin https://evil.example is not allowed\n",
    });
    expect(logger.lines).toContain(`warn refused upgrade /_collab/${f.id}: 403 Origin https://evil.example is not allowed`);
    expect((await statusOf(`/${f.id}`, { cookie, origin: server.origin })).status).toBe(101);
  });

  it("answers 404 for an unknown fiche or a path that names none", async () => {
    expect(await statusOf("/987654")).toEqual({ status: 404, body: "Fiche 987654 does not exist\n" });
    expect((await statusOf("/abc")).status).toBe(404);
    expect((await statusOf("")).status).toBe(404);
  });

  it("hides a draft from anonymous visitors (401) and strangers (403), not from its author or porteurs' members", async () => {
    const author = buildUser(db);
    const member = buildUser(db);
    const porteur = buildActeur(db, [member.id]);
    const draft = buildFiche(db, { statut: "brouillon", createdBy: author.id }, [porteur.id]);
    expect(await statusOf(`/${draft.id}`)).toEqual({ status: 401, body: `Fiche ${draft.id} is not public; sign in to read it\n` });
    const stranger = buildUser(db);
    expect(await statusOf(`/${draft.id}`, { cookie: await sessionCookie(stranger.id) })).toEqual({
      status: 403,
      body: `User ${stranger.id} may not read fiche ${draft.id}\n`,
    });
    expect((await statusOf(`/${draft.id}`, { cookie: await sessionCookie(author.id) })).status).toBe(101);
    expect((await statusOf(`/${draft.id}`, { cookie: await sessionCookie(member.id) })).status).toBe(101);
  });

  it("refuses a disabled account and treats a token signed with another secret as no session", async () => {
    const draftAuthor = buildUser(db, { disabled: true });
    const f = buildFiche(db, { statut: "brouillon", createdBy: draftAuthor.id });
    expect((await statusOf(`/${f.id}`, { cookie: await sessionCookie(draftAuthor.id) })).status).toBe(403);
    db.update(user).set({ disabled: false }).where(eq(user.id, draftAuthor.id)).run();
    const forged = await encode({ token: { sub: String(draftAuthor.id), uid: draftAuthor.id }, secret: "another-secret" });
    expect((await statusOf(`/${f.id}`, { cookie: `next-auth.session-token=${forged}` })).status).toBe(401);
    expect((await statusOf(`/${f.id}`, { cookie: await sessionCookie(draftAuthor.id) })).status).toBe(101);
  });

  it("acts as the local account of the token's uid, never as the OpenID Connect subject in sub", async () => {
    const moderator = buildUser(db, { role: "moderateur" });
    const contributor = buildUser(db);
    // Only the moderator (and the author) may read this draft.
    const draft = buildFiche(db, { statut: "brouillon", createdBy: moderator.id });
    // After an OIDC sign-in, next-auth puts the provider's subject in sub, here the moderator's id by chance.
    const oidc = await tokenCookie({ sub: String(moderator.id), uid: contributor.id, name: "Via ProConnect" });
    expect(await statusOf(`/${draft.id}`, { cookie: oidc })).toEqual({
      status: 403,
      body: `User ${contributor.id} may not read fiche ${draft.id}\n`,
    });
    // A non-numeric subject does not stop the local account from working.
    const own = buildFiche(db, { statut: "brouillon", createdBy: contributor.id });
    const uuid = await tokenCookie({ sub: "2f1c9a4e-5d1b-4e8a-9a57-0c3b1f6d7e21", uid: contributor.id });
    expect((await statusOf(`/${own.id}`, { cookie: uuid })).status).toBe(101);
    // A token without uid is no session, whatever sub says.
    expect((await statusOf(`/${draft.id}`, { cookie: await tokenCookie({ sub: String(moderator.id) }) })).status).toBe(401);
  });

  it("reads the __Secure- cookie when the public URL is https", async () => {
    const secure = await startTestServer(db, { logger, secureCookie: true });
    try {
      const author = buildUser(db);
      const f = buildFiche(db, { statut: "brouillon", createdBy: author.id });
      const token = (await sessionCookie(author.id)).split("=")[1];
      const plain = await openRawSocket(`${secure.baseUrl}/${f.id}`, { cookie: `next-auth.session-token=${token}` });
      expect("status" in plain && plain.status).toBe(401);
      const opened = await openRawSocket(`${secure.baseUrl}/${f.id}`, { cookie: `__Secure-next-auth.session-token=${token}` });
      expect("ws" in opened).toBe(true);
      if ("ws" in opened) opened.ws.close();
    } finally {
      await secure.stop();
    }
  });
});
