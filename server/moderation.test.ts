import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { listFichesCitingActeur, listFichesCitingFiche } from "@/db/queries/backlink";
import {
  countPublishedFichesByType,
  getFicheBySlug,
  listActeursWithFiches,
  listFicheCommunes,
  listFiches,
  listFichesByActeur,
  listLatestFiches,
} from "@/db/queries/fiche";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { getFicheLinkLabels, searchFicheLinkSuggestions } from "@/db/queries/fiche-link-suggestion";
import { listHiddenFiches } from "@/db/queries/signalement";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { fiche, ficheActeur, ficheTerm, searchEntry } from "@/db/schema";
import type { Role } from "@/lib/roles";
import type { Viewer } from "@/lib/policies/viewer";
import { canReadFiche } from "@/lib/policies/fiche";
import { DomainError } from "./errors";
import { archiveFiche, hideFiche, mergeFiches, unhideFiche } from "./moderation";
import { indexFiche } from "./search";
import { buildFicheWithBody, ficheLinkNode, ficheRow, mentionNode, paragraph, text } from "./wiki-link-testing";

const db = getTestDb();
const viewer = (role: Role = "contributeur"): Viewer => getViewerById(db, buildUser({ role }).id)!;
const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
};
const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

/** A published fiche with a commune, an acteur (porteur) and a theme, cited by another fiche. */
function buildListedFiche(titre: string) {
  const asso = buildActeur();
  const f = buildFicheWithBody(db, { titre, body: [paragraph(text("Chez "), mentionNode(asso.id))] });
  db.update(fiche).set({ commune: `Commune de ${titre}` }).where(eq(fiche.id, f.id)).run();
  db.insert(ficheActeur).values({ ficheId: f.id, acteurId: asso.id, role: "porteur" }).run();
  db.insert(ficheTerm).values({ ficheId: f.id, termId: themeId("culture") }).run();
  const citing = buildFicheWithBody(db, { titre: `Cite ${titre}`, body: [paragraph(ficheLinkNode(f.id))] });
  return { f: ficheRow(db, f.id), asso, citing };
}

function isIndexed(ficheId: number): boolean {
  return db.select({ indexed: searchEntry.indexed }).from(searchEntry).where(and(eq(searchEntry.kind, "fiche"), eq(searchEntry.docId, ficheId))).get()?.indexed ?? false;
}

describe("hideFiche and unhideFiche", () => {
  it("take a fiche out of every public query, and bring it back", () => {
    const mod = viewer("moderateur");
    const reader = viewer();
    const { f, asso, citing } = buildListedFiche("Fablab solidaire");
    const commune = f.commune!;
    indexFiche(db, f.id);
    expect(isIndexed(f.id)).toBe(true);

    const visible = () => ({
      list: ids(listFiches(db, { pageSize: 100 }, reader).items).includes(f.id),
      byActeur: ids(listFichesByActeur(db, asso.id).porteur).includes(f.id),
      byTheme: ids(listFiches(db, { theme: "culture", pageSize: 100 }, null).items).includes(f.id),
      latest: ids(listLatestFiches(db, 500)).includes(f.id),
      communes: listFicheCommunes(db).includes(commune),
      acteurs: listActeursWithFiches(db).some((a) => a.slug === asso.slug),
      citesActeur: ids(listFichesCitingActeur(db, asso.id, reader)).includes(f.id),
      suggested: ids(searchFicheLinkSuggestions(db, "fablab solidaire", reader)).includes(f.id),
      read: canReadFiche(reader, getFicheBySlug(db, f.slug)!.access),
      readBySocket: canReadFiche(reader, getFicheAccessFacts(db, f.id)!),
      indexed: isIndexed(f.id),
    });
    const everywhere = Object.fromEntries(Object.keys(visible()).map((k) => [k, true]));
    const nowhere = Object.fromEntries(Object.keys(visible()).map((k) => [k, false]));
    expect(visible()).toEqual(everywhere);
    const counted = countPublishedFichesByType(db).pratique;

    hideFiche(db, mod, f.id);
    expect(visible()).toEqual(nowhere);
    expect(countPublishedFichesByType(db).pratique).toBe(counted - 1);
    expect(canReadFiche(mod, getFicheAccessFacts(db, f.id)!)).toBe(true);
    // Rendered in the transaction that hides it: a reader of the citing fiche never gets a link to it, not even for a moment.
    expect(ficheRow(db, citing.id).html).toContain("(fiche masquée)");
    expect(ficheRow(db, citing.id).html).not.toContain(`/fiches/${f.slug}`);
    expect(getFicheLinkLabels(db, [f.id], reader)).toEqual([{ id: f.id, label: "fiche masquée", href: null, note: null }]);
    expect(getFicheLinkLabels(db, [f.id], mod)[0]).toMatchObject({ label: "Fablab solidaire", note: "masquée" });
    expect(ids(listHiddenFiches(db))).toContain(f.id);

    unhideFiche(db, mod, f.id);
    expect(visible()).toEqual(everywhere);
    expect(ficheRow(db, citing.id).html).toContain(`>Fablab solidaire</a>`);
  });

  it("leave hidden fiches out of backlinks, even for moderators", () => {
    const mod = viewer("moderateur");
    const cible = buildFicheWithBody(db, { titre: "Cible" });
    const citing = buildFicheWithBody(db, { titre: "Citante", body: [paragraph(ficheLinkNode(cible.id))] });
    expect(ids(listFichesCitingFiche(db, cible.id, null))).toEqual([citing.id]);
    hideFiche(db, mod, citing.id);
    expect(listFichesCitingFiche(db, cible.id, null)).toEqual([]);
    expect(listFichesCitingFiche(db, cible.id, mod)).toEqual([]);
  });

  it("are for moderators only", () => {
    const f = buildFicheWithBody(db, { titre: "Protégée" });
    const other = buildFicheWithBody(db, { titre: "Autre" });
    // The pages call these without checking first: each decision refuses on its own.
    for (const who of [viewer(), null]) {
      expect(codeOf(() => hideFiche(db, who, f.id))).toBe("forbidden");
      expect(codeOf(() => unhideFiche(db, who, f.id))).toBe("forbidden");
      expect(codeOf(() => archiveFiche(db, who, f.id))).toBe("forbidden");
      expect(codeOf(() => mergeFiches(db, who, { sourceId: f.id, targetId: other.id }))).toBe("forbidden");
    }
    expect(() => hideFiche(db, viewer(), f.id)).toThrow(expect.objectContaining({ messageFr: "Seuls les modérateurs peuvent faire cela." }));
    expect(codeOf(() => hideFiche(db, viewer("admin"), 999_999))).toBe("not_found");
    expect(ficheRow(db, f.id)).toMatchObject({ masquee: false, statut: "publiee", redirectToId: null });
  });
});

describe("archiveFiche", () => {
  it("archives through the governance path and leaves the search index", () => {
    const mod = viewer("moderateur");
    const f = buildFicheWithBody(db, { titre: "Ancienne permanence" });
    indexFiche(db, f.id);
    expect(archiveFiche(db, mod, f.id).statut).toBe("archivee");
    expect(isIndexed(f.id)).toBe(false);
    expect(codeOf(() => archiveFiche(db, viewer(), f.id))).toBe("forbidden");
    const draft = buildFicheWithBody(db, { titre: "Brouillon", statut: "brouillon" });
    expect(codeOf(() => archiveFiche(db, mod, draft.id))).toBe("invalid_transition");
  });
});

describe("mergeFiches", () => {
  it("archives the source, redirects it to the target, and its links and backlinks lead to the target", () => {
    const mod = viewer("moderateur");
    const source = buildFicheWithBody(db, { titre: "Atelier CV (doublon)" });
    const target = buildFicheWithBody(db, { titre: "Atelier CV et lettre de motivation" });
    const citing = buildFicheWithBody(db, { titre: "Emploi", body: [paragraph(text("Voir "), ficheLinkNode(source.id))] });
    indexFiche(db, source.id);

    const { source: merged } = mergeFiches(db, mod, { sourceId: source.id, targetId: target.id });
    expect(merged).toMatchObject({ statut: "archivee", redirectToId: target.id });
    expect(ficheRow(db, citing.id).html).toContain(`<a href="/fiches/${target.slug}">Atelier CV et lettre de motivation</a>`);
    expect(ids(listFichesCitingFiche(db, target.id, null))).toEqual([citing.id]);
    expect(isIndexed(source.id)).toBe(false);
    expect(getFicheLinkLabels(db, [source.id], null)[0]).toMatchObject({ label: "Atelier CV et lettre de motivation", href: `/fiches/${target.slug}` });
  });

  it("refuses merging a fiche into itself, into a merged fiche, or into a draft or hidden one", () => {
    const mod = viewer("moderateur");
    const a = buildFicheWithBody(db, { titre: "A" });
    const b = buildFicheWithBody(db, { titre: "B" });
    const c = buildFicheWithBody(db, { titre: "C" });
    expect(codeOf(() => mergeFiches(db, mod, { sourceId: a.id, targetId: a.id }))).toBe("same_fiche");
    mergeFiches(db, mod, { sourceId: b.id, targetId: c.id });
    expect(codeOf(() => mergeFiches(db, mod, { sourceId: a.id, targetId: b.id }))).toBe("target_merged");
    expect(codeOf(() => mergeFiches(db, mod, { sourceId: b.id, targetId: a.id }))).toBe("already_merged");
    const draft = buildFicheWithBody(db, { titre: "D", statut: "brouillon" });
    expect(codeOf(() => mergeFiches(db, mod, { sourceId: a.id, targetId: draft.id }))).toBe("target_not_public");
    hideFiche(db, mod, c.id);
    expect(codeOf(() => mergeFiches(db, mod, { sourceId: a.id, targetId: c.id }))).toBe("target_not_public");
    expect(codeOf(() => mergeFiches(db, mod, { sourceId: a.id, targetId: 999_999 }))).toBe("target_not_found");
    expect(codeOf(() => mergeFiches(db, viewer(), { sourceId: a.id, targetId: c.id }))).toBe("forbidden");
    expect(ficheRow(db, a.id)).toMatchObject({ statut: "publiee", redirectToId: null });
  });

  it("moves the fiches merged into the source onto the target, so that redirects never chain", () => {
    const mod = viewer("moderateur");
    const first = buildFicheWithBody(db, { titre: "Premier doublon" });
    const second = buildFicheWithBody(db, { titre: "Second doublon" });
    const target = buildFicheWithBody(db, { titre: "La bonne fiche" });
    const citing = buildFicheWithBody(db, { titre: "Citant le premier", body: [paragraph(ficheLinkNode(first.id))] });
    mergeFiches(db, mod, { sourceId: first.id, targetId: second.id });
    mergeFiches(db, mod, { sourceId: second.id, targetId: target.id });
    expect(ficheRow(db, first.id).redirectToId).toBe(target.id);
    expect(ficheRow(db, second.id).redirectToId).toBe(target.id);
    expect(ficheRow(db, citing.id).html).toContain(">La bonne fiche</a>");
    expect(ids(listFichesCitingFiche(db, target.id, null))).toEqual([citing.id]);
  });
});
