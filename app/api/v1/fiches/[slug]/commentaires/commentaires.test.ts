import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { createApiToken } from "@/server/api-token";
import { apiRequest, buildFicheWithContent, callRoute, jsonOf } from "@/server/api/testing";
import { askQuestion } from "@/server/comment";
import { publishComment } from "@/server/comment-moderation";
import { GET, POST } from "./route";

const db = getTestDb();

let tokens = 0;
const tokenOf = (owner: { id: number }) => createApiToken(db, getViewerById(db, owner.id), `Tests ${++tokens}`).token;
const list = (slug: string) => callRoute(GET, apiRequest(`/api/v1/fiches/${slug}/commentaires`), { slug });
const post = (slug: string, body: unknown, token?: string) => callRoute(POST, apiRequest(`/api/v1/fiches/${slug}/commentaires`, { body, token }), { slug });

type Thread = { id: number; author: { name: string; visitor: boolean }; body: string; text: string; resolved: boolean; replies: { body: string }[] };

describe("/api/v1/fiches/{slug}/commentaires", () => {
  it("opens threads and replies with a token, and reads them back without one", async () => {
    const alice = buildUser({ name: "Alice Api" });
    const bob = buildUser({ name: "Bob Api" });
    const fiche = buildFicheWithContent(db);

    const opened = await post(fiche.slug, { body: `Bonjour @[B](${bob.id}), des nouvelles ?` }, tokenOf(alice));
    expect(opened.status).toBe(201);
    const { data } = (await jsonOf<{ data: Thread[] }>(opened)).body;
    expect(opened.headers.get("location")).toMatch(new RegExp(`/fiches/${fiche.slug}#commentaire-${data[0].id}$`));

    expect((await post(fiche.slug, { body: "Oui !", threadId: data[0].id }, tokenOf(bob))).status).toBe(201);
    const read = await jsonOf<{ data: Thread[]; meta: object }>(await list(fiche.slug));
    expect(read.status).toBe(200);
    expect(read.body.meta).toEqual({ total: 1, messages: 2 });
    expect(read.body.data[0]).toMatchObject({ author: { name: "Alice Api", visitor: false }, text: "Bonjour @Bob Api, des nouvelles ?", resolved: false, replies: [{ body: "Oui !" }] });
  });

  it("shows a visitor's question once published, never its email", async () => {
    const fiche = buildFicheWithContent(db);
    const question = askQuestion(db, null, "203.0.113.7", { ficheId: fiche.id, visitorName: "Nadia", visitorEmail: "nadia@exemple.fr", body: "Est-ce gratuit ?" });
    expect((await jsonOf<{ data: Thread[] }>(await list(fiche.slug))).body.data).toEqual([]);
    publishComment(db, getViewerById(db, buildUser({ role: "moderateur" }).id), question.id);
    const response = await list(fiche.slug);
    const text = await response.text();
    expect(JSON.parse(text).data[0]).toMatchObject({ author: { name: "Nadia", visitor: true }, body: "Est-ce gratuit ?" });
    expect(text).not.toContain("nadia@exemple.fr");
  });

  it("refuses writes without a token, bad bodies in English, and a thread of another fiche", async () => {
    const alice = buildUser();
    const token = tokenOf(alice);
    const fiche = buildFicheWithContent(db);
    const other = buildFicheWithContent(db);
    expect((await post(fiche.slug, { body: "Anonyme" })).status).toBe(401);

    const invalid = await jsonOf(await post(fiche.slug, { body: "", html: "<b>x</b>" }, token));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.details).toEqual(
      expect.arrayContaining([
        { field: "body", message: "body is required: a non-empty string." },
        { field: "html", message: "Unknown field." },
      ]),
    );

    const elsewhere = (await jsonOf<{ data: Thread[] }>(await post(other.slug, { body: "Ailleurs" }, token))).body.data[0];
    expect((await post(fiche.slug, { body: "Réponse égarée", threadId: elsewhere.id }, token)).status).toBe(404);
    expect((await jsonOf<{ data: Thread[] }>(await list(other.slug))).body.data[0].replies).toEqual([]);
    expect((await post("inconnue", { body: "?" }, token)).status).toBe(404);
  });
});
