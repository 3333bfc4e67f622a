import { describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "./viewer";
import { buildActeur, buildLieu, buildUser } from "@/db/factories";
import { fiche, ficheActeur, ficheLieu, ficheTerm, taxonomyTerm } from "@/db/schema";
import type { FicheType } from "@/lib/fiche/values";
import type { Taxonomy } from "@/lib/taxonomy/values";
import {
  countPublishedFichesByType,
  getFicheBySlug,
  listActeursWithFiches,
  listFicheCommunes,
  listFiches,
  listFichesByActeur,
  listLatestFiches,
} from "./fiche";

let seq = 0;
function termId(taxonomy: Taxonomy, slug: string): number {
  return getTestDb().select().from(taxonomyTerm).where(and(eq(taxonomyTerm.taxonomy, taxonomy), eq(taxonomyTerm.slug, slug))).get()!.id;
}
type FicheSpec = {
  titre: string;
  type?: FicheType;
  statut?: "brouillon" | "publiee" | "archivee";
  commune?: string;
  etat?: string;
  themes?: string[];
  /** Themes the classifier suggested, not confirmed. */
  suggested?: string[];
  ebauche?: boolean;
  publics?: string[];
  acteurs?: { id: number; role: "porteur" | "partenaire" | "financeur" | "pressenti" }[];
  createdBy?: number;
  createdAt?: Date;
};
function buildFiche(spec: FicheSpec) {
  const db = getTestDb();
  const row = db
    .insert(fiche)
    .values({
      slug: `f-${++seq}`,
      type: spec.type ?? "pratique",
      statut: spec.statut ?? "publiee",
      titre: spec.titre,
      commune: spec.commune ?? null,
      etat: spec.etat ?? null,
      ebauche: spec.ebauche ?? false,
      fields: { extrait: `Le texte de ${spec.titre}.` },
      createdBy: spec.createdBy ?? null,
      createdAt: spec.createdAt ?? new Date(Date.UTC(2024, 0, seq)),
    })
    .returning()
    .get();
  const terms = [...(spec.themes ?? []).map((s) => termId("theme", s)), ...(spec.publics ?? []).map((s) => termId("public", s))];
  if (terms.length) db.insert(ficheTerm).values(terms.map((t) => ({ ficheId: row.id, termId: t }))).run();
  for (const slug of spec.suggested ?? []) db.insert(ficheTerm).values({ ficheId: row.id, termId: termId("theme", slug), suggested: true }).run();
  if (spec.acteurs?.length) db.insert(ficheActeur).values(spec.acteurs.map((a) => ({ ficheId: row.id, acteurId: a.id, role: a.role }))).run();
  return row;
}
const titres = (page: { items: { titre: string }[] }) => page.items.map((i) => i.titre);

describe("listFiches", () => {
  it("filters published fiches by type, theme, public, acteur, commune and state, newest first", () => {
    const db = getTestDb();
    const asso = buildActeur({ nom: "Asso Filtre" });
    buildFiche({ titre: "Filtre A", type: "pratique", commune: "Bordeaux", etat: "en_cours", themes: ["culture"], publics: ["seniors"], acteurs: [{ id: asso.id, role: "porteur" }] });
    buildFiche({ titre: "Filtre B", type: "pratique", commune: "Pessac", etat: "terminee", themes: ["culture", "sante"], publics: ["jeunes"] });
    buildFiche({ titre: "Filtre C", type: "idee", commune: "bordeaux", themes: ["sante"], acteurs: [{ id: asso.id, role: "pressenti" }] });
    buildFiche({ titre: "Filtre brouillon", type: "pratique", statut: "brouillon", themes: ["culture"] });

    expect(titres(listFiches(db, { type: "pratique", theme: "culture" }, null))).toEqual(["Filtre B", "Filtre A"]);
    expect(titres(listFiches(db, { theme: "sante" }, null))).toEqual(["Filtre C", "Filtre B"]);
    expect(titres(listFiches(db, { public: "seniors" }, null))).toEqual(["Filtre A"]);
    expect(titres(listFiches(db, { acteur: asso.slug }, null))).toEqual(["Filtre C", "Filtre A"]);
    expect(titres(listFiches(db, { commune: "Bordeaux", theme: "culture" }, null))).toEqual(["Filtre A"]);
    expect(titres(listFiches(db, { commune: "BORDEAUX", type: "idee" }, null))).toEqual(["Filtre C"]);
    expect(titres(listFiches(db, { etat: "terminee" }, null))).toEqual(["Filtre B"]);
    expect(titres(listFiches(db, { theme: "theme-inconnu" }, null))).toEqual([]);
  });

  it("paginates and summarises each fiche with its themes", () => {
    const db = getTestDb();
    for (let i = 1; i <= 5; i++) buildFiche({ titre: `Page ${i}`, type: "fiche_pratique", themes: ["emploi", "education"] });
    const second = listFiches(db, { type: "fiche_pratique", pageSize: 2, page: 2 }, null);
    expect(second).toMatchObject({ total: 5, page: 2, pageSize: 2, pageCount: 3 });
    expect(titres(second)).toEqual(["Page 3", "Page 2"]);
    expect(second.items[0].themes.map((t) => t.slug)).toEqual(["education", "emploi"]);
    expect(second.items[0].extrait).toBe("Le texte de Page 3.");
    expect(listFiches(db, { type: "fiche_pratique", pageSize: 2, page: 99 }, null).page).toBe(3);
  });

  it("shows drafts only to their author and to members of their porteurs, archives to everyone", () => {
    const db = getTestDb();
    const author = buildUser();
    const member = buildUser();
    const other = buildUser();
    const porteur = buildActeur({ members: [member] });
    buildFiche({ titre: "Brouillon perso", type: "idee", statut: "brouillon", createdBy: author.id });
    buildFiche({ titre: "Brouillon porté", type: "idee", statut: "brouillon", acteurs: [{ id: porteur.id, role: "porteur" }] });
    buildFiche({ titre: "Brouillon partenaire", type: "idee", statut: "brouillon", acteurs: [{ id: porteur.id, role: "partenaire" }] });
    buildFiche({ titre: "Archivée", type: "idee", statut: "archivee" });

    const drafts = (userId: number | null) => titres(listFiches(db, { type: "idee", statut: "brouillon" }, userId ? getViewerById(db, userId) : null));
    expect(drafts(author.id)).toEqual(["Brouillon perso"]);
    expect(drafts(member.id)).toEqual(["Brouillon porté"]);
    expect(drafts(other.id)).toEqual([]);
    expect(drafts(null)).toEqual([]);
    expect(titres(listFiches(db, { type: "idee" }, getViewerById(db, author.id)))).not.toContain("Brouillon perso");
    expect(titres(listFiches(db, { type: "idee", statut: "archivee" }, null))).toEqual(["Archivée"]);
  });
});

describe("getFicheBySlug", () => {
  it("returns the fiche with its acteurs and roles, terms by taxonomy, lieux and access facts", () => {
    const db = getTestDb();
    const porteur = buildActeur({ nom: "Centre social" });
    const financeur = buildActeur({ nom: "Département" });
    const f = buildFiche({
      titre: "Détail",
      statut: "brouillon",
      themes: ["lien-social"],
      publics: ["familles"],
      acteurs: [
        { id: porteur.id, role: "porteur" },
        { id: financeur.id, role: "financeur" },
      ],
    });
    const salle = buildLieu(porteur.id, { nom: "Salle des fêtes", adresse: "2 place", codePostal: "33130", commune: "Bègles" });
    db.insert(ficheLieu).values({ ficheId: f.id, lieuId: salle.id }).run();

    const detail = getFicheBySlug(db, f.slug)!;
    expect(detail.acteurs).toEqual([
      { id: porteur.id, slug: porteur.slug, nom: "Centre social", role: "porteur" },
      { id: financeur.id, slug: financeur.slug, nom: "Département", role: "financeur" },
    ]);
    expect(detail.terms.theme.map((t) => t.slug)).toEqual(["lien-social"]);
    expect(detail.terms.public.map((t) => t.slug)).toEqual(["familles"]);
    expect(detail.terms.enjeu).toEqual([]);
    expect(detail.lieux).toEqual([{ id: salle.id, nom: "Salle des fêtes", adresse: "2 place", codePostal: "33130", commune: "Bègles", acteurSlug: porteur.slug, acteurNom: "Centre social" }]);
    expect(detail.access).toEqual({ statut: "brouillon", verrouillee: false, createdBy: null, porteurIds: [porteur.id], masquee: false });
    expect(getFicheBySlug(db, "absente")).toBeNull();
  });
});

describe("lists by acteur and theme, and the home page", () => {
  it("groups an acteur's published fiches by role", () => {
    const db = getTestDb();
    const a = buildActeur({ nom: "Groupé" });
    buildFiche({ titre: "Portée", acteurs: [{ id: a.id, role: "porteur" }] });
    buildFiche({ titre: "Financée", acteurs: [{ id: a.id, role: "financeur" }] });
    buildFiche({ titre: "Pressentie", type: "idee", acteurs: [{ id: a.id, role: "pressenti" }] });
    buildFiche({ titre: "Portée en brouillon", statut: "brouillon", acteurs: [{ id: a.id, role: "porteur" }] });
    const grouped = listFichesByActeur(db, a.id);
    expect(Object.fromEntries(Object.entries(grouped).map(([role, list]) => [role, list.map((f) => f.titre)]))).toEqual({
      porteur: ["Portée"],
      porteur_propose: [],
      partenaire: [],
      financeur: ["Financée"],
      pressenti: ["Pressentie"],
    });
    expect(listActeursWithFiches(db).map((x) => x.nom)).toContain("Groupé");
  });

  it("counts suggested themes unless asked for confirmed ones only, and filters the ébauches", () => {
    const db = getTestDb();
    // Their own commune and an old date, so that the other tests' fiches stay out of the way.
    const spec = { commune: "Suggérac", createdAt: new Date(Date.UTC(2019, 0, 1)) };
    buildFiche({ ...spec, titre: "Emploi confirmé", themes: ["emploi"] });
    buildFiche({ ...spec, titre: "Emploi suggéré", suggested: ["emploi"], ebauche: true });
    const list = (filters: Parameters<typeof listFiches>[1]) => titres(listFiches(db, { commune: "Suggérac", ...filters }, null)).sort();
    expect(list({ theme: "emploi" })).toEqual(["Emploi confirmé", "Emploi suggéré"]);
    expect(list({ theme: "emploi", sansSuggeres: true })).toEqual(["Emploi confirmé"]);
    expect(list({ ebauche: true })).toEqual(["Emploi suggéré"]);
    expect(list({ ebauche: false })).toEqual(["Emploi confirmé"]);
    const suggestedCard = listFiches(db, { commune: "Suggérac", ebauche: true }, null).items[0];
    expect(suggestedCard.ebauche).toBe(true);
    expect(suggestedCard.themes).toEqual([{ slug: "emploi", label: "Emploi", suggested: true }]);
    const detail = getFicheBySlug(db, suggestedCard.slug)!;
    expect(detail.terms.theme.map((t) => [t.slug, t.suggested])).toEqual([["emploi", true]]);
  });

  it("lists a theme's published fiches, the latest fiches, the communes and the counts by type", () => {
    const db = getTestDb();
    const before = countPublishedFichesByType(db);
    buildFiche({ titre: "Intergénération 1", themes: ["intergenerationnel"], commune: "Talence", createdAt: new Date(Date.UTC(2030, 0, 1)) });
    buildFiche({ titre: "Intergénération 2", type: "idee", themes: ["intergenerationnel"], createdAt: new Date(Date.UTC(2030, 0, 2)) });
    buildFiche({ titre: "Intergénération brouillon", statut: "brouillon", themes: ["intergenerationnel"] });
    expect(titres(listFiches(db, { theme: "intergenerationnel" }, null))).toEqual(["Intergénération 2", "Intergénération 1"]);
    expect(listLatestFiches(db, 2).map((f) => f.titre)).toEqual(["Intergénération 2", "Intergénération 1"]);
    expect(listFicheCommunes(db)).toContain("Talence");
    const after = countPublishedFichesByType(db);
    expect(after.pratique - before.pratique).toBe(1);
    expect(after.idee - before.idee).toBe(1);
    expect(after.fiche_pratique - before.fiche_pratique).toBe(0);
  });
});
