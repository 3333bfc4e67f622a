import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { fiche } from "@/db/schema";
import { getViewerById } from "@/db/queries/viewer";
import { createApiToken } from "@/server/api-token";
import { apiRequest, buildFicheWithContent, callRoute, jsonOf } from "@/server/api/testing";
import { indexFiche } from "@/server/search";
import { GET } from "./route";

const db = getTestDb();

function indexedFiche(values: Parameters<typeof buildFicheWithContent>[1]) {
  const f = buildFicheWithContent(db, values);
  indexFiche(db, f.id);
  return f;
}

const search = (query: string, token?: string) => callRoute(GET, apiRequest(`/api/v1/search?${query}`, { token }));

describe("GET /api/v1/search", () => {
  it("finds published fiches only, whatever the token, with facets and the page's meta", async () => {
    const published = indexedFiche({ titre: "Réparation de vélos et d'ordinateurs", type: "pratique" });
    indexedFiche({ titre: "Ordinateurs reconditionnés", type: "idee" });
    const author = buildUser();
    const draft = indexedFiche({ titre: "Ordinateurs en brouillon", statut: "brouillon", createdBy: author.id });
    const hidden = indexedFiche({ titre: "Ordinateurs masqués" });
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    indexFiche(db, hidden.id);

    const response = await search("q=ordinateur&type=pratique", createApiToken(db, getViewerById(db, author.id), "Recherche").token);
    const { status, body } = await jsonOf<{ data: { slug: string; kind: string; url: string }[]; meta: Record<string, unknown>; facets: { facet: string }[] }>(response);
    expect(status).toBe(200);
    expect(body.data.map((r) => r.slug)).toEqual([published.slug]);
    expect(body.data[0]).toMatchObject({ kind: "fiche", url: `http://localhost:3000/fiches/${published.slug}` });
    expect(body.meta).toEqual({ page: 1, per_page: 20, total: 1, page_count: 1, correction: null, bounded: false });
    expect(body.facets.map((f) => f.facet)).toContain("type");
    expect(JSON.stringify(body)).not.toContain(draft.slug);
    expect(JSON.stringify(body)).not.toContain(hidden.slug);
    expect(response.headers.get("etag")).toBeTruthy();
  });

  it("refuses a search without words, and answers a page past the last one empty", async () => {
    const missing = await jsonOf(await search("type=pratique"));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ code: "invalid_query", details: [{ field: "q" }] });
    expect((await jsonOf(await search("q=velo&page=51"))).status).toBe(400);
    const past = await jsonOf<{ data: unknown[]; meta: { page: number } }>(await search("q=velo&page=7"));
    expect(past.status).toBe(200);
    expect(past.body.data).toEqual([]);
    expect(past.body.meta.page).toBe(7);
  });
});
