import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { Fragment } from "react";
import { ActionButton } from "@/components/catalogue/ActionButton";
import { CatalogueModules } from "@/components/catalogue/CatalogueModules";
import { canDuplicateCatalogue, canEditCatalogue } from "@/lib/policies/catalogue";
import { publicUrl } from "@/server/config";
import { duplicateCatalogueAction } from "./actions";
import { getReadableCatalogue } from "./access";
import { FollowToggle } from "@/app/compte/suivis/follow-toggle";
import { signInHref } from "@/lib/auth/return-path";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { catalogue } = await getReadableCatalogue((await params).slug);
  return { title: catalogue.titre, description: catalogue.description.slice(0, 160) || undefined };
}

export default async function CataloguePage({ params }: Props) {
  const { catalogue, viewer } = await getReadableCatalogue((await params).slug);
  const url = `${publicUrl()}/catalogues/${catalogue.slug}`;
  const details: [string, string][] = [
    ["Public visé", catalogue.publicVise],
    ["Objectifs", catalogue.objectifs],
    ["Durée", catalogue.duree],
  ];

  return (
    <article className="catalogue">
      <p className="acteurs-back">
        <Link href="/catalogues">Tous les catalogues</Link>
      </p>
      <header>
        <p className="fiche__type">Catalogue de formation</p>
        <h1>{catalogue.titre}</h1>
        {catalogue.statut === "brouillon" && (
          <ul className="badges" aria-label="État du catalogue">
            <li className="badge badge--brouillon">Brouillon</li>
          </ul>
        )}
        {catalogue.originalId !== null && (
          <p className="catalogue-credit">
            {catalogue.original ? (
              <>
                Adapté de « <Link href={`/catalogues/${catalogue.original.slug}`}>{catalogue.original.titre}</Link> »
              </>
            ) : (
              "Adapté d'un catalogue qui n'est plus public."
            )}
          </p>
        )}
        <p>Conçu par {catalogue.owners.map((o) => o.name).join(", ") || "un ancien membre du wiki"}.</p>
        <FollowToggle viewer={viewer} targetType="catalogue" targetId={catalogue.id} path={`/catalogues/${catalogue.slug}`} />
        <div className="actions catalogue-actions">
          {canEditCatalogue(viewer, catalogue.access) && (
            <Link className="button" href={`/catalogues/${catalogue.slug}/modifier`}>
              Modifier
            </Link>
          )}
          <Link className="button button--secondary" href={`/catalogues/${catalogue.slug}/imprimer`}>
            Imprimer
          </Link>
          <a className="button button--secondary" href={`/catalogues/${catalogue.slug}/pdf`} download>
            Télécharger en PDF
          </a>
          {viewer && canDuplicateCatalogue(viewer, catalogue.access) && (
            <ActionButton action={duplicateCatalogueAction.bind(null, catalogue.id)} pendingLabel="Duplication…" className="button--secondary">
              Dupliquer pour l&apos;adapter
            </ActionButton>
          )}
        </div>
        {!viewer && (
          <p className="muted">
            <Link href={signInHref(`/catalogues/${catalogue.slug}`)}>Connectez-vous</Link> pour
            dupliquer ce catalogue et l&apos;adapter à votre public.
          </p>
        )}
      </header>

      {catalogue.description && <p className="pre-line catalogue-description">{catalogue.description}</p>}
      {details.some(([, v]) => v) && (
        <dl className="details">
          {details
            .filter(([, value]) => value)
            .map(([label, value]) => (
              <Fragment key={label}>
                <dt>{label}</dt>
                <dd className="pre-line">{value}</dd>
              </Fragment>
            ))}
        </dl>
      )}

      <CatalogueModules modules={catalogue.modules} />

      <footer className="fiche__footer muted">
        {catalogue.statut === "public" ? (
          <p>
            Adresse à partager : <span className="catalogue-url">{url}</span>
          </p>
        ) : (
          <p>Ce catalogue est un brouillon : seuls ses responsables le voient. Publiez-le pour partager son adresse.</p>
        )}
      </footer>
    </article>
  );
}
