import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { getActeurBySlug } from "@/db/queries/acteur";
import { listFichesByActeur } from "@/db/queries/fiche";
import { listFichesCitingActeur } from "@/db/queries/backlink";
import { Backlinks } from "@/components/fiche/Backlinks";
import { LieuDetails } from "@/components/lieu/LieuDetails";
import { ACTEUR_CATEGORIE_LABELS, typologieLabel } from "@/lib/acteur/labels";
import { canEditActeur } from "@/lib/policies/acteur";
import { formatSiret } from "@/lib/schemas/acteur";
import { getCurrentViewer } from "@/server/session";
import { FichesOfActeur } from "@/components/fiche/FichesOfActeur";
import { ClaimForm } from "@/components/acteur/ClaimForm";
import type { Viewer } from "@/lib/policies/viewer";
import { getOpenActeurClaim } from "@/server/acteur-claim";
import { listReprisesOfActeur } from "@/db/queries/reprise";
import { ReprisesOfActeur } from "@/components/reprise/ReprisesOfActeur";
import { FollowToggle } from "@/app/compte/suivis/follow-toggle";
import { signInHref } from "@/lib/auth/return-path";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// Messages shown once after an action redirected here.
const FLASH: Record<string, string> = {
  cree: "L'acteur a été créé. Vous pouvez maintenant ajouter ses lieux d'accueil.",
  ajoute: "Le lieu a été ajouté.",
  modifie: "Le lieu a été modifié.",
  quitte: "Vous ne faites plus partie des membres de cet acteur.",
  demande: "Votre demande a été transmise aux modérateurs.",
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const acteur = getActeurBySlug(getDb(), slug);
  return { title: acteur ? acteur.nom : "Acteur introuvable", description: acteur?.description.slice(0, 200) || undefined };
}

export default async function ActeurPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const acteur = getActeurBySlug(getDb(), slug);
  if (!acteur) notFound();
  const viewer = await getCurrentViewer();
  const canEdit = canEditActeur(viewer, acteur.id);
  const flashKey = [query.cree && "cree", query.lieu === "ajoute" && "ajoute", query.lieu === "modifie" && "modifie", query.quitte && "quitte", query.demande && "demande"].find(Boolean);
  const hasContact = acteur.siteWeb || acteur.courriel || acteur.telephone;

  return (
    <>
      <p className="acteurs-back">
        <Link href="/acteurs">Annuaire des acteurs</Link>
      </p>
      <h1>{acteur.nom}</h1>
      <FollowToggle viewer={viewer} targetType="acteur" targetId={acteur.id} path={`/acteurs/${acteur.slug}`} />
      {flashKey && (
        <div role="status" className="alert alert--success">
          {FLASH[flashKey]}
        </div>
      )}
      <ul className="tags" aria-label="Catégorie et type">
        <li className="tag">{ACTEUR_CATEGORIE_LABELS[acteur.categorie]}</li>
        <li className="tag">{typologieLabel(acteur.typologie)}</li>
      </ul>
      {canEdit && (
        <p className="actions">
          <Link href={`/acteurs/${acteur.slug}/modifier`} className="button button--secondary">
            Modifier l&apos;acteur
          </Link>
          <Link href={`/acteurs/${acteur.slug}/lieux/nouveau`} className="button button--secondary">
            Ajouter un lieu
          </Link>
        </p>
      )}
      {acteur.description ? <p className="pre-line">{acteur.description}</p> : <p className="muted">Pas encore de présentation.</p>}

      {acteur.themes.length > 0 && (
        <section aria-labelledby="titre-themes">
          <h2 id="titre-themes">Thèmes d&apos;action</h2>
          <ul className="tags">
            {acteur.themes.map((theme) => (
              <li key={theme.id}>
                <Link href={`/acteurs?theme=${theme.slug}`} className="tag">
                  {theme.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}

      {(hasContact || acteur.siret || acteur.rna) && (
        <section aria-labelledby="titre-contact">
          <h2 id="titre-contact">Contact</h2>
          <dl className="details">
            {acteur.siteWeb && (
              <>
                <dt>Site web</dt>
                <dd>
                  <a href={acteur.siteWeb} rel="noopener noreferrer">
                    {acteur.siteWeb.replace(/^https?:\/\//, "")}
                  </a>
                </dd>
              </>
            )}
            {acteur.courriel && (
              <>
                <dt>Adresse électronique</dt>
                <dd>
                  <a href={`mailto:${acteur.courriel}`}>{acteur.courriel}</a>
                </dd>
              </>
            )}
            {acteur.telephone && (
              <>
                <dt>Téléphone</dt>
                <dd>
                  <a href={`tel:${acteur.telephone.replace(/\s/g, "")}`}>{acteur.telephone}</a>
                </dd>
              </>
            )}
            {acteur.siret && (
              <>
                <dt>SIRET</dt>
                <dd>{formatSiret(acteur.siret)}</dd>
              </>
            )}
            {acteur.rna && (
              <>
                <dt>RNA</dt>
                <dd>{acteur.rna}</dd>
              </>
            )}
          </dl>
        </section>
      )}

      <section aria-labelledby="titre-lieux" id="lieux">
        <h2 id="titre-lieux">Lieux d&apos;accueil</h2>
        {acteur.lieux.length === 0 ? (
          <p className="muted">
            Aucun lieu d&apos;accueil n&apos;est encore renseigné.
            {canEdit && (
              <>
                {" "}
                <Link href={`/acteurs/${acteur.slug}/lieux/nouveau`}>Ajouter le premier lieu</Link>
              </>
            )}
          </p>
        ) : (
          <div className="lieux">
            {acteur.lieux.map((lieu) => (
              <LieuDetails key={lieu.id} lieu={lieu} editHref={canEdit ? `/acteurs/${acteur.slug}/lieux/${lieu.id}/modifier` : undefined} />
            ))}
          </div>
        )}
      </section>

      <FichesOfActeur byRole={listFichesByActeur(getDb(), acteur.id)} />
      <ReprisesOfActeur reprises={listReprisesOfActeur(getDb(), acteur.id)} />

      <Backlinks backlinks={listFichesCitingActeur(getDb(), acteur.id, viewer)} subject="acteur" />

      <section aria-labelledby="titre-membres">
        <h2 id="titre-membres">Membres</h2>
        {acteur.members.length === 0 ? (
          <p className="muted">Cet acteur n&apos;a pas de membre inscrit.</p>
        ) : (
          <ul>
            {acteur.members.map((member) => (
              <li key={member.id}>{member.name}</li>
            ))}
          </ul>
        )}
        {!canEdit && acteur.members.length > 0 && (
          <p className="muted">
            Vous faites partie de cette organisation ? Demandez à l&apos;un de ses membres de vous ajouter pour mettre à jour
            cette page.
          </p>
        )}
        {!canEdit && acteur.members.length === 0 && <ClaimSection acteurId={acteur.id} slug={acteur.slug} viewer={viewer} />}
      </section>
    </>
  );
}

/**
 * Nobody manages this acteur yet: a visitor is invited to sign in, a signed-in person to ask the
 * moderators, and one who already asked is told the request is waiting.
 */
function ClaimSection({ acteurId, slug, viewer }: { acteurId: number; slug: string; viewer: Viewer | null }) {
  if (!viewer) {
    return (
      <p>
        Vous faites partie de cette organisation ?{" "}
        <Link href={signInHref(`/acteurs/${slug}`)}>Connectez-vous pour demander à la gérer</Link>.
      </p>
    );
  }
  const open = getOpenActeurClaim(getDb(), viewer, acteurId);
  return (
    <div className="card">
      <h3 id="titre-demande-gestion">Vous faites partie de cette organisation ? Demandez à la gérer</h3>
      {open ? (
        <p role="status">
          Votre demande est en attente : un modérateur va l&apos;examiner. Vous verrez sa réponse sur <Link href="/compte">votre compte</Link>.
        </p>
      ) : (
        <>
          <p className="hint">
            Une fois votre demande acceptée par un modérateur, vous deviendrez membre de cet acteur : vous pourrez modifier sa page,
            ses lieux d&apos;accueil et ses membres.
          </p>
          <ClaimForm acteurId={acteurId} titleId="titre-demande-gestion" />
        </>
      )}
    </div>
  );
}
