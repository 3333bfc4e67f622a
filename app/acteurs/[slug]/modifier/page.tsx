import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import type { Acteur } from "@/db/schema";
import { AccessDenied } from "@/components/acteur/AccessDenied";
import { ActeurForm } from "@/components/acteur/ActeurForm";
import { MembersManager } from "@/components/acteur/MembersManager";
import type { FormValues } from "@/lib/form-state";
import { formatSiret } from "@/lib/schemas/acteur";
import { addMemberAction, removeMemberAction, updateActeurAction } from "../actions";
import { getEditorAccess } from "../editor-access";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier un acteur" };

function formValuesOf(acteur: Acteur, themeIds: number[]): FormValues {
  return {
    nom: acteur.nom,
    categorie: acteur.categorie,
    typologie: acteur.typologie,
    description: acteur.description,
    siteWeb: acteur.siteWeb ?? "",
    courriel: acteur.courriel ?? "",
    telephone: acteur.telephone ?? "",
    siret: acteur.siret ? formatSiret(acteur.siret) : "",
    rna: acteur.rna ?? "",
    themes: themeIds.map(String),
  };
}

export default async function EditActeurPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { acteur, viewer, allowed } = await getEditorAccess(slug, `/acteurs/${slug}/modifier`);
  if (!allowed) return <AccessDenied nom={acteur.nom} slug={acteur.slug} />;
  const themes = listTermsByTaxonomy(getDb(), "theme").map((t) => ({ value: String(t.id), label: t.label }));
  const flash = query.lieu === "supprime" ? "Le lieu a été supprimé." : null;

  return (
    <>
      <p className="acteurs-back">
        <Link href={`/acteurs/${acteur.slug}`}>Retour à la page de « {acteur.nom} »</Link>
      </p>
      <h1>Modifier « {acteur.nom} »</h1>
      {flash && (
        <div role="status" className="alert alert--success">
          {flash}
        </div>
      )}
      <nav aria-label="Sur cette page" className="toc">
        <ul>
          <li>
            <a href="#profil">Profil de l&apos;organisation</a>
          </li>
          <li>
            <a href="#lieux">Lieux d&apos;accueil</a>
          </li>
          <li>
            <a href="#membres">Membres</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="titre-profil" id="profil">
        <h2 id="titre-profil">Profil de l&apos;organisation</h2>
        <p className="muted">L&apos;adresse de la page (/acteurs/{acteur.slug}) ne change pas si vous renommez l&apos;acteur.</p>
        <ActeurForm
          action={updateActeurAction.bind(null, acteur.id)}
          initial={formValuesOf(acteur, acteur.themes.map((t) => t.id))}
          themes={themes}
          submitLabel="Enregistrer les modifications"
        />
      </section>

      <section aria-labelledby="titre-lieux" id="lieux">
        <h2 id="titre-lieux">Lieux d&apos;accueil</h2>
        {acteur.lieux.length === 0 ? (
          <p>Aucun lieu pour l&apos;instant.</p>
        ) : (
          <ul className="item-list">
            {acteur.lieux.map((lieu) => (
              <li key={lieu.id}>
                <span>
                  <strong>{lieu.nom}</strong>, {lieu.commune}
                </span>
                <Link href={`/acteurs/${acteur.slug}/lieux/${lieu.id}/modifier`}>
                  Modifier<span className="visually-hidden"> le lieu {lieu.nom}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href={`/acteurs/${acteur.slug}/lieux/nouveau`} className="button button--secondary">
            Ajouter un lieu
          </Link>
        </p>
      </section>

      <section aria-labelledby="titre-membres" id="membres">
        <h2 id="titre-membres">Membres</h2>
        <p className="muted">Les membres modifient l&apos;acteur, ses lieux et la liste des membres. Si l&apos;acteur porte des fiches, son dernier membre ajoute d&apos;abord la personne qui prendra le relais avant de le quitter.</p>
        <MembersManager
          members={acteur.members}
          selfId={viewer.id}
          addAction={addMemberAction.bind(null, acteur.id)}
          removeAction={removeMemberAction.bind(null, acteur.id)}
        />
      </section>
    </>
  );
}
