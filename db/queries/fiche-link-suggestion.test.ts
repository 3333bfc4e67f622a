import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "./viewer";
import { buildActeur, buildUser } from "@/db/factories";
import { fiche, ficheActeur } from "@/db/schema";
import { buildFicheWithBody } from "@/server/wiki-link-testing";
import { getFicheLinkLabels, searchFicheLinkSuggestions } from "./fiche-link-suggestion";

const db = getTestDb();

describe("searchFicheLinkSuggestions", () => {
  it("finds published fiches and the viewer's own drafts by title, accents and case ignored, titles starting with the query first", () => {
    const author = buildUser();
    const member = buildUser();
    const porteur = buildActeur({ members: [member] });
    const contains = buildFicheWithBody(db, { titre: "Les ateliers de la Médiathèque" });
    const starts = buildFicheWithBody(db, { titre: "Médiathèque Mériadeck : accueil" });
    const draft = buildFicheWithBody(db, { titre: "Mediatheque brouillon", statut: "brouillon", createdBy: author.id });
    db.insert(ficheActeur).values({ ficheId: draft.id, acteurId: porteur.id, role: "porteur" }).run();
    const archived = buildFicheWithBody(db, { titre: "Médiathèque fermée", statut: "archivee" });
    const hidden = buildFicheWithBody(db, { titre: "Médiathèque masquée" });
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();

    const idsFor = (viewerId: number | null) =>
      searchFicheLinkSuggestions(db, "MEDIATHEQUE", viewerId === null ? null : getViewerById(db, viewerId)).map((s) => s.id);
    expect(idsFor(null)).toEqual([starts.id, contains.id]);
    expect(idsFor(buildUser().id)).toEqual([starts.id, contains.id]);
    expect(idsFor(author.id)).toEqual([draft.id, starts.id, contains.id]);
    expect(idsFor(member.id)).toContain(draft.id);
    expect(idsFor(author.id)).not.toContain(archived.id);
    expect(searchFicheLinkSuggestions(db, "ateliers médiathèque", null).map((s) => s.id)).toEqual([contains.id]);
    expect(searchFicheLinkSuggestions(db, "   ", null)).toEqual([]);
  });
});

describe("getFicheLinkLabels", () => {
  it("names what the viewer may read, and says why it names nothing otherwise", () => {
    const author = buildUser();
    const published = buildFicheWithBody(db, { titre: "Publiée" });
    const draft = buildFicheWithBody(db, { titre: "Brouillon secret", statut: "brouillon", createdBy: author.id });
    const archived = buildFicheWithBody(db, { titre: "Archivée", statut: "archivee" });
    const ids = [published.id, draft.id, archived.id, 999_999];
    expect(getFicheLinkLabels(db, ids, null)).toEqual([
      { id: published.id, label: "Publiée", href: `/fiches/${published.slug}`, note: null },
      { id: draft.id, label: "fiche non publiée", href: null, note: null },
      { id: archived.id, label: "Archivée", href: `/fiches/${archived.slug}`, note: "fiche archivée" },
      { id: 999_999, label: "fiche supprimée", href: null, note: null },
    ]);
    expect(getFicheLinkLabels(db, [draft.id], getViewerById(db, author.id))).toEqual([
      { id: draft.id, label: "Brouillon secret", href: `/fiches/${draft.slug}`, note: "brouillon" },
    ]);
  });
});
