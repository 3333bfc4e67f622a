import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound, permanentRedirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/db/client";
import { listFichesCitingFiche } from "@/db/queries/backlink";
import { listPublicCataloguesIncludingFiche } from "@/db/queries/catalogue";
import { getFicheBySlug, type FicheDetail } from "@/db/queries/fiche";
import { listFicheContributors } from "@/db/queries/revision";
import { getMergeNotice, getRedirectTarget } from "@/db/queries/fiche-redirect";
import { FICHE_ACTEUR_ROLES } from "@/lib/fiche/values";
import { Backlinks } from "@/components/fiche/Backlinks";
import { CataloguesOfFiche } from "@/components/catalogue/CataloguesOfFiche";
import { FicheBadges } from "@/components/fiche/FicheBadges";
import { SuggestedMark } from "@/components/fiche/SuggestedMark";
import { Contributors } from "@/components/revision/Contributors";
import { Discussion } from "@/components/comment/Discussion";
import { getFicheDiscussion } from "@/server/comment-discussion";
import { FicheModerationActions } from "@/components/moderation/ModerationActions";
import { ReportForm } from "@/components/moderation/ReportForm";
import { signInHref } from "@/lib/auth/return-path";
import { isSafeHref } from "@/lib/editor/extensions";
import type { EtatAction } from "@/lib/fiche/document";
import { ACTEUR_ROLE_LABELS, displayTitre, ETAT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { canEditFiche, canReadFiche } from "@/lib/policies/fiche";
import { canModerate } from "@/lib/policies/moderation";
import type { FicheFields } from "@/server/fiche-projection";
import { getCurrentViewer } from "@/server/session";
import { FollowToggle } from "@/app/compte/suivis/follow-toggle";
import { FicheReprisesSection } from "./reprises-section";

export const dynamic = "force-dynamic";

// Drafts are not found for those who may not read them: their very existence is not disclosed.
const readableFiche = cache(async (slug: string) => {
  const fiche = getFicheBySlug(getDb(), slug);
  const viewer = await getCurrentViewer();
  if (!fiche || !canReadFiche(viewer, fiche.access)) return null;
  return { fiche, viewer };
});

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const found = await readableFiche((await params).slug);
  if (!found) return { title: "Fiche introuvable" };
  const { fiche } = found;
  return { title: displayTitre(fiche.titre), description: fiche.texte.slice(0, 160) || undefined };
}

function TermList({ label, terms, linkThemes }: { label: string; terms: FicheDetail["terms"]["theme"]; linkThemes?: boolean }) {
  if (terms.length === 0) return null;
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <ul className="tags">
          {terms.map((t) => (
            <li key={t.id} className={t.suggested ? "tag tag--suggere" : "tag"}>
              {linkThemes ? <Link href={`/themes/${t.slug}`}>{t.label}</Link> : t.label}
              {t.suggested && <SuggestedMark />}
            </li>
          ))}
        </ul>
      </dd>
    </>
  );
}

type PageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FichePage({ params, searchParams }: PageProps) {
  const found = await readableFiche((await params).slug);
  if (!found) notFound();
  const { fiche, viewer } = found;
  // A fiche merged into another: its address leads there for good, saying where it came from.
  const target = fiche.redirectToId !== null ? getRedirectTarget(getDb(), fiche.redirectToId) : null;
  if (target) permanentRedirect(`/fiches/${target.slug}?fusion=${encodeURIComponent(fiche.slug)}`);
  const { fusion } = await searchParams;
  const merged = typeof fusion === "string" ? getMergeNotice(getDb(), fusion, fiche.id) : null;
  const fields = fiche.fields as Partial<FicheFields>;
  const lienWeb = fields.lienWeb && /^https?:/i.test(fields.lienWeb) && isSafeHref(fields.lienWeb) ? fields.lienWeb : null;
  const roles = FICHE_ACTEUR_ROLES.filter((role) => fiche.acteurs.some((a) => a.role === role));
  const hasDetails = Boolean(fiche.etat || fiche.commune || lienWeb || fields.source) || Object.values(fiche.terms).some((terms) => terms.length > 0);

  return (
    <article className="fiche">
      <header className="fiche__header">
        <p className="fiche__type">{FICHE_TYPE_LABELS[fiche.type].singular}</p>
        <h1>{displayTitre(fiche.titre)}</h1>
        <FicheBadges statut={fiche.statut} aVerifier={fiche.aVerifier} ebauche={fiche.ebauche} verrouillee={fiche.verrouillee} />
        {!fiche.masquee && <FollowToggle viewer={viewer} targetType="fiche" targetId={fiche.id} path={`/fiches/${fiche.slug}`} />}
        {merged && (
          <p role="status" className="alert">
            Cette fiche (« {displayTitre(merged.titre)} ») a été fusionnée avec « {displayTitre(fiche.titre)} », que voici.
          </p>
        )}
        {fiche.masquee && (
          <p className="alert alert--error">
            Cette fiche est masquée par la modération : seuls les modérateurs la voient. <Link href="/moderation?vue=masquees">Fiches masquées</Link>
          </p>
        )}
        {fiche.ebauche && <p className="alert">Cette fiche est une ébauche : elle ne donne encore que l&apos;essentiel. Vous pouvez la compléter.</p>}
        {fiche.aVerifier && (
          <div className="alert alert--note" role="note" aria-label="À vérifier : ce que cela veut dire">
            <p>
              <strong>« À vérifier »</strong> : cette fiche vient d&apos;un document importé (le Livre blanc de 2016 ou un
              document qui l&apos;a suivi) et personne ne l&apos;a encore relue. Certaines informations sont peut-être
              dépassées. Un modérateur du wiki la compare à sa source et retire cette mention une fois la fiche vérifiée.
            </p>
          </div>
        )}
        {canEditFiche(viewer, fiche.access) && (
          <p>
            <Link className="button" href={`/fiches/${fiche.slug}/modifier`}>
              Modifier la fiche
            </Link>
          </p>
        )}
        {/* Visitors only: a signed-in person who may not edit has nothing to gain from signing in. An archived fiche is frozen. */}
        {!viewer && fiche.statut !== "archivee" && (
          <p>
            <Link className="button button--secondary" href={signInHref(`/fiches/${fiche.slug}/modifier`)}>
              Se connecter pour modifier cette fiche
            </Link>
          </p>
        )}
      </header>

      {fiche.html ? (
        <div className="fiche-body" dangerouslySetInnerHTML={{ __html: fiche.html }} />
      ) : (
        <p className="muted">Cette fiche n&apos;a pas encore de contenu.</p>
      )}

      {hasDetails && (
        <section aria-labelledby="fiche-infos">
          <h2 id="fiche-infos">En bref</h2>
          <dl className="details">
            {fiche.etat && (
              <>
                <dt>État de l&apos;action</dt>
                <dd>{ETAT_LABELS[fiche.etat as EtatAction] ?? fiche.etat}</dd>
              </>
            )}
            {fiche.commune && (
              <>
                <dt>Commune</dt>
                <dd>
                  {fiche.commune}
                  {fields.quartier ? ` (${fields.quartier})` : ""}
                </dd>
              </>
            )}
            {lienWeb && (
              <>
                <dt>{fiche.type === "pratique" ? "Site web de l'action" : "Lien utile"}</dt>
                <dd>
                  <a href={lienWeb} rel="noopener noreferrer nofollow">
                    {lienWeb}
                  </a>
                </dd>
              </>
            )}
            {fields.source && (
              <>
                <dt>Source</dt>
                <dd>{fields.source}</dd>
              </>
            )}
            <TermList label="Objectif" terms={fiche.terms.objectif} />
            <TermList label="Thèmes" terms={fiche.terms.theme} linkThemes />
            <TermList label="Publics" terms={fiche.terms.public} />
            <TermList label="Enjeux" terms={fiche.terms.enjeu} />
          </dl>
        </section>
      )}

      {roles.length > 0 && (
        <section aria-labelledby="fiche-acteurs">
          <h2 id="fiche-acteurs">Acteurs</h2>
          {roles.map((role) => (
            <section key={role} aria-labelledby={`fiche-acteurs-${role}`}>
              <h3 id={`fiche-acteurs-${role}`}>{ACTEUR_ROLE_LABELS[role].plural}</h3>
              <ul>
                {fiche.acteurs
                  .filter((a) => a.role === role)
                  .map((a) => (
                    <li key={a.id}>
                      <Link href={`/acteurs/${a.slug}`}>{a.nom}</Link>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </section>
      )}

      {fiche.lieux.length > 0 && (
        <section aria-labelledby="fiche-lieux">
          <h2 id="fiche-lieux">Lieux</h2>
          <ul>
            {fiche.lieux.map((l) => (
              <li key={l.id}>
                <strong>{l.nom}</strong>, {l.adresse}, {l.codePostal} {l.commune} (<Link href={`/acteurs/${l.acteurSlug}`}>{l.acteurNom}</Link>)
              </li>
            ))}
          </ul>
        </section>
      )}

      <FicheReprisesSection fiche={fiche} viewer={viewer} withdrawn={(await searchParams).reprise === "retiree"} />

      <Backlinks backlinks={listFichesCitingFiche(getDb(), fiche.id, viewer)} subject="fiche" />
      <CataloguesOfFiche catalogues={listPublicCataloguesIncludingFiche(getDb(), fiche.id)} />
      <Discussion discussion={fiche.masquee ? null : getFicheDiscussion(getDb(), viewer, fiche.id)} slug={fiche.slug} />

      {viewer && !fiche.masquee && <ReportForm ficheId={fiche.id} />}

      {canModerate(viewer) && (
        <section aria-labelledby="fiche-moderation" className="governance">
          <h2 id="fiche-moderation">Modération</h2>
          <FicheModerationActions fiche={fiche} view="masquees" />
        </section>
      )}

      <Contributors slug={fiche.slug} contributors={listFicheContributors(getDb(), fiche.id)} />

      <footer className="fiche__footer muted">
        {fiche.statut !== "brouillon" && !fiche.masquee && fiche.redirectToId === null && (
          <p>
            <a href={`/fiches/${fiche.slug}/export.md`} download>
              Télécharger la fiche en Markdown
            </a>{" "}
            ·{" "}
            <a href={`/fiches/${fiche.slug}/export.json`} download>
              Télécharger la fiche en JSON
            </a>{" "}
            · <Link href="/export">Tous les exports</Link>
          </p>
        )}
        {fiche.contentUpdatedAt && (
          <p>
            Dernière modification le{" "}
            <time dateTime={fiche.contentUpdatedAt.toISOString()}>
              {fiche.contentUpdatedAt.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" })}
            </time>
            .
          </p>
        )}
      </footer>
    </article>
  );
}
