import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { buildActeur, themeId } from "@/db/factories";
import { fiche, ficheActeur, ficheTerm } from "@/db/schema";
import { listLatestFiches } from "./fiche";
import { listThemesWithFicheCounts } from "./home";

let seq = 0;
function buildFiche(statut: "publiee" | "brouillon", themes: { slug: string; suggested?: boolean }[], masquee = false): number {
  const db = getTestDb();
  const row = db
    .insert(fiche)
    .values({ slug: `home-${++seq}`, type: "pratique", statut, masquee, titre: `Fiche ${seq}`, fields: {} })
    .returning()
    .get();
  for (const t of themes) db.insert(ficheTerm).values({ ficheId: row.id, termId: themeId(t.slug), suggested: t.suggested ?? false }).run();
  return row.id;
}

describe("listThemesWithFicheCounts", () => {
  it("counts the listed fiches of every theme, suggested ones included, and zero for a theme without any", () => {
    buildFiche("publiee", [{ slug: "sante" }, { slug: "culture" }]);
    buildFiche("publiee", [{ slug: "sante", suggested: true }]);
    buildFiche("brouillon", [{ slug: "sante" }]);
    buildFiche("publiee", [{ slug: "sante" }], true);

    const themes = listThemesWithFicheCounts(getTestDb());
    const bySlug = new Map(themes.map((t) => [t.slug, t.fiches]));
    expect(bySlug.get("sante")).toBe(2);
    expect(bySlug.get("culture")).toBe(1);
    expect(themes.filter((t) => t.fiches === 0).length).toBe(themes.length - 2);
  });
});

describe("listLatestFiches", () => {
  it("names each card's acteurs, porteurs first, then by name", () => {
    const db = getTestDb();
    const ficheId = buildFiche("publiee", []);
    const roles = [
      { nom: "Atelier partenaire", role: "partenaire" },
      { nom: "Zèbre porteur", role: "porteur" },
      { nom: "Bibliothèque financeuse", role: "financeur" },
    ] as const;
    for (const { nom, role } of roles) db.insert(ficheActeur).values({ ficheId, acteurId: buildActeur({ nom }).id, role }).run();

    const card = listLatestFiches(db, 10).find((f) => f.id === ficheId)!;
    expect(card.acteurs).toEqual(["Zèbre porteur", "Atelier partenaire", "Bibliothèque financeuse"]);
  });
});
