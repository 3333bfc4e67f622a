import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { fiche } from "@/db/schema";
import { insertFiche } from "@/server/fiche";
import { searchFicheSuggestions } from "./fiche-suggestion";

const build = (titre: string, statut: "brouillon" | "publiee" = "publiee") => insertFiche(getTestDb(), { type: "pratique", titre, createdBy: null, statut });

describe("searchFicheSuggestions", () => {
  it("finds published fiches by every word of their title, accents ignored, titles starting with the query first", () => {
    const db = getTestDb();
    const inside = build("Ateliers de la médiathèque pour seniors");
    const start = build("Médiathèque : accueil des seniors");
    build("Médiathèque en brouillon", "brouillon");
    const hidden = build("Médiathèque masquée");
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    const merged = build("Médiathèque fusionnée");
    db.update(fiche).set({ redirectToId: start.id }).where(eq(fiche.id, merged.id)).run();

    expect(searchFicheSuggestions(db, "MEDIATHEQUE").map((f) => f.id)).toEqual([start.id, inside.id]);
    // No title starts with these words: the most recently updated comes first.
    expect(searchFicheSuggestions(db, "senior médiat").map((f) => f.id)).toEqual([start.id, inside.id]);
    expect(searchFicheSuggestions(db, "  ")).toEqual([]);
    expect(searchFicheSuggestions(db, "mediatheque", 1)).toEqual([{ id: start.id, slug: start.slug, titre: start.titre, type: "pratique" }]);
  });
});
