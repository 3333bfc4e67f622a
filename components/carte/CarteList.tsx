import { Link } from "@/components/ui/Link";
import { isPlaced, lieuHref, telHref, type CarteItem } from "@/lib/carte/item";

/**
 * The lieux as a list: the accessible alternative to the map, with the same lieux in the same
 * filters. `onShow` adds a "Voir sur la carte" button once the map is there.
 */
export function CarteList({ items, onShow }: { items: CarteItem[]; onShow?: (id: number) => void }) {
  if (!items.length) return <p className="muted">Aucun lieu à lister.</p>;
  return (
    <ul className="carte-list">
      {items.map((item) => (
        <li key={item.id} className="card carte-lieu" aria-labelledby={`carte-lieu-${item.id}`}>
          <h3 id={`carte-lieu-${item.id}`}>{item.nom}</h3>
          <p>
            <Link href={lieuHref(item)}>{item.acteur.nom}</Link>
          </p>
          <address>
            {item.adresse}
            {item.complementAdresse && (
              <>
                <br />
                {item.complementAdresse}
              </>
            )}
            <br />
            {item.codePostal} {item.commune}
          </address>
          {item.telephone && (
            <p>
              Téléphone : <a href={telHref(item.telephone)}>{item.telephone}</a>
            </p>
          )}
          <ul className="tags" aria-label="Services proposés">
            {item.services.map((service) => (
              <li key={service} className="tag">
                {service}
              </li>
            ))}
          </ul>
          {item.publics.length > 0 && <p className="carte-lieu__publics">Accueille spécifiquement : {item.publics.join(", ")}</p>}
          {!isPlaced(item) && <p className="muted">Pas encore placé sur la carte.</p>}
          {onShow && isPlaced(item) && (
            <p>
              <button type="button" className="button--link" onClick={() => onShow(item.id)}>
                Voir sur la carte<span className="visually-hidden"> : {item.nom}</span>
              </button>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
