import { Link } from "@/components/ui/Link";
import type { TaxonomyTerm } from "@/db/schema";
import { FICHE_TYPES } from "@/lib/fiche/values";
import { FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import type { RecentChangesFiltersInput } from "@/lib/schemas/revision";

type Props = {
  filters: RecentChangesFiltersInput;
  acteurs: { slug: string; nom: string }[];
  themes: TaxonomyTerm[];
};

function Select({ name, label, value, options }: { name: string; label: string; value?: string; options: { value: string; label: string }[] }) {
  return (
    <div className="field">
      <label htmlFor={`filtre-${name}`}>{label}</label>
      <select id={`filtre-${name}`} name={name} defaultValue={value ?? ""}>
        <option value="">Tous</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The filters of the recent changes, in a GET form: the address of a filtered list can be shared. */
export function RecentChangesFilters({ filters, acteurs, themes }: Props) {
  const active = Boolean(filters.type || filters.acteur || filters.theme);
  return (
    <form method="get" action="/modifications-recentes" className="recent-filters" aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">Filtrer</h2>
      <div className="recent-filters__fields">
        <Select name="type" label="Type de fiche" value={filters.type} options={FICHE_TYPES.map((t) => ({ value: t, label: FICHE_TYPE_LABELS[t].plural }))} />
        <Select name="acteur" label="Acteur" value={filters.acteur} options={acteurs.map((a) => ({ value: a.slug, label: a.nom }))} />
        <Select name="theme" label="Thème" value={filters.theme} options={themes.map((t) => ({ value: t.slug, label: t.label }))} />
      </div>
      <p className="actions">
        <button type="submit">Filtrer</button>
        {active && <Link href="/modifications-recentes">Retirer les filtres</Link>}
      </p>
    </form>
  );
}
