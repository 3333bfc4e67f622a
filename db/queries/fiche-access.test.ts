import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { acteur, fiche, ficheActeur, user } from "@/db/schema";
import { getFicheAccessFacts } from "./fiche-access";

function buildActeur(slug: string) {
  return getTestDb()
    .insert(acteur)
    .values({ slug, nom: slug, categorie: "non_lucratif", typologie: "association" })
    .returning()
    .get();
}

describe("getFicheAccessFacts", () => {
  it("reads statut, lock, author and only the porteurs among the fiche's acteurs", () => {
    const db = getTestDb();
    const author = db.insert(user).values({ email: "author@example.org", name: "Author" }).returning().get();
    const porteur1 = buildActeur("porteur-1");
    const porteur2 = buildActeur("porteur-2");
    const partenaire = buildActeur("partenaire");
    const f = db
      .insert(fiche)
      .values({ slug: "atelier", type: "pratique", statut: "publiee", verrouillee: true, createdBy: author.id })
      .returning()
      .get();
    db.insert(ficheActeur)
      .values([
        { ficheId: f.id, acteurId: porteur2.id, role: "porteur" },
        { ficheId: f.id, acteurId: partenaire.id, role: "partenaire" },
        { ficheId: f.id, acteurId: porteur1.id, role: "porteur" },
      ])
      .run();
    expect(getFicheAccessFacts(db, f.id)).toEqual({
      statut: "publiee",
      verrouillee: true,
      createdBy: author.id,
      porteurIds: [porteur1.id, porteur2.id],
      masquee: false,
    });
  });

  it("returns null for an unknown fiche and defaults a new fiche to an unlocked draft", () => {
    const db = getTestDb();
    expect(getFicheAccessFacts(db, 424_242)).toBeNull();
    const f = db.insert(fiche).values({ slug: "idee", type: "idee" }).returning().get();
    expect(getFicheAccessFacts(db, f.id)).toEqual({ statut: "brouillon", verrouillee: false, createdBy: null, porteurIds: [], masquee: false });
  });

  it("tells a fiche hidden by a moderator, so that the collab server's re-checks see it", () => {
    const db = getTestDb();
    const f = db.insert(fiche).values({ slug: "masquee", type: "idee", statut: "publiee", masquee: true }).returning().get();
    expect(getFicheAccessFacts(db, f.id)).toMatchObject({ statut: "publiee", masquee: true });
  });
});
