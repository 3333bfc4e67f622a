import { asc, eq, sql } from "drizzle-orm";
import { perConnection, type Db } from "@/db/client";
import { acteur, acteurTheme, fiche, ficheActeur, ficheLieu, ficheTerm, lieu, reprise, taxonomyTerm } from "@/db/schema";
import { typologieLabel } from "@/lib/acteur/labels";
import type { SearchFacet } from "@/lib/search/params";
import { slugify } from "@/lib/slug";
import { isFicheSearchable } from "./visibility";

/** What the search index holds of one fiche or acteur. */
export type SearchDocument = {
  /** Title or name, descriptive fields, body: the columns bm25 weighs 10, 4 and 1. */
  texts: [string, string, string];
  /** Facet values as they appear in URLs: type key, term slugs, commune keys… */
  facets: Partial<Record<SearchFacet, string[]>>;
  /** Commune names as written, for the facet's labels. */
  communes: string[];
};

const SEPARATOR = " · ";

/** The URL key of a commune: "Saint-Médard-en-Jalles" → "saint-medard-en-jalles". */
export function communeKey(name: string): string {
  return slugify(name, "");
}

function distinct(values: (string | null | undefined)[]): string[] {
  return [...new Set(values.map((v) => v?.trim() ?? "").filter((v) => v !== ""))];
}

// Indexing runs on every projected edit and over every fiche on a rebuild: prepare once per connection.
const statements = perConnection(prepare);
function prepare(db: Db) {
  const ficheId = sql.placeholder("ficheId");
  const acteurId = sql.placeholder("acteurId");
  return {
    fiche: db
      .select({
        type: fiche.type,
        statut: fiche.statut,
        masquee: fiche.masquee,
        redirectToId: fiche.redirectToId,
        titre: fiche.titre,
        texte: fiche.texte,
        fields: fiche.fields,
        commune: fiche.commune,
        etat: fiche.etat,
      })
      .from(fiche)
      .where(eq(fiche.id, ficheId))
      .prepare(),
    ficheActeurs: db
      .select({ nom: acteur.nom })
      .from(ficheActeur)
      .innerJoin(acteur, eq(acteur.id, ficheActeur.acteurId))
      .where(eq(ficheActeur.ficheId, ficheId))
      .orderBy(asc(acteur.nom))
      .prepare(),
    ficheLieux: db
      .select({ nom: lieu.nom, commune: lieu.commune })
      .from(ficheLieu)
      .innerJoin(lieu, eq(lieu.id, ficheLieu.lieuId))
      .where(eq(ficheLieu.ficheId, ficheId))
      .orderBy(asc(lieu.nom))
      .prepare(),
    ficheTerms: db
      .select({ taxonomy: taxonomyTerm.taxonomy, slug: taxonomyTerm.slug, label: taxonomyTerm.label })
      .from(ficheTerm)
      .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, ficheTerm.termId))
      .where(eq(ficheTerm.ficheId, ficheId))
      .orderBy(asc(taxonomyTerm.taxonomy), asc(taxonomyTerm.position), asc(taxonomyTerm.id))
      .prepare(),
    ficheReprise: db.select({ id: reprise.id }).from(reprise).where(eq(reprise.ficheId, ficheId)).limit(1).prepare(),
    acteur: db
      .select({ nom: acteur.nom, categorie: acteur.categorie, typologie: acteur.typologie, description: acteur.description })
      .from(acteur)
      .where(eq(acteur.id, acteurId))
      .prepare(),
    acteurThemes: db
      .select({ slug: taxonomyTerm.slug, label: taxonomyTerm.label })
      .from(acteurTheme)
      .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, acteurTheme.termId))
      .where(eq(acteurTheme.acteurId, acteurId))
      .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.id))
      .prepare(),
    acteurLieux: db.select({ nom: lieu.nom, commune: lieu.commune }).from(lieu).where(eq(lieu.acteurId, acteurId)).orderBy(asc(lieu.nom)).prepare(),
  };
}

/** The search document of a fiche, or null when the public search must not show it (or it is gone). */
export function buildFicheDocument(db: Db, ficheId: number): SearchDocument | null {
  const q = statements(db);
  const row = q.fiche.get({ ficheId });
  if (!row || !isFicheSearchable(row)) return null;
  const acteurs = q.ficheActeurs.all({ ficheId });
  const lieux = q.ficheLieux.all({ ficheId });
  const terms = q.ficheTerms.all({ ficheId }).filter((t) => t.taxonomy !== "objectif");
  const quartier = typeof row.fields.quartier === "string" ? row.fields.quartier : "";
  const commune = row.commune?.trim() ?? "";
  const champs = distinct([
    ...acteurs.map((a) => a.nom),
    ...terms.map((t) => t.label),
    commune,
    quartier,
    ...lieux.map((l) => `${l.nom} (${l.commune})`),
  ]).join(SEPARATOR);
  const slugsOf = (taxonomy: string) => terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.slug);
  const key = commune ? communeKey(commune) : "";
  return {
    texts: [row.titre, champs, row.texte],
    facets: {
      type: [row.type],
      theme: slugsOf("theme"),
      public: slugsOf("public"),
      enjeu: slugsOf("enjeu"),
      commune: key ? [key] : [],
      etat: row.etat ? [row.etat] : [],
      // Derived from the reprise rows: server/reprise.ts re-indexes the fiche when they change.
      reprise: q.ficheReprise.get({ ficheId }) ? ["oui"] : [],
    },
    communes: key ? [commune] : [],
  };
}

/** The search document of an acteur, or null when it no longer exists. */
export function buildActeurDocument(db: Db, acteurId: number): SearchDocument | null {
  const q = statements(db);
  const row = q.acteur.get({ acteurId });
  if (!row) return null;
  const themes = q.acteurThemes.all({ acteurId });
  const lieux = q.acteurLieux.all({ acteurId });
  const communes = distinct(lieux.map((l) => l.commune)).filter((c) => communeKey(c) !== "");
  const champs = distinct([typologieLabel(row.typologie), ...themes.map((t) => t.label), ...lieux.map((l) => l.nom), ...communes]).join(SEPARATOR);
  const keys = [...new Set(communes.map(communeKey))];
  return {
    texts: [row.nom, champs, row.description],
    facets: { type: ["acteur"], theme: themes.map((t) => t.slug), commune: keys, categorie: [row.categorie] },
    communes,
  };
}

/** The fiches whose search document shows this acteur's name or its lieux. */
export function listFicheIdsOfActeur(db: Db, acteurId: number): number[] {
  const linked = db.select({ id: ficheActeur.ficheId }).from(ficheActeur).where(eq(ficheActeur.acteurId, acteurId)).all();
  const viaLieux = db
    .select({ id: ficheLieu.ficheId })
    .from(ficheLieu)
    .innerJoin(lieu, eq(lieu.id, ficheLieu.lieuId))
    .where(eq(lieu.acteurId, acteurId))
    .all();
  return [...new Set([...linked, ...viaLieux].map((r) => r.id))].sort((a, b) => a - b);
}
