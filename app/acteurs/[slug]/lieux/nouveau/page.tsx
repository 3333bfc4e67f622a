import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { AccessDenied } from "@/components/acteur/AccessDenied";
import { LieuForm } from "@/components/lieu/LieuForm";
import { getEditorAccess } from "../../editor-access";
import { createLieuAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Ajouter un lieu" };

export default async function NewLieuPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const { acteur, allowed } = await getEditorAccess(slug, `/acteurs/${slug}/lieux/nouveau`);
  if (!allowed) return <AccessDenied nom={acteur.nom} slug={acteur.slug} />;
  return (
    <>
      <p className="acteurs-back">
        <Link href={`/acteurs/${acteur.slug}`}>Retour à la page de « {acteur.nom} »</Link>
      </p>
      <h1>Ajouter un lieu à « {acteur.nom} »</h1>
      <p>
        Un lieu est un endroit où le public est accueilli : une médiathèque, une permanence, un bus itinérant… Les listes
        suivent le schéma national des lieux de médiation numérique, pour que ces informations puissent être partagées.
      </p>
      <p className="muted">Les champs marqués « obligatoire » doivent être remplis, ainsi qu&apos;au moins un service.</p>
      <LieuForm action={createLieuAction.bind(null, acteur.id)} initial={{}} submitLabel="Ajouter le lieu" />
    </>
  );
}
