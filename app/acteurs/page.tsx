import type { Metadata } from "next";
import Form from "next/form";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listActeurs, listCommunes, searchFold, type ActeurFilters } from "@/db/queries/acteur";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { ACTEUR_CATEGORIES, type ActeurCategorie } from "@/lib/acteur/values";
import { ActeurCard } from "@/components/acteur/ActeurCard";
import { SelectField, TextField } from "@/components/ui/Field";
import { ACTEUR_CATEGORIE_OPTIONS } from "@/lib/acteur/labels";

export const metadata: Metadata = { title: "Annuaire des acteurs" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

function filtersOf(params: SearchParams): ActeurFilters {
  const categorie = first(params.categorie);
  const page = Number(first(params.page) ?? 1);
  return {
    categorie: ACTEUR_CATEGORIES.includes(categorie as ActeurCategorie) ? (categorie as ActeurCategorie) : undefined,
    theme: first(params.theme),
    commune: first(params.commune),
    q: first(params.q),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

/** The URL of the directory with these filters, empty ones left out so that it stays shareable. */
function directoryHref(filters: ActeurFilters, page: number): string {
  const params = new URLSearchParams();
  for (const key of ["q", "categorie", "theme", "commune"] as const) {
    if (filters[key]) params.set(key, filters[key]!);
  }
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/acteurs?${query}` : "/acteurs";
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export default async function ActeursPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDb();
  const filters = filtersOf(await searchParams);
  const result = listActeurs(db, filters);
  const themes = listTermsByTaxonomy(db, "theme");
  const communes = listCommunes(db);
  const filtered = Boolean(filters.q || filters.categorie || filters.theme || filters.commune);
  const themeLabel = themes.find((t) => t.slug === filters.theme)?.label;

  return (
    <>
      <h1>Annuaire des acteurs</h1>
      <p>
        Associations, services publics, bibliothèques, centres sociaux, entreprises : les organisations qui agissent pour la
        Solidarité numérique, et leurs lieux d&apos;accueil.
      </p>
      <p>
        <Link href="/acteurs/nouveau" className="button">
          Présentez votre organisation
        </Link>
      </p>
      <div className="layout-aside">
        <section aria-labelledby="titre-filtres" className="acteurs-filters">
          <h2 id="titre-filtres">Filtrer l&apos;annuaire</h2>
          {/* Keyed on the query so that "Effacer les filtres" also empties the fields. */}
          <Form action="/acteurs" className="form" key={directoryHref(filters, 1)}>
            <TextField name="q" label="Rechercher" type="search" defaultValue={filters.q} hint="Nom, présentation ou commune ; les accents sont facultatifs." />
            <SelectField name="categorie" label="Catégorie" options={ACTEUR_CATEGORIE_OPTIONS} emptyLabel="Toutes les catégories" defaultValue={filters.categorie} />
            <SelectField
              name="theme"
              label="Thème"
              options={themes.map((t) => ({ value: t.slug, label: t.label }))}
              emptyLabel="Tous les thèmes"
              defaultValue={filters.theme}
            />
            <SelectField
              name="commune"
              label="Commune"
              options={communes.map((c) => ({ value: c, label: c }))}
              emptyLabel="Toutes les communes"
              defaultValue={communes.find((c) => filters.commune && searchFold(c) === searchFold(filters.commune)) ?? filters.commune}
            />
            <div className="actions">
              <button type="submit">Filtrer</button>
              {filtered && <Link href="/acteurs">Effacer les filtres</Link>}
            </div>
          </Form>
        </section>

        <section aria-labelledby="titre-resultats">
          <h2 id="titre-resultats">Résultats</h2>
          <p role="status" className="result-count">
            {result.total === 0
              ? "Aucun acteur trouvé."
              : `${plural(result.total, "acteur trouvé", "acteurs trouvés")}${result.pageCount > 1 ? `, page ${result.page} sur ${result.pageCount}` : ""}.`}
          </p>
          {result.total === 0 && !filtered && (
            <div className="alert">
              <p>L&apos;annuaire est encore vide : soyez le premier acteur à y figurer.</p>
              <p>
                <Link href="/acteurs/nouveau">Présentez votre organisation</Link> et ses lieux d&apos;accueil, pour que les
                habitants et vos partenaires vous trouvent.
              </p>
            </div>
          )}
          {result.total === 0 && filtered && (
            <div className="alert">
              <p>
                Aucun acteur ne correspond à ces critères{themeLabel ? ` (thème « ${themeLabel} »)` : ""}. Essayez avec moins de
                filtres, ou <Link href="/acteurs">affichez tout l&apos;annuaire</Link>.
              </p>
              <p>
                Votre organisation agit dans ce domaine ? <Link href="/acteurs/nouveau">Présentez votre organisation</Link>.
              </p>
            </div>
          )}
          {result.items.length > 0 && (
            <ul className="cards">
              {result.items.map((item) => (
                <ActeurCard key={item.id} acteur={item} />
              ))}
            </ul>
          )}
          {result.pageCount > 1 && (
            <nav aria-label="Pages de résultats" className="acteurs-pagination">
              <ul>
                {result.page > 1 && (
                  <li>
                    <Link href={directoryHref(filters, result.page - 1)} rel="prev">
                      Page précédente
                    </Link>
                  </li>
                )}
                {Array.from({ length: result.pageCount }, (_, i) => i + 1).map((n) => (
                  <li key={n}>
                    {n === result.page ? (
                      <span aria-current="page">
                        <span className="visually-hidden">Page </span>
                        {n}
                      </span>
                    ) : (
                      <Link href={directoryHref(filters, n)}>
                        <span className="visually-hidden">Page </span>
                        {n}
                      </Link>
                    )}
                  </li>
                ))}
                {result.page < result.pageCount && (
                  <li>
                    <Link href={directoryHref(filters, result.page + 1)} rel="next">
                      Page suivante
                    </Link>
                  </li>
                )}
              </ul>
            </nav>
          )}
        </section>
      </div>
    </>
  );
}
