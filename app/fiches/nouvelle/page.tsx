import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { NewFicheForm } from "@/components/fiche/NewFicheForm";
import { ficheTypeSchema } from "@/lib/schemas/fiche";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Créer une fiche" };

export default async function NewFichePage({ searchParams }: { searchParams: Promise<{ type?: string | string[] }> }) {
  const { type } = await searchParams;
  const viewer = await getCurrentViewer();
  const parsed = ficheTypeSchema.safeParse(type);
  if (!viewer) redirect(signInHref(parsed.success ? `/fiches/nouvelle?type=${parsed.data}` : "/fiches/nouvelle"));
  return (
    <>
      <h1>Créer une fiche</h1>
      <p>
        Choisissez le type de fiche et donnez-lui un titre. Vous écrirez ensuite son contenu dans l&apos;éditeur, seul ou à
        plusieurs : la fiche reste un brouillon tant que vous ne la publiez pas.
      </p>
      <NewFicheForm defaultType={parsed.success ? parsed.data : undefined} />
    </>
  );
}
