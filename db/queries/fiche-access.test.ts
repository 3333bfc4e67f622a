import { inArray, and } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getTestDb } from "@/db/testing";
import { acteur, fiche, ficheActeur, user } from "@/db/schema";
import { FICHE_STATUTS, type FicheActeurRole } from "@/lib/fiche/values";
import { canReadFiche } from "@/lib/policies/fiche";
import type { Viewer } from "@/lib/policies/viewer";
import { getFicheAccessFacts, readableFichesWhere } from "./fiche-access";

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

describe("readableFichesWhere", () => {
  it("selects exactly the fiches canReadFiche lets each viewer read", () => {
    const db = getTestDb();
    const [author, other, moderator, admin] = ["auteur", "autre", "moderateur", "admin"].map((name) =>
      db.insert(user).values({ email: `${name}@readable.example.org`, name }).returning().get(),
    );
    const [mine, theirs, unrelated] = ["readable-mine", "readable-theirs", "readable-unrelated"].map(buildActeur);
    const acteurSets: { acteurId: number; role: FicheActeurRole }[][] = [
      [],
      [{ acteurId: mine.id, role: "porteur" }],
      [{ acteurId: theirs.id, role: "porteur" }],
      [{ acteurId: mine.id, role: "partenaire" }],
      [
        { acteurId: theirs.id, role: "porteur" },
        { acteurId: mine.id, role: "porteur" },
      ],
    ];
    const ids: number[] = [];
    for (const statut of FICHE_STATUTS) {
      for (const masquee of [false, true]) {
        for (const createdBy of [null, author.id, other.id]) {
          for (const acteurs of acteurSets) {
            const slug = `readable-${ids.length}`;
            const f = db.insert(fiche).values({ slug, type: "pratique", statut, masquee, createdBy }).returning().get();
            if (acteurs.length) db.insert(ficheActeur).values(acteurs.map((a) => ({ ficheId: f.id, ...a }))).run();
            ids.push(f.id);
          }
        }
      }
    }
    const viewers: (Viewer | null)[] = [
      null,
      { id: author.id, name: "auteur", role: "contributeur", acteurIds: [] },
      { id: author.id, name: "auteur membre", role: "contributeur", acteurIds: [mine.id] },
      { id: other.id, name: "membre", role: "contributeur", acteurIds: [unrelated.id, mine.id] },
      { id: other.id, name: "autre", role: "contributeur", acteurIds: [unrelated.id] },
      { id: 424_242, name: "inconnu", role: "contributeur", acteurIds: [] },
      { id: moderator.id, name: "moderateur", role: "moderateur", acteurIds: [] },
      { id: admin.id, name: "admin", role: "admin", acteurIds: [theirs.id] },
    ];
    for (const viewer of viewers) {
      const selected = db
        .select({ id: fiche.id })
        .from(fiche)
        .where(and(inArray(fiche.id, ids), readableFichesWhere(viewer)))
        .all()
        .map((r) => r.id)
        .sort((a, b) => a - b);
      const expected = ids.filter((id) => canReadFiche(viewer, getFicheAccessFacts(db, id)!));
      expect(selected, viewer?.name ?? "anonyme").toEqual(expected);
      // The generated fiches make each viewer's answer non-trivial: some are read, some are not.
      expect(expected.length).toBeGreaterThan(0);
      if (viewer?.role === "contributeur" || !viewer) expect(expected.length).toBeLessThan(ids.length);
    }
  });
});
