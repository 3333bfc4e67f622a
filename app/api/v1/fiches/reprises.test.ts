import { describe, expect, it } from "vitest";
import { buildActeur, buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { createApiToken } from "@/server/api-token";
import { apiRequest, callRoute, jsonOf } from "@/server/api/testing";
import { insertFiche } from "@/server/fiche";
import { GET as getActeurReprises } from "../acteurs/[slug]/reprises/route";
import { GET as getFicheReprises, POST as postReprise } from "./[slug]/reprises/route";

const db = getTestDb();
let n = 0;
const tokenOf = (owner: { id: number }) => createApiToken(db, getViewerById(db, owner.id), `Reprises ${++n}`).token;
const buildPratique = (type: "pratique" | "idee" = "pratique") => insertFiche(db, { type, titre: `Atelier numérique ${++n}`, createdBy: null, statut: "publiee" });
const post = (slug: string, body: unknown, token?: string) => callRoute(postReprise, apiRequest(`/api/v1/fiches/${slug}/reprises`, { body, token }), { slug });

describe("reprises in API v1", () => {
  it("lets a member declare with a token, then reads the take-up on the fiche and on the acteur", async () => {
    const member = buildUser();
    const structure = buildActeur({ members: [member] });
    const fiche = buildPratique();
    const token = tokenOf(member);

    const created = await post(fiche.slug, { acteur: structure.slug, commune: "Floirac", depuis: "2023-04", changements: "En binôme avec la bibliothèque." }, token);
    expect(created.status).toBe(201);
    expect(created.headers.get("location")).toBe(`http://localhost:3000/api/v1/fiches/${fiche.slug}/reprises`);
    expect((await created.json()) as object).toMatchObject({ acteur: { slug: structure.slug }, commune: "Floirac", depuis: "2023-04" });

    const updated = await post(fiche.slug, { acteur: structure.id, commune: "Cenon", depuis: "2023" }, token);
    expect(updated.status).toBe(200);

    const ofFiche = await jsonOf(await callRoute(getFicheReprises, apiRequest(`/api/v1/fiches/${fiche.slug}/reprises`), { slug: fiche.slug }));
    expect(ofFiche.body).toMatchObject({ data: [{ acteur: { slug: structure.slug }, commune: "Cenon", depuis: "2023" }], meta: { total: 1, communes: 1 } });
    const ofActeur = await jsonOf(await callRoute(getActeurReprises, apiRequest(`/api/v1/acteurs/${structure.slug}/reprises`), { slug: structure.slug }));
    expect(ofActeur.body).toMatchObject({ data: [{ fiche: { slug: fiche.slug }, commune: "Cenon" }], meta: { total: 1 } });
  });

  it("refuses without a token, for another acteur, on an idea, and says every invalid field", async () => {
    const member = buildUser();
    buildActeur({ members: [member] });
    const other = buildActeur();
    const token = tokenOf(member);
    const fiche = buildPratique();
    const valid = { acteur: other.slug, commune: "Floirac", depuis: "2023-04" };

    expect((await post(fiche.slug, valid)).status).toBe(401);
    expect(await jsonOf(await post(fiche.slug, valid, token))).toMatchObject({ status: 403, body: { error: { code: "forbidden" } } });
    const idea = buildPratique("idee");
    expect(await jsonOf(await post(idea.slug, { ...valid, acteur: getViewerById(db, member.id)!.acteurIds[0] }, token))).toMatchObject({
      status: 409,
      body: { error: { code: "reprise_closed" } },
    });
    const invalid = await jsonOf(await post(fiche.slug, { acteur: "inconnu", commune: "", depuis: "2999-01", lieu: "x" }, token));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error?.details?.map((d) => d.field).sort()).toEqual(["acteur", "commune", "depuis", "lieu"]);
  });

  it("hides drafts: their take-ups are not found", async () => {
    const draft = insertFiche(db, { type: "pratique", titre: "Brouillon repris", createdBy: null });
    expect((await callRoute(getFicheReprises, apiRequest(`/api/v1/fiches/${draft.slug}/reprises`), { slug: draft.slug })).status).toBe(404);
  });
});
