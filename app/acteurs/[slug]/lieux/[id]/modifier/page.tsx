import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import type { Lieu } from "@/db/schema";
import { AccessDenied } from "@/components/acteur/AccessDenied";
import { DeleteLieuForm } from "@/components/lieu/DeleteLieuForm";
import { LieuForm } from "@/components/lieu/LieuForm";
import type { FormValues } from "@/lib/form-state";
import { LIEU_LIST_FIELD_NAMES } from "@/lib/lieu/labels";
import { getEditorAccess } from "../../../editor-access";
import { deleteLieuAction, updateLieuAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier un lieu" };

function formValuesOf(lieu: Lieu): FormValues {
  const values: FormValues = {
    nom: lieu.nom,
    adresse: lieu.adresse,
    complementAdresse: lieu.complementAdresse ?? "",
    codePostal: lieu.codePostal,
    commune: lieu.commune,
    codeInsee: lieu.codeInsee ?? "",
    latitude: lieu.latitude?.toString() ?? "",
    longitude: lieu.longitude?.toString() ?? "",
    telephone: lieu.telephone ?? "",
    courriels: lieu.courriels.join("\n"),
    siteWeb: lieu.siteWeb.join("\n"),
    horaires: lieu.horaires ?? "",
    presentationResume: lieu.presentationResume ?? "",
    presentationDetail: lieu.presentationDetail ?? "",
  };
  for (const name of LIEU_LIST_FIELD_NAMES) values[name] = lieu[name];
  return values;
}

export default async function EditLieuPage({ params }: { params: Promise<{ slug: string; id: string }> }) {
  const { slug, id } = await params;
  const { acteur, allowed } = await getEditorAccess(slug, `/acteurs/${slug}/lieux/${id}/modifier`);
  // The lieu must belong to the acteur of the URL, whatever id is typed.
  const lieu = /^\d+$/.test(id) ? acteur.lieux.find((l) => l.id === Number(id)) : undefined;
  if (!lieu) notFound();
  if (!allowed) return <AccessDenied nom={acteur.nom} slug={acteur.slug} />;
  return (
    <>
      <p className="acteurs-back">
        <Link href={`/acteurs/${acteur.slug}`}>Retour à la page de « {acteur.nom} »</Link>
      </p>
      <h1>Modifier le lieu « {lieu.nom} »</h1>
      <LieuForm action={updateLieuAction.bind(null, lieu.id)} initial={formValuesOf(lieu)} submitLabel="Enregistrer le lieu" />
      <section aria-labelledby="titre-suppression" className="danger-section">
        <h2 id="titre-suppression">Supprimer le lieu</h2>
        <DeleteLieuForm action={deleteLieuAction.bind(null, lieu.id)} nom={lieu.nom} />
      </section>
    </>
  );
}
