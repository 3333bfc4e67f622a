import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { Fragment } from "react";
import { PrintButton } from "@/components/catalogue/PrintButton";
import { demoteHeadings } from "@/lib/catalogue/headings";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { publicUrl } from "@/server/config";
import { getReadableCatalogue } from "../access";
import { catalogueLicence } from "../licence";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { catalogue } = await getReadableCatalogue((await params).slug, true);
  return { title: `${catalogue.titre} (version à imprimer)` };
}

/** The catalogue laid out for A4 paper: cover, table of contents, one module per section, sources and licence. */
export default async function PrintCataloguePage({ params }: Props) {
  const { catalogue } = await getReadableCatalogue((await params).slug, true);
  const base = publicUrl();
  const licence = catalogueLicence();
  const date = new Date().toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const details: [string, React.ReactNode][] = [
    ["Public visé", catalogue.publicVise],
    ["Objectifs", catalogue.objectifs],
    ["Durée", catalogue.duree],
    ["Conçu par", catalogue.owners.map((o) => o.name).join(", ")],
  ];
  const fiches = catalogue.modules.flatMap((m) => m.items).filter((i) => i.fiche);

  return (
    <div className="catalogue-print-page">
      <div className="catalogue-print-toolbar">
        <p className="acteurs-back">
          <Link href={`/catalogues/${catalogue.slug}`}>Retour au catalogue</Link>
        </p>
        <div className="actions">
          <PrintButton />
          <a href={`/catalogues/${catalogue.slug}/pdf`} download>
            Télécharger en PDF
          </a>
        </div>
        <p className="hint">Mise en page pour du papier A4 : couverture, sommaire, puis un module par page.</p>
      </div>

      <article className="catalogue-print" aria-labelledby="catalogue-titre">
        <section className="catalogue-print__cover" aria-labelledby="catalogue-titre">
          <p className="catalogue-print__kicker">Catalogue de formation · Wiki de la Solidarité numérique</p>
          <h1 id="catalogue-titre">{catalogue.titre}</h1>
          {catalogue.description && <p className="pre-line catalogue-print__description">{catalogue.description}</p>}
          <dl className="details">
            {details
              .filter(([, value]) => value)
              .map(([label, value]) => (
                <Fragment key={label}>
                  <dt>{label}</dt>
                  <dd className="pre-line">{value}</dd>
                </Fragment>
              ))}
            {catalogue.original && (
              <>
                <dt>Adapté de</dt>
                <dd>
                  « {catalogue.original.titre} » ({base}/catalogues/{catalogue.original.slug})
                </dd>
              </>
            )}
          </dl>
          <p className="muted">
            Version du {date} : {base}/catalogues/{catalogue.slug}
          </p>
        </section>

        <nav className="catalogue-print__toc" aria-labelledby="sommaire">
          <h2 id="sommaire">Sommaire</h2>
          <ol>
            {catalogue.modules.map((module, m) => (
              <li key={module.id}>
                <a href={`#module-${module.id}`}>
                  Module {m + 1} · {module.titre}
                </a>
                {module.items.length > 0 && (
                  <ol>
                    {module.items.map((item) => (
                      <li key={item.id}>
                        <a href={`#fiche-${item.id}`}>{item.fiche ? displayTitre(item.fiche.titre) : "Fiche indisponible"}</a>
                      </li>
                    ))}
                  </ol>
                )}
              </li>
            ))}
            <li>
              <a href="#sources">Sources et licence</a>
            </li>
          </ol>
        </nav>

        {catalogue.modules.map((module, m) => (
          <section key={module.id} id={`module-${module.id}`} className="catalogue-print__module" aria-labelledby={`module-${module.id}-titre`}>
            <h2 id={`module-${module.id}-titre`}>
              <span className="catalogue-module__number">Module {m + 1}</span> {module.titre}
            </h2>
            {module.description && <p className="pre-line">{module.description}</p>}
            {module.items.length === 0 && <p className="muted">Ce module ne contient pas encore de fiche.</p>}
            {module.items.map((item) => (
              <article key={item.id} id={`fiche-${item.id}`} className="catalogue-print__fiche" aria-labelledby={`fiche-${item.id}-titre`}>
                <h3 id={`fiche-${item.id}-titre`}>{item.fiche ? displayTitre(item.fiche.titre) : "Fiche indisponible"}</h3>
                <p className="catalogue-print__meta">
                  {[item.fiche ? FICHE_TYPE_LABELS[item.fiche.type].singular : null, item.duree ? `Durée : ${item.duree}` : null].filter(Boolean).join(" · ")}
                </p>
                {item.note && (
                  <p className="catalogue-note pre-line">
                    <span className="catalogue-note__label">Note du formateur :</span> {item.note}
                  </p>
                )}
                {item.fiche ? (
                  <>
                    {item.fiche.html ? (
                      <div className="fiche-body" dangerouslySetInnerHTML={{ __html: demoteHeadings(item.fiche.html, 2) }} />
                    ) : (
                      <p className="muted">Cette fiche n&apos;a pas encore de contenu.</p>
                    )}
                    <p className="catalogue-print__source">
                      {item.fiche.source && <>Source : {item.fiche.source}. </>}En ligne : {base}/fiches/{item.fiche.slug}
                    </p>
                  </>
                ) : (
                  <p className="muted">Cette fiche n&apos;est pas consultable : elle est en brouillon ou a été retirée par la modération.</p>
                )}
              </article>
            ))}
          </section>
        ))}

        <section id="sources" className="catalogue-print__sources" aria-labelledby="sources-titre">
          <h2 id="sources-titre">Sources et licence</h2>
          <p>
            Les fiches de ce catalogue viennent du Wiki de la Solidarité numérique ({base}). Leur contenu est publié sous{" "}
            <a href={licence.url}>{licence.name}</a> ({licence.url}).
          </p>
          {catalogue.original && (
            <p>
              Ce catalogue est adapté de « {catalogue.original.titre} » ({base}/catalogues/{catalogue.original.slug}).
            </p>
          )}
          {fiches.length > 0 && (
            <ul>
              {fiches.map((item) => (
                <li key={item.id}>
                  <strong>{displayTitre(item.fiche!.titre)}</strong> : {base}/fiches/{item.fiche!.slug}
                  {item.fiche!.source && <> (source : {item.fiche!.source})</>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </article>
    </div>
  );
}
