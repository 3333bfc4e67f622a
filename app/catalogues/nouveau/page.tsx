import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { CatalogueForm } from "@/components/catalogue/CatalogueForm";
import { getCurrentViewer } from "@/server/session";
import { createCatalogueAction } from "../actions";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Créer un catalogue" };
export const dynamic = "force-dynamic";

export default async function NewCataloguePage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/catalogues/nouveau"));
  return (
    <>
      <p className="acteurs-back">
        <Link href="/catalogues">Retour aux catalogues</Link>
      </p>
      <h1>Créer un catalogue</h1>
      <p>
        Présentez votre formation. Vous ajouterez ensuite ses modules et, dans chacun, les fiches du wiki qui la composent,
        avec votre note. Le catalogue reste un brouillon, visible de vous seul, jusqu&apos;à ce que vous le publiiez.
      </p>
      <p className="muted">Seul le titre est obligatoire.</p>
      <CatalogueForm action={createCatalogueAction} initial={{}} submitLabel="Créer le catalogue" />
    </>
  );
}
