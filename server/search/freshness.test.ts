import { SYSTEM } from "@/server/authorize";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { writeFicheContent } from "@/lib/fiche/document";
import { acteurSchema } from "@/lib/schemas/acteur";
import { lieuSchema } from "@/lib/schemas/lieu";
import { createActeur } from "../acteur";
import { loadDocumentState } from "../collab/persistence";
import { createFiche, setFicheStatut } from "../fiche";
import { projectFiche } from "../fiche-projection";
import { createLieu } from "../lieu";
import { emptyFilters } from "@/lib/search/params";
import { searchWiki } from "./index";

function titlesFound(q: string): string[] {
  return searchWiki(getTestDb(), { q }).results.map((r) => r.title);
}

describe("the search index follows the domain's changes", () => {
  it("finds a fiche once published, and its edits as soon as they are projected", () => {
    const db = getTestDb();
    const author = { id: buildUser().id, name: "Autrice", role: "contributeur" as const, acteurIds: [] };
    const created = createFiche(db, author, { type: "pratique", titre: "Permanence numérique des Aubiers" });
    expect(titlesFound("aubiers")).toEqual([]);
    setFicheStatut(db, author, created.id, "publiee");
    expect(titlesFound("aubiers")).toEqual(["Permanence numérique des Aubiers"]);

    const doc = new Y.Doc();
    Y.applyUpdate(doc, loadDocumentState(db, created.id)!);
    writeFicheContent(doc, { titre: "Permanence numérique des Chartrons" });
    projectFiche(db, created.id, doc);
    expect(titlesFound("chartrons")).toEqual(["Permanence numérique des Chartrons"]);
    expect(titlesFound("aubiers")).toEqual([]);
  });

  it("moves the facet catalogue's sequence when a fiche's facets change, not at each edit of its text", () => {
    const db = getTestDb();
    const author = { id: buildUser().id, name: "Autrice", role: "contributeur" as const, acteurIds: [] };
    const created = createFiche(db, author, { type: "pratique", titre: "Atelier tablette de Bacalan" });
    setFicheStatut(db, author, created.id, "publiee");
    const sequence = () => db.$client.prepare("SELECT max(seq) FROM search_entry").pluck().get() as number;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, loadDocumentState(db, created.id)!);

    const published = sequence();
    writeFicheContent(doc, { titre: "Atelier tablette de Bacalan et des Aubiers" });
    projectFiche(db, created.id, doc);
    expect(titlesFound("aubiers")).toEqual(["Atelier tablette de Bacalan et des Aubiers"]);
    expect(sequence()).toBe(published);

    writeFicheContent(doc, { themes: [themeId("emploi")] });
    projectFiche(db, created.id, doc);
    expect(sequence()).toBeGreaterThan(published);
    expect(searchWiki(db, { q: "bacalan", filters: { ...emptyFilters(), theme: ["emploi"] } }).results.map((r) => r.title)).toEqual(["Atelier tablette de Bacalan et des Aubiers"]);
  });

  it("finds an acteur when created, and by the commune of a lieu added later", () => {
    const db = getTestDb();
    const creator = buildUser();
    createActeur(db, getViewerById(db, creator.id), acteurSchema.parse({ nom: "Médiathèque de Lormont", categorie: "public", typologie: "bibliotheque_mediatheque" }));
    expect(titlesFound("lormont")).toContain("Médiathèque de Lormont");
    const other = buildActeur({ nom: "Association Quartier Libre" });
    createLieu(db, SYSTEM,
      other.id,
      lieuSchema.parse({
        nom: "Local de la rue Achard",
        adresse: "3 rue Achard",
        codePostal: "33160",
        commune: "Saint-Médard-en-Jalles",
        services: ["Aide aux démarches administratives"],
      }),
    );
    expect(titlesFound("saint medard")).toContain("Association Quartier Libre");
  });
});
