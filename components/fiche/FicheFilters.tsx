import { Link } from "@/components/ui/Link";
import type { TaxonomyTerm } from "@/db/schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import { ETATS_ACTION } from "@/lib/fiche/document";
import { ETAT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import type { FicheFiltersInput } from "@/lib/schemas/fiche";
import { Tabs } from "@/components/ui/Tabs";

/** The URL of the fiche list with these filters; page 1 unless given. */
export function fichesUrl(filters: FicheFiltersInput): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "" || (key === "page" && value === 1)) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/fiches?${query}` : "/fiches";
}

type Choices = {
  themes: TaxonomyTerm[];
  publics: TaxonomyTerm[];
  acteurs: { slug: string; nom: string }[];
  communes: string[];
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

/** Tabs by type: links that keep the other filters, so that a list stays shareable by its URL. */
export function FicheTypeNav({ filters }: { filters: FicheFiltersInput }) {
  const types: (FicheType | undefined)[] = [undefined, "pratique", "idee", "fiche_pratique"];
  return (
    <Tabs
      label="Types de fiches"
      items={types.map((type) => ({
        href: fichesUrl({ ...filters, type, page: undefined }),
        label: type ? FICHE_TYPE_LABELS[type].plural : "Toutes les fiches",
        current: filters.type === type,
      }))}
    />
  );
}

/** Published fiches, the viewer's drafts, or the archives. */
export function FicheStatutNav({ filters, signedIn }: { filters: FicheFiltersInput; signedIn: boolean }) {
  const statuts: { statut?: FicheStatut; label: string }[] = [
    { label: "Fiches publiées" },
    ...(signedIn ? [{ statut: "brouillon" as const, label: "Mes brouillons" }] : []),
    { statut: "archivee", label: "Archives" },
  ];
  const current = filters.statut === "publiee" ? undefined : filters.statut;
  return (
    <Tabs
      label="Statut des fiches"
      small
      items={statuts.map(({ statut, label }) => ({ href: fichesUrl({ ...filters, statut, page: undefined }), label, current: current === statut }))}
    />
  );
}

/** The GET form of the list's filters: the result is a plain, shareable URL. */
export function FicheFilterForm({ filters, choices }: { filters: FicheFiltersInput; choices: Choices }) {
  return (
    <form method="get" action="/fiches" className="filters" aria-labelledby="filtres-titre">
      <h2 id="filtres-titre">Filtrer</h2>
      {filters.type && <input type="hidden" name="type" value={filters.type} />}
      {filters.statut && <input type="hidden" name="statut" value={filters.statut} />}
      <Select name="theme" label="Thème" value={filters.theme} options={choices.themes.map((t) => ({ value: t.slug, label: t.label }))} />
      <Select name="public" label="Public" value={filters.public} options={choices.publics.map((t) => ({ value: t.slug, label: t.label }))} />
      <Select name="acteur" label="Acteur" value={filters.acteur} options={choices.acteurs.map((a) => ({ value: a.slug, label: a.nom }))} />
      <Select name="commune" label="Commune" value={filters.commune} options={choices.communes.map((c) => ({ value: c, label: c }))} />
      <Select name="etat" label="État de l'action" value={filters.etat} options={ETATS_ACTION.map((e) => ({ value: e, label: ETAT_LABELS[e] }))} />
      <Select
        name="ebauche"
        label="Ébauches"
        value={filters.ebauche}
        options={[
          { value: "oui", label: "Seulement les ébauches" },
          { value: "non", label: "Sans les ébauches" },
        ]}
      />
      <Select name="reprise" label="Pratiques reprises" value={filters.reprise} options={[{ value: "oui", label: "Seulement celles qu'un acteur a reprises" }]} />
      <div className="field field--checkbox">
        <input type="checkbox" id="filtre-suggeres" name="suggeres" value="non" defaultChecked={filters.suggeres === "non"} />
        <label htmlFor="filtre-suggeres">Thèmes confirmés seulement (sans les thèmes suggérés automatiquement)</label>
      </div>
      <div className="actions">
        <button type="submit">Filtrer</button>
        <Link href={fichesUrl({ type: filters.type, statut: filters.statut })}>Effacer les filtres</Link>
      </div>
    </form>
  );
}
