import Form from "next/form";
import { Link } from "@/components/ui/Link";
import { SelectField } from "@/components/ui/Field";
import { ACTEUR_CATEGORIE_OPTIONS } from "@/lib/acteur/labels";
import { LIEU_PRISES_EN_CHARGE_SPECIFIQUES, LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES, LIEU_SERVICES } from "@/lib/lieu/labels";
import type { CarteFilterValues } from "@/lib/schemas/carte";

type Props = {
  filters: CarteFilterValues;
  errors: Record<string, string[]>;
  themes: { slug: string; label: string }[];
  communes: string[];
  /** The current query, so that "Effacer" empties the fields and the form is re-created on change. */
  formKey: string;
};

/** The map's filters: a GET form, so that a filtered map is a link to share and works without JavaScript. */
export function CarteFilters({ filters, errors, themes, communes, formKey }: Props) {
  const filtered = Object.values(filters).some(Boolean);
  const publicError = errors.public;
  return (
    <section aria-labelledby="titre-filtres" className="carte-filters">
      <h2 id="titre-filtres">Filtrer les lieux</h2>
      <Form action="/carte" className="carte-filters__form" key={formKey}>
        <SelectField
          name="service"
          label="Service"
          options={LIEU_SERVICES.map((s) => ({ value: s, label: s }))}
          emptyLabel="Tous les services"
          defaultValue={filters.service}
          errors={errors}
        />
        <div className="field">
          <label htmlFor="champ-public">Public</label>
          <select
            id="champ-public"
            name="public"
            defaultValue={filters.public ?? ""}
            aria-invalid={publicError ? true : undefined}
            aria-describedby={publicError ? "champ-public-error" : undefined}
          >
            <option value="">Tous les publics</option>
            <optgroup label="Publics spécifiquement adressés">
              {LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </optgroup>
            <optgroup label="Prise en charge spécifique">
              {LIEU_PRISES_EN_CHARGE_SPECIFIQUES.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </optgroup>
          </select>
          {publicError && (
            <p id="champ-public-error" className="field-error">
              {publicError.join(" ")}
            </p>
          )}
        </div>
        <SelectField
          name="theme"
          label="Thème de l'acteur"
          options={themes.map((t) => ({ value: t.slug, label: t.label }))}
          emptyLabel="Tous les thèmes"
          defaultValue={filters.theme}
          errors={errors}
        />
        <SelectField
          name="commune"
          label="Commune"
          options={communes.map((c) => ({ value: c, label: c }))}
          emptyLabel="Toutes les communes"
          defaultValue={filters.commune}
          errors={errors}
        />
        <SelectField
          name="categorie"
          label="Catégorie d'acteur"
          options={ACTEUR_CATEGORIE_OPTIONS}
          emptyLabel="Toutes les catégories"
          defaultValue={filters.categorie}
          errors={errors}
        />
        <div className="actions carte-filters__actions">
          <button type="submit">Filtrer</button>
          {filtered && <Link href="/carte">Effacer les filtres</Link>}
        </div>
      </Form>
    </section>
  );
}
