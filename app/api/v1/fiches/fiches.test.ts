import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActeur, buildLieu, buildUser, themeId } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { fiche, user } from "@/db/schema";
import { getViewerById } from "@/db/queries/viewer";
import { readFicheContent } from "@/lib/fiche/document";
import { createApiToken, revokeApiToken } from "@/server/api-token";
import { loadDocumentState } from "@/server/collab/persistence";
import { sessionCookie } from "@/server/collab/testing";
import { apiRequest, buildFicheWithContent, callRoute, jsonOf } from "@/server/api/testing";
import { GET as getFiche, PATCH as patchFiche } from "./[slug]/route";
import { GET as listFiches, POST as postFiche } from "./route";

const db = getTestDb();

function tokenFor(values: Parameters<typeof buildUser>[0] = {}) {
  const owner = buildUser(values);
  return { owner, token: createApiToken(db, getViewerById(db, owner.id), "Tests").token };
}

function storedContent(ficheId: number) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(db, ficheId)!);
  return readFicheContent(doc);
}

const read = (slug: string, token?: string, headers?: Record<string, string>) => callRoute(getFiche, apiRequest(`/api/v1/fiches/${slug}`, { token, headers }), { slug });
const patch = (slug: string, body: unknown, token?: string, headers?: Record<string, string>) =>
  callRoute(patchFiche, apiRequest(`/api/v1/fiches/${slug}`, { method: "PATCH", body, token, headers }), { slug });

describe("GET /api/v1/fiches", () => {
  it("lists published fiches with filters, a meta object and Link headers", async () => {
    const theme = themeId("service-public");
    const fiches = [1, 2, 3].map((n) => buildFicheWithContent(db, { type: "idee", titre: `Idée filtrée ${n}`, content: { themes: [theme] } }));
    buildFicheWithContent(db, { type: "idee", titre: "Brouillon", statut: "brouillon", content: { themes: [theme] } });
    const hidden = buildFicheWithContent(db, { type: "idee", titre: "Masquée", content: { themes: [theme] } });
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();

    const response = await callRoute(listFiches, apiRequest("/api/v1/fiches?type=idee&theme=service-public&per_page=2&page=1"));
    const { status, body } = await jsonOf<{ data: { slug: string; statut: string }[]; meta: Record<string, number> }>(response);
    expect(status).toBe(200);
    expect(body.meta).toEqual({ page: 1, per_page: 2, total: 3, page_count: 2 });
    expect(body.data.map((f) => f.slug)).toEqual([fiches[2].slug, fiches[1].slug]);
    const links = Object.fromEntries(
      response.headers
        .get("link")!
        .split(", ")
        .map((part) => /^<([^>]+)>; rel="(\w+)"$/.exec(part)!)
        .map(([, url, rel]) => [rel, new URL(url)]),
    );
    expect(Object.keys(links).sort()).toEqual(["first", "last", "next"]);
    expect(links.next.searchParams.get("page")).toBe("2");
    expect(links.next.searchParams.get("per_page")).toBe("2");
    expect(links.next.searchParams.get("theme")).toBe("service-public");

    const past = await jsonOf<{ data: unknown[]; meta: Record<string, number> }>(
      await callRoute(listFiches, apiRequest("/api/v1/fiches?type=idee&theme=service-public&per_page=2&page=3")),
    );
    expect(past.body).toEqual({ data: [], meta: { page: 3, per_page: 2, total: 3, page_count: 2 } });
  });

  it("lists the token owner's drafts with statut=brouillon, and nobody else's", async () => {
    const { owner, token } = tokenFor();
    const mine = buildFicheWithContent(db, { statut: "brouillon", createdBy: owner.id });
    buildFicheWithContent(db, { statut: "brouillon", createdBy: buildUser().id });
    const withToken = await jsonOf<{ data: { slug: string }[] }>(await callRoute(listFiches, apiRequest("/api/v1/fiches?statut=brouillon", { token })));
    expect(withToken.body.data.map((f) => f.slug)).toEqual([mine.slug]);
    const anonymous = await jsonOf<{ data: unknown[] }>(await callRoute(listFiches, apiRequest("/api/v1/fiches?statut=brouillon")));
    expect(anonymous.body.data).toEqual([]);
  });

  it("refuses wrong query parameters with a 400 naming each one", async () => {
    const { status, body } = await jsonOf(await callRoute(listFiches, apiRequest("/api/v1/fiches?per_page=500&type=recette&themes=x&page=0")));
    expect(status).toBe(400);
    expect(body).toEqual({
      error: {
        code: "invalid_query",
        message: "Some query parameters are invalid: see details.",
        details: expect.arrayContaining([
          { field: "per_page", message: "per_page must be a whole number from 1 to 100." },
          { field: "page", message: "page must be a whole number from 1 to 100000." },
          { field: "type", message: "type is one of: pratique, idee, fiche_pratique." },
          { field: "themes", message: "Unknown field." },
        ]),
      },
    });
  });
});

describe("GET /api/v1/fiches/{slug}", () => {
  it("gives the fields, the acteurs with their roles, the terms, the HTML and the text", async () => {
    const porteur = buildActeur({ nom: "Médiathèque de Mériadeck" });
    const lieu = buildLieu(porteur.id, { nom: "Espace multimédia" });
    const f = buildFicheWithContent(db, {
      titre: "Permanence numérique",
      content: { commune: "Bordeaux", etat: "en_cours", acteurs: [{ acteurId: porteur.id, role: "porteur" }], themes: [themeId("service-public")], lieux: [lieu.id] },
    });
    const { status, body } = await jsonOf(await read(f.slug));
    expect(status).toBe(200);
    expect(body).toMatchObject({
      slug: f.slug,
      type: "pratique",
      statut: "publiee",
      titre: "Permanence numérique",
      commune: "Bordeaux",
      etat: "en_cours",
      acteurs: [{ id: porteur.id, slug: porteur.slug, nom: "Médiathèque de Mériadeck", role: "porteur" }],
      themes: [{ id: themeId("service-public"), slug: "service-public" }],
      lieux: [{ id: lieu.id, nom: "Espace multimédia", acteur: { slug: porteur.slug } }],
      url: `http://localhost:3000/fiches/${f.slug}`,
    });
    expect(body.html).toContain("<h2");
    expect(typeof body.text).toBe("string");
  });

  it("serves a draft only to its author, its porteurs' members and moderators: 404 for anyone else", async () => {
    const author = tokenFor();
    const member = buildUser();
    const acteur = buildActeur({ members: [member] });
    const draft = buildFicheWithContent(db, { statut: "brouillon", createdBy: author.owner.id, content: { acteurs: [{ acteurId: acteur.id, role: "porteur" }] } });

    const anonymous = await jsonOf(await read(draft.slug));
    expect(anonymous).toEqual({ status: 404, body: { error: { code: "not_found", message: `Fiche "${draft.slug}" not found.` } } });
    expect((await read(draft.slug, tokenFor().token)).status).toBe(404);
    expect((await read(draft.slug, author.token)).status).toBe(200);
    expect((await read(draft.slug, createApiToken(db, getViewerById(db, member.id), "m").token)).status).toBe(200);
    expect((await read(draft.slug, tokenFor({ role: "moderateur" }).token)).status).toBe(200);
  });

  it("never serves a hidden fiche but to moderators", async () => {
    const hidden = buildFicheWithContent(db);
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    expect((await read(hidden.slug)).status).toBe(404);
    expect((await read(hidden.slug, tokenFor().token)).status).toBe(404);
    expect((await read(hidden.slug, tokenFor({ role: "moderateur" }).token)).status).toBe(200);
  });

  it("answers 304 to If-None-Match with the current ETag, and 200 once the fiche changed", async () => {
    const { token } = tokenFor();
    const f = buildFicheWithContent(db);
    const first = await read(f.slug);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    const again = await read(f.slug, undefined, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);

    expect((await patch(f.slug, { commune: "Pessac" }, token)).status).toBe(200);
    const changed = await read(f.slug, undefined, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });
});

describe("POST /api/v1/fiches", () => {
  it("creates a draft for the token's owner, with its content, and points to it", async () => {
    const { owner, token } = tokenFor();
    const acteur = buildActeur();
    const response = await callRoute(
      postFiche,
      apiRequest("/api/v1/fiches", {
        token,
        body: { type: "pratique", titre: "  Café numérique du jeudi ", commune: "Bègles", themes: ["service-public"], acteurs: [{ acteur: acteur.slug, role: "porteur" }] },
      }),
    );
    const { status, body } = await jsonOf(response);
    expect(status).toBe(201);
    expect(body).toMatchObject({ slug: "cafe-numerique-du-jeudi", statut: "brouillon", titre: "Café numérique du jeudi", commune: "Bègles" });
    expect(body.acteurs).toEqual([{ id: acteur.id, slug: acteur.slug, nom: acteur.nom, role: "porteur" }]);
    expect(response.headers.get("location")).toBe("http://localhost:3000/api/v1/fiches/cafe-numerique-du-jeudi");
    const row = db.select().from(fiche).where(eq(fiche.slug, "cafe-numerique-du-jeudi")).get()!;
    expect(row.createdBy).toBe(owner.id);
    expect(storedContent(row.id)).toMatchObject({ titre: "Café numérique du jeudi", commune: "Bègles", themes: [themeId("service-public")] });
    expect((await read(row.slug)).status).toBe(404);
    expect((await read(row.slug, token)).status).toBe(200);
  });

  it("refuses a write without a token, with a session cookie, or with a revoked token", async () => {
    const body = { type: "idee", titre: "Sans jeton" };
    const anonymous = await callRoute(postFiche, apiRequest("/api/v1/fiches", { body }));
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get("www-authenticate")).toContain("Bearer");
    expect((await anonymous.json()).error.code).toBe("token_required");

    const withCookie = await callRoute(postFiche, apiRequest("/api/v1/fiches", { body, headers: { cookie: await sessionCookie(buildUser().id) } }));
    expect(withCookie.status).toBe(401);

    const { owner, token } = tokenFor();
    const revoked = createApiToken(db, getViewerById(db, owner.id), "Révoqué");
    revokeApiToken(db, getViewerById(db, owner.id), revoked.id);
    const refused = await jsonOf(await callRoute(postFiche, apiRequest("/api/v1/fiches", { body, token: revoked.token })));
    expect(refused).toEqual({ status: 401, body: { error: { code: "invalid_token", message: "This API token is unknown, revoked, or its account is disabled." } } });

    db.update(user).set({ disabled: true }).where(eq(user.id, owner.id)).run();
    expect((await callRoute(postFiche, apiRequest("/api/v1/fiches", { body, token }))).status).toBe(401);
    expect(db.select().from(fiche).where(eq(fiche.titre, "Sans jeton")).all()).toEqual([]);
  });

  it("answers bad bodies in one English error shape: 415, 400 and 422 with every field", async () => {
    const { token } = tokenFor();
    const wrongType = await jsonOf(await callRoute(postFiche, apiRequest("/api/v1/fiches", { token, body: "type=idee", headers: { "content-type": "application/x-www-form-urlencoded" } })));
    expect(wrongType.status).toBe(415);
    expect(wrongType.body.error).toMatchObject({ code: "unsupported_media_type" });

    const malformed = await jsonOf(await callRoute(postFiche, apiRequest("/api/v1/fiches", { token, body: '{"type": "idee",' })));
    expect(malformed.status).toBe(400);
    expect(malformed.body.error).toMatchObject({ code: "invalid_json" });

    const invalid = await jsonOf(
      await callRoute(postFiche, apiRequest("/api/v1/fiches", { token, body: { type: "recette", titre: "", title: "x", themes: ["pas-un-theme"] } })),
    );
    expect(invalid.status).toBe(422);
    expect(invalid.body).toEqual({
      error: {
        code: "validation_failed",
        message: "Some fields are invalid: see details.",
        details: expect.arrayContaining([
          { field: "type", message: "type is required, one of pratique, idee, fiche_pratique." },
          { field: "titre", message: "titre cannot be empty." },
          { field: "title", message: "Unknown field." },
        ]),
      },
    });

    const unknownTerm = await jsonOf(await callRoute(postFiche, apiRequest("/api/v1/fiches", { token, body: { type: "idee", titre: "Termes", themes: ["pas-un-theme"], etat: "en_cours" } })));
    expect(unknownTerm.status).toBe(422);
    expect(unknownTerm.body.error).toMatchObject({
      details: [
        { field: "etat", message: "etat applies to fiches of type pratique only; this one is idee." },
        { field: "themes.0", message: 'Unknown theme (see /api/v1/taxonomies/theme): "pas-un-theme".' },
      ],
    });
    expect(JSON.stringify([wrongType, malformed, invalid, unknownTerm])).not.toMatch(/[éèàç]|obligatoire|Saisissez/);
    expect(db.select().from(fiche).where(eq(fiche.titre, "Termes")).all()).toEqual([]);
  });
});

describe("PATCH /api/v1/fiches/{slug}", () => {
  it("applies the editor's rights: a locked fiche only for its porteurs' members and moderators", async () => {
    const member = tokenFor();
    const acteur = buildActeur({ members: [member.owner] });
    const locked = buildFicheWithContent(db, { titre: "Fiche verrouillée", content: { acteurs: [{ acteurId: acteur.id, role: "porteur" }] } });
    db.update(fiche).set({ verrouillee: true }).where(eq(fiche.id, locked.id)).run();

    const stranger = await jsonOf(await patch(locked.slug, { titre: "Changée par un inconnu" }, tokenFor().token));
    expect(stranger).toEqual({
      status: 403,
      body: { error: { code: "forbidden", message: "This fiche is locked: only members of its porteur acteurs and moderators may edit it." } },
    });
    expect(storedContent(locked.id).titre).toBe("Fiche verrouillée");

    expect((await patch(locked.slug, { titre: "Changée par un membre" }, member.token)).status).toBe(200);
    expect((await patch(locked.slug, { titre: "Changée par une modératrice" }, tokenFor({ role: "moderateur" }).token)).status).toBe(200);
    expect(storedContent(locked.id).titre).toBe("Changée par une modératrice");
  });

  it("keeps archived fiches for moderators, drafts for who may read them, governance for managers", async () => {
    const archived = buildFicheWithContent(db, { statut: "archivee" });
    expect((await patch(archived.slug, { commune: "Talence" }, tokenFor().token)).status).toBe(403);
    expect((await patch(archived.slug, { commune: "Talence" }, tokenFor({ role: "moderateur" }).token)).status).toBe(200);

    const draft = buildFicheWithContent(db, { statut: "brouillon", createdBy: buildUser().id });
    expect((await patch(draft.slug, { commune: "Talence" }, tokenFor().token)).status).toBe(404);

    const open = buildFicheWithContent(db);
    const governance = await jsonOf(await patch(open.slug, { verrouillee: true }, tokenFor().token));
    expect(governance.status).toBe(403);
    expect(db.select().from(fiche).where(eq(fiche.id, open.id)).get()!.verrouillee).toBe(false);
  });

  it("writes content and governance, resolves slugs, and returns the updated fiche", async () => {
    const author = tokenFor();
    const acteur = buildActeur();
    const lieu = buildLieu(acteur.id);
    const draft = buildFicheWithContent(db, { statut: "brouillon", createdBy: author.owner.id });
    const { status, body } = await jsonOf(
      await patch(
        draft.slug,
        {
          titre: "Atelier tablette",
          quartier: "Bastide",
          lienWeb: "www.exemple.fr/atelier",
          etat: "en_projet",
          themes: ["service-public"],
          acteurs: [{ acteur: acteur.id, role: "partenaire" }],
          lieux: [lieu.id],
          statut: "publiee",
        },
        author.token,
      ),
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      titre: "Atelier tablette",
      quartier: "Bastide",
      lienWeb: "https://www.exemple.fr/atelier",
      etat: "en_projet",
      statut: "publiee",
      acteurs: [{ id: acteur.id, role: "partenaire" }],
      lieux: [{ id: lieu.id }],
    });
    expect(storedContent(draft.id)).toMatchObject({ titre: "Atelier tablette", lieux: [lieu.id], acteurs: [{ acteurId: acteur.id, role: "partenaire" }] });
    // Without its acteur, the lieu goes too, as in the editor.
    const { body: after } = await jsonOf(await patch(draft.slug, { acteurs: [] }, author.token));
    expect(after).toMatchObject({ acteurs: [], lieux: [] });
    expect((await read(draft.slug)).status).toBe(200);
  });

  it("refuses roles, lieux and statut changes the editor would not allow, writing nothing", async () => {
    const { token } = tokenFor();
    const other = buildActeur();
    const idee = buildFicheWithContent(db, { type: "idee" });
    const badRole = await jsonOf(await patch(idee.slug, { acteurs: [{ acteur: other.slug, role: "chef" }] }, token));
    expect(badRole.status).toBe(422);
    expect(badRole.body.error).toMatchObject({ details: [{ field: "acteurs.0.role", message: "role is one of porteur, porteur_propose, partenaire, financeur, pressenti." }] });

    const bad = await jsonOf(
      await patch(idee.slug, { titre: "Nouveau titre", acteurs: [{ acteur: other.slug, role: "pressenti" }, { acteur: "inconnu", role: "partenaire" }], lieux: [buildLieu(other.id).id] }, token),
    );
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({
      details: [
        { field: "lieux", message: "lieux applies to fiches of type pratique only; this one is idee." },
        { field: "acteurs.1.acteur", message: 'Unknown acteur: "inconnu".' },
      ],
    });
    expect(storedContent(idee.id).titre).toBe(idee.titre);

    const pratique = buildFicheWithContent(db);
    const pressenti = await jsonOf(await patch(pratique.slug, { acteurs: [{ acteur: other.id, role: "pressenti" }] }, token));
    expect(pressenti.body.error).toMatchObject({ details: [{ field: "acteurs.0.role", message: "On a fiche of type pratique, role is one of porteur, porteur_propose, partenaire, financeur." }] });

    const moderateur = tokenFor({ role: "moderateur" });
    const transition = await jsonOf(await patch(idee.slug, { statut: "brouillon" }, moderateur.token));
    expect(transition).toEqual({ status: 409, body: { error: { code: "invalid_transition", message: "A fiche cannot go from publiee to brouillon; it may go to archivee." } } });
    expect((await patch(idee.slug, {}, token)).status).toBe(422);
  });

  it("refuses a stale If-Match with 412 and accepts the current ETag", async () => {
    const { token } = tokenFor();
    const f = buildFicheWithContent(db, { titre: "Version 1" });
    const etag = (await read(f.slug)).headers.get("etag")!;
    const first = await patch(f.slug, { titre: "Version 2" }, token, { "if-match": etag });
    expect(first.status).toBe(200);
    const stale = await jsonOf(await patch(f.slug, { titre: "Version 3" }, token, { "if-match": etag }));
    expect(stale.status).toBe(412);
    expect(stale.body.error).toMatchObject({ code: "precondition_failed" });
    expect(storedContent(f.id).titre).toBe("Version 2");
    expect((await patch(f.slug, { titre: "Version 3" }, token, { "if-match": first.headers.get("etag")! })).status).toBe(200);
  });
});
