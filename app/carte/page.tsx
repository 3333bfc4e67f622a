import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listCommunes, searchFold } from "@/db/queries/acteur";
import { listLieuxWithActeur } from "@/db/queries/carte";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { CarteExplorer } from "@/components/carte/CarteExplorer";
import { CarteFilters } from "@/components/carte/CarteFilters";
import { HowLieuxGetIn } from "@/components/lieu/HowLieuxGetIn";
import { isPlaced, toCarteItem } from "@/lib/carte/item";
import { parseCarteFilters, type SearchParams } from "@/lib/schemas/carte";
import { mapTiles } from "@/server/config";

export const metadata: Metadata = {
  title: "Carte des lieux d'accueil",
  description: "Où les acteurs de la Solidarité numérique accueillent le public, et ce qu'ils y proposent.",
};
export const dynamic = "force-dynamic";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

export default async function CartePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDb();
  const params = await searchParams;
  const themes = listTermsByTaxonomy(db, "theme").map((t) => ({ slug: t.slug, label: t.label }));
  const communes = listCommunes(db);
  const { filters, errors } = parseCarteFilters(
    params,
    themes.map((t) => t.slug),
  );
  // Show the commune with the spelling of the list, whatever the link's case and accents.
  if (filters.commune) filters.commune = communes.find((c) => searchFold(c) === searchFold(filters.commune!)) ?? filters.commune;
  const items = listLieuxWithActeur(db, filters).map(toCarteItem);
  const placed = items.filter(isPlaced).length;
  const filtered = Object.values(filters).some(Boolean);
  const formKey = JSON.stringify(filters);
  const errorList = Object.values(errors).flat();

  return (
    <>
      <h1>Carte des lieux d&apos;accueil</h1>
      <p>
        Où les acteurs de la Solidarité numérique reçoivent le public, et ce qu&apos;ils y proposent. Pour orienter une
        personne pas à pas, utilisez <Link href="/orientation">Vers qui se tourner ?</Link>
      </p>
      {errorList.length > 0 && (
        <div role="alert" className="alert alert--error">
          <p>Certains filtres de cette adresse ne sont pas reconnus et n&apos;ont pas été appliqués :</p>
          <ul>
            {errorList.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </div>
      )}
      <CarteFilters filters={filters} errors={errors} themes={themes} communes={communes} formKey={formKey} />
      <p role="status" className="result-count">
        {items.length === 0
          ? filtered
            ? "Aucun lieu ne correspond à ces filtres."
            : "Aucun lieu d'accueil n'est encore enregistré."
          : `${plural(items.length, filtered ? "lieu correspond" : "lieu d'accueil", filtered ? "lieux correspondent" : "lieux d'accueil")}${filtered ? " à ces filtres" : ""}, dont ${plural(placed, "placé", "placés")} sur la carte.`}
      </p>
      {items.length === 0 && filtered && (
        <div className="alert">
          <p>
            Essayez avec moins de filtres, ou <Link href="/carte">affichez tous les lieux</Link>. Ce qui manque sur le
            territoire se lit aussi dans <Link href="/couverture">Ce qui existe, ce qui manque</Link>.
          </p>
        </div>
      )}
      {items.length === 0 && <HowLieuxGetIn />}
      <CarteExplorer items={items} tiles={mapTiles()} />
    </>
  );
}
