import { Link } from "@/components/ui/Link";
import type { CatalogueDetail } from "@/db/queries/catalogue";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

/** The modules of a catalogue and their fiches, with the trainer's notes, as its page shows them. */
export function CatalogueModules({ modules }: { modules: CatalogueDetail["modules"] }) {
  if (modules.length === 0) return <p className="muted">Ce catalogue n&apos;a pas encore de module.</p>;
  return (
    <ol className="catalogue-modules-view">
      {modules.map((module, m) => (
        <li key={module.id}>
          <section aria-labelledby={`module-${module.id}`}>
            <h2 id={`module-${module.id}`}>
              <span className="catalogue-module__number">Module {m + 1}</span> {module.titre}
            </h2>
            {module.description && <p className="pre-line">{module.description}</p>}
            {module.items.length === 0 ? (
              <p className="muted">Ce module ne contient pas encore de fiche.</p>
            ) : (
              <ol className="catalogue-items-view">
                {module.items.map((item) => (
                  <li key={item.id} className="catalogue-item-view">
                    <h3>
                      {item.fiche ? <Link href={`/fiches/${item.fiche.slug}`}>{displayTitre(item.fiche.titre)}</Link> : "Fiche indisponible"}
                    </h3>
                    <p className="muted">
                      {[item.fiche ? FICHE_TYPE_LABELS[item.fiche.type].singular : "Brouillon ou fiche retirée par la modération", item.duree ? `Durée : ${item.duree}` : null]
                        .filter(Boolean)
                        .join(" · ")}
                    </p>
                    {item.note && (
                      <p className="catalogue-note pre-line">
                        <span className="catalogue-note__label">Note du formateur :</span> {item.note}
                      </p>
                    )}
                  </li>
                ))}
              </ol>
            )}
          </section>
        </li>
      ))}
    </ol>
  );
}
