import { afterEach, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { acteursMap, readFicheContent, setField } from "@/lib/fiche/document";
import { createApiToken } from "@/server/api-token";
import { getCollabServer } from "@/server/collab/registry";
import { connectClient, sessionCookie, startTestServer, synced, waitFor, type TestClient, type TestServer } from "@/server/collab/testing";
import { silentLogger } from "@/server/collab/log";
import { apiRequest, buildFicheWithContent, callRoute, jsonOf } from "@/server/api/testing";
import { PATCH } from "./[slug]/route";

const db = getTestDb();

function liveTitre(ficheId: number): string | null {
  const state = server?.collab.encodeDocumentState(ficheId);
  if (!state) return null;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc.getText("titre").toString();
}

let server: TestServer | null = null;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.stop();
  server = null;
});

describe("PATCH /api/v1/fiches/{slug} with people editing the fiche", () => {
  it("reaches a connected editor at once, and merges with what they type meanwhile", async () => {
    server = await startTestServer(db, { logger: silentLogger });
    expect(getCollabServer()).toBe(server.collab);
    const editor = buildUser();
    const porteur = buildActeur();
    const f = buildFicheWithContent(db, { titre: "Atelier", content: { commune: "Cenon" } });
    const client = connectClient(server.baseUrl, f.id, { cookie: await sessionCookie(editor.id) });
    clients.push(client);
    await synced(client);

    // The editor types at the end of the title while the API changes other fields.
    client.doc.getText("titre").insert("Atelier".length, " du samedi");
    const token = createApiToken(db, getViewerById(db, buildUser().id), "Synchronisation").token;
    const response = await callRoute(
      PATCH,
      apiRequest(`/api/v1/fiches/${f.slug}`, {
        method: "PATCH",
        token,
        body: { commune: "Floirac", themes: ["lien-social"], acteurs: [{ acteur: porteur.slug, role: "partenaire" }] },
      }),
      { slug: f.slug },
    );
    expect(response.status).toBe(200);

    await waitFor(() => readFicheContent(client.doc).commune === "Floirac", 5000, "the editor did not see the API's change");
    expect(setField(client.doc, "themes").has(String(themeId("lien-social")))).toBe(true);
    expect(acteursMap(client.doc).get(String(porteur.id))).toBe("partenaire");
    // Making it porteur is governance: this token's owner may not manage the fiche.
    const takeOver = await callRoute(
      PATCH,
      apiRequest(`/api/v1/fiches/${f.slug}`, { method: "PATCH", token, body: { acteurs: [{ acteur: porteur.slug, role: "porteur" }] } }),
      { slug: f.slug },
    );
    expect(takeOver.status).toBe(403);
    expect(acteursMap(client.doc).get(String(porteur.id))).toBe("partenaire");
    // What the editor typed reached the server, and a later API write keeps it: a forward edit, not a replacement.
    await waitFor(() => liveTitre(f.id) === "Atelier du samedi", 5000, "the typed title did not reach the server");
    const second = await jsonOf(
      await callRoute(PATCH, apiRequest(`/api/v1/fiches/${f.slug}`, { method: "PATCH", token, body: { quartier: "Bas-Cenon" } }), { slug: f.slug }),
    );
    expect(second.body).toMatchObject({ quartier: "Bas-Cenon", commune: "Floirac" });
    await waitFor(() => readFicheContent(client.doc).quartier === "Bas-Cenon", 5000, "the editor did not see the second change");
    expect(readFicheContent(client.doc).titre).toBe("Atelier du samedi");
    expect(liveTitre(f.id)).toBe("Atelier du samedi");
  });
});
