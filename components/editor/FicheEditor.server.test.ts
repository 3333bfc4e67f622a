import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { FicheContent } from "@/lib/fiche/document";
import type { FicheEditorProps } from "./FicheEditor";

// The collaboration server owns the one copy of Yjs that builds documents on the server (issue 10):
// the server render of the editor must not even load it.
vi.mock("yjs", () => {
  throw new Error("the server render of the editor imported yjs");
});
vi.mock("y-websocket", () => {
  throw new Error("the server render of the editor imported y-websocket");
});

const { FicheEditor } = await import("./FicheEditor");

const content: FicheContent = {
  type: "pratique",
  titre: "Atelier « premiers pas » & café",
  commune: "Bordeaux",
  quartier: "Bastide",
  lienWeb: "https://www.exemple.fr/atelier",
  source: "",
  etat: "en_cours",
  ebauche: true,
  objectif: null,
  acteurs: [{ acteurId: 7, role: "porteur" }],
  themes: [2],
  publics: [],
  enjeux: [5],
  lieux: [],
  themesSuggeres: [3],
};

const props: FicheEditorProps = {
  ficheId: 1,
  type: "pratique",
  initialState: "AAA=",
  initialContent: content,
  user: { id: 1, name: "Élise" },
  canEdit: true,
  canManage: true,
  ownActeurIds: [7],
  terms: {
    theme: [
      { id: 2, label: "Accès aux droits" },
      { id: 3, label: "Parentalité" },
    ],
    public: [{ id: 4, label: "Seniors" }],
    enjeu: [{ id: 5, label: "Autonomie" }],
    objectif: [],
  },
  initialActeurs: [{ id: 7, nom: "Médiathèque de la Bastide", slug: "mediatheque-bastide", typologie: "bibliotheque", lieux: [] }],
};

describe("FicheEditor on the server", () => {
  it("renders every field from the page's content, without Yjs", () => {
    const html = renderToString(createElement(FicheEditor, props));
    expect(html).toMatch(/id="fiche-titre"[^>]* value="Atelier « premiers pas » &amp; café"/);
    expect(html).toContain('value="Bordeaux"');
    expect(html).toContain('value="Bastide"');
    expect(html).toContain('value="https://www.exemple.fr/atelier"');
    expect(html).toMatch(/<option value="en_cours" selected="">En cours<\/option>/);
    expect(html).toMatch(/id="fiche-ebauche"[^>]* checked=""/);
    expect(html).toMatch(/checked="" value="2"\/>Accès aux droits/);
    expect(html).toMatch(/name="fiche-publics" value="4"\/>Seniors/);
    expect(html).toMatch(/checked="" value="5"\/>Autonomie/);
    expect(html).toContain("Médiathèque de la Bastide");
    expect(html).toContain("Confirmer le thème Parentalité");
    expect(html).not.toContain("Confirmer le thème Accès aux droits");
  });
});
