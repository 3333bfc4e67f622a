import type { Metadata } from "next";
import Form from "next/form";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listCataloguesByOwner, listPublicCatalogues } from "@/db/queries/catalogue";
import { CatalogueCard } from "@/components/catalogue/CatalogueCard";
import { TextField } from "@/components/ui/Field";
import { catalogueSearchSchema } from "@/lib/schemas/catalogue";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Catalogues de formation" };
export const dynamic = "force-dynamic";

type SearchParams = Record<string, string | string[] | undefined>;

function listHref(q: string | undefined, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set("q", q);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/catalogues?${query}` : "/catalogues";
}

function flashOf(params: SearchParams): string | null {
  if (params.supprime === "1") return "Le catalogue a été supprimé.";
  if (params.quitte === "1") return "Vous ne gérez plus ce catalogue.";
  return null;
}

export default async function CataloguesPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const { q, page } = catalogueSearchSchema.parse(params);
  const viewer = await getCurrentViewer();
  const db = getDb();
  const result = listPublicCatalogues(db, { q, page });
  const mine = viewer ? listCataloguesByOwner(db, viewer.id) : [];
  const flash = flashOf(params);

  return (
    <>
      <h1>Catalogues de formation</h1>
      <p>
        Des parcours de formation construits à partir des fiches du wiki, en modules, par des formateurs et formatrices :
        consultez-les, imprimez-les, ou dupliquez-les pour les adapter à votre public.
      </p>
      {flash && (
        <div role="status" className="alert alert--success">
          {flash}
        </div>
      )}
      {viewer ? (
        <p>
          <Link className="button" href="/catalogues/nouveau">
            Créer un catalogue
          </Link>
        </p>
      ) : (
        <p>
          <Link href={signInHref("/catalogues")}>Connectez-vous</Link> pour créer un catalogue
          ou en dupliquer un.
        </p>
      )}

      {viewer && (
        <section aria-labelledby="titre-mes-catalogues">
          <h2 id="titre-mes-catalogues">Mes catalogues</h2>
          {mine.length === 0 ? (
            <p className="muted">Vous ne gérez encore aucun catalogue.</p>
          ) : (
            <ul className="cards">
              {mine.map((c) => (
                <CatalogueCard key={c.id} catalogue={c} />
              ))}
            </ul>
          )}
        </section>
      )}

      <section aria-labelledby="titre-catalogues-publics">
        <h2 id="titre-catalogues-publics">Catalogues publics</h2>
        <Form action="/catalogues" className="catalogue-search" key={q ?? ""}>
          <TextField name="q" label="Rechercher un catalogue" type="search" defaultValue={q} hint="Titre, description, public ou objectifs ; les accents sont facultatifs." />
          <div className="actions">
            <button type="submit">Rechercher</button>
            {q && <Link href="/catalogues">Voir tous les catalogues</Link>}
          </div>
        </Form>
        <p role="status" className="result-count">
          {result.total === 0
            ? q
              ? `Aucun catalogue public ne correspond à « ${q} ».`
              : "Aucun catalogue n'est encore public."
            : `${result.total} catalogue${result.total > 1 ? "s" : ""} public${result.total > 1 ? "s" : ""}${q ? ` pour « ${q} »` : ""}${
                result.pageCount > 1 ? `, page ${result.page} sur ${result.pageCount}` : ""
              }.`}
        </p>
        {result.items.length > 0 && (
          <ul className="cards">
            {result.items.map((c) => (
              <CatalogueCard key={c.id} catalogue={c} />
            ))}
          </ul>
        )}
        {result.pageCount > 1 && (
          <nav aria-label="Pages de résultats" className="pagination">
            {result.page > 1 && (
              <Link href={listHref(q, result.page - 1)} rel="prev">
                Page précédente
              </Link>
            )}
            <span>
              Page {result.page} sur {result.pageCount}
            </span>
            {result.page < result.pageCount && (
              <Link href={listHref(q, result.page + 1)} rel="next">
                Page suivante
              </Link>
            )}
          </nav>
        )}
      </section>
    </>
  );
}
