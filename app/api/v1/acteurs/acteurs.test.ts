import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu, buildUser, themeId } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { acteur as acteurTable, membership } from "@/db/schema";
import { getViewerById } from "@/db/queries/viewer";
import { createApiToken } from "@/server/api-token";
import { apiRequest, callRoute, jsonOf } from "@/server/api/testing";
import { GET as getLieux } from "../lieux/route";
import { GET as getTaxonomy } from "../taxonomies/[taxonomy]/route";
import { GET as getTaxonomies } from "../taxonomies/route";
import { GET as getActeur, PATCH as patchActeur } from "./[slug]/route";
import { GET as listActeurs, POST as postActeur } from "./route";

const db = getTestDb();

let tokens = 0;
const tokenOf = (owner: { id: number }) => createApiToken(db, getViewerById(db, owner.id), `Tests ${++tokens}`).token;
const patch = (slug: string, body: unknown, token: string, headers?: Record<string, string>) =>
  callRoute(patchActeur, apiRequest(`/api/v1/acteurs/${slug}`, { method: "PATCH", body, token, headers }), { slug });

describe("acteurs", () => {
  it("lists the directory with its filters and reads one acteur with its lieux", async () => {
    const a = buildActeur({ nom: "Cyber-base de Mérignac", categorie: "public", themes: ["emploi"] });
    buildLieu(a.id, { nom: "Cyber-base", commune: "Mérignac", codePostal: "33700" });
    buildActeur({ nom: "Association du quartier", categorie: "non_lucratif", themes: ["emploi"] });

    const list = await jsonOf<{ data: { slug: string; communes: string[] }[]; meta: object }>(
      await callRoute(listActeurs, apiRequest("/api/v1/acteurs?categorie=public&theme=emploi&commune=merignac")),
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((x) => x.slug)).toEqual([a.slug]);
    expect(list.body.data[0].communes).toEqual(["Mérignac"]);
    expect(list.body.meta).toEqual({ page: 1, per_page: 20, total: 1, page_count: 1 });

    const one = await jsonOf(await callRoute(getActeur, apiRequest(`/api/v1/acteurs/${a.slug}`), { slug: a.slug }));
    expect(one.body).toMatchObject({ slug: a.slug, nom: "Cyber-base de Mérignac", themes: [{ slug: "emploi" }], lieux: [{ nom: "Cyber-base", commune: "Mérignac" }] });
    expect(one.body).not.toHaveProperty("members");
    expect((await callRoute(getActeur, apiRequest("/api/v1/acteurs/inconnu"), { slug: "inconnu" })).status).toBe(404);
  });

  it("creates an acteur whose first member is the token's owner, with the form's validation in English", async () => {
    const owner = buildUser();
    const token = tokenOf(owner);
    const created = await callRoute(
      postActeur,
      apiRequest("/api/v1/acteurs", { token, body: { nom: "Fablab des Chartrons", categorie: "non_lucratif", typologie: "association", telephone: "0556123456", themes: ["culture"] } }),
    );
    const { status, body } = await jsonOf(created);
    expect(status).toBe(201);
    expect(body).toMatchObject({ slug: "fablab-des-chartrons", telephone: "05 56 12 34 56", themes: [{ id: themeId("culture") }] });
    expect(created.headers.get("location")).toBe("http://localhost:3000/api/v1/acteurs/fablab-des-chartrons");
    const member = db.select().from(membership).where(eq(membership.userId, owner.id)).all();
    expect(member.map((m) => m.acteurId)).toEqual([body.id]);

    const invalid = await jsonOf(
      await callRoute(postActeur, apiRequest("/api/v1/acteurs", { token, body: { nom: "", categorie: "secte", typologie: "association", siret: "12345678901234", site: "x" } })),
    );
    expect(invalid).toEqual({
      status: 422,
      body: {
        error: {
          code: "validation_failed",
          message: "Some fields are invalid: see details.",
          details: [
            { field: "site", message: "Unknown field." },
            { field: "nom", message: "nom is required: a string of at most 160 characters." },
            { field: "categorie", message: "categorie is one of public, prive, non_lucratif." },
            { field: "siret", message: "siret must be a SIRET number: 14 digits (spaces allowed) whose check key is right, e.g. 732 829 320 00074." },
          ],
        },
      },
    });
    expect(db.select().from(acteurTable).where(eq(acteurTable.nom, "")).all()).toEqual([]);
  });

  it("lets only members and moderators change an acteur, field by field, with If-Match", async () => {
    const member = buildUser();
    const a = buildActeur({ nom: "Espace numérique", members: [member], courriel: "contact@exemple.fr" });
    const before = db.select().from(acteurTable).where(eq(acteurTable.id, a.id)).get()!;

    const stranger = await jsonOf(await patch(a.slug, { nom: "Pris par un inconnu" }, tokenOf(buildUser())));
    expect(stranger).toEqual({ status: 403, body: { error: { code: "forbidden", message: "Only members of this acteur and moderators may change it." } } });

    const etag = (await callRoute(getActeur, apiRequest(`/api/v1/acteurs/${a.slug}`), { slug: a.slug })).headers.get("etag")!;
    const changed = await jsonOf(await patch(a.slug, { description: "Ateliers tous les mardis.", courriel: null }, tokenOf(member), { "if-match": etag }));
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ nom: "Espace numérique", description: "Ateliers tous les mardis.", courriel: null, categorie: before.categorie });
    expect((await patch(a.slug, { nom: "Trop tard" }, tokenOf(member), { "if-match": etag })).status).toBe(412);
    expect((await patch(a.slug, { nom: "Renommé par la modération" }, tokenOf(buildUser({ role: "moderateur" })))).status).toBe(200);
    expect(db.select().from(acteurTable).where(eq(acteurTable.id, a.id)).get()!.nom).toBe("Renommé par la modération");
  });
});

describe("lieux and taxonomies", () => {
  it("lists lieux by commune (accents ignored), service and acteur", async () => {
    const a = buildActeur();
    const kept = buildLieu(a.id, { nom: "Médiathèque", commune: "Bègles", services: ["Loisirs et créations numériques"] });
    buildLieu(a.id, { nom: "Annexe", commune: "Bègles", services: ["Aide aux démarches administratives"] });
    buildLieu(buildActeur().id, { commune: "Bègles", services: ["Loisirs et créations numériques"] });

    const { status, body } = await jsonOf<{ data: { id: number; acteur: { slug: string } }[] }>(
      await callRoute(getLieux, apiRequest(`/api/v1/lieux?commune=BEGLES&service=${encodeURIComponent("Loisirs et créations numériques")}&acteur=${a.slug}`)),
    );
    expect(status).toBe(200);
    expect(body.data.map((l) => l.id)).toEqual([kept.id]);
    expect(body.data[0].acteur.slug).toBe(a.slug);

    const wrong = await jsonOf(await callRoute(getLieux, apiRequest("/api/v1/lieux?service=Cuisine")));
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: "invalid_query", details: [{ field: "service" }] });
  });

  it("gives every taxonomy with its terms, or one; an unknown one is 404", async () => {
    const all = await jsonOf<{ data: { name: string; terms: { slug: string }[] }[] }>(await callRoute(getTaxonomies, apiRequest("/api/v1/taxonomies")));
    expect(all.body.data.map((t) => t.name)).toEqual(["theme", "public", "enjeu", "objectif"]);
    expect(all.body.data[0].terms.map((t) => t.slug)).toContain("culture");

    const one = await jsonOf(await callRoute(getTaxonomy, apiRequest("/api/v1/taxonomies/public"), { taxonomy: "public" }));
    expect(one.body).toMatchObject({ name: "public", terms: expect.arrayContaining([expect.objectContaining({ slug: "seniors", label: "Seniors" })]) });
    const unknown = await jsonOf(await callRoute(getTaxonomy, apiRequest("/api/v1/taxonomies/metiers"), { taxonomy: "metiers" }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error?.code).toBe("not_found");
  });
});
