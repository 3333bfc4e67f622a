import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { ActeurForm } from "@/components/acteur/ActeurForm";
import { getCurrentViewer } from "@/server/session";
import { createActeurAction } from "../actions";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Présenter une organisation" };

export default async function NewActeurPage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/acteurs/nouveau"));
  const themes = listTermsByTaxonomy(getDb(), "theme").map((t) => ({ value: String(t.id), label: t.label }));
  return (
    <>
      <h1>Présenter une organisation</h1>
      <p>
        Décrivez votre organisation : elle apparaîtra dans l&apos;annuaire des acteurs. Vous en deviendrez le premier membre
        et pourrez ensuite ajouter ses lieux d&apos;accueil et d&apos;autres membres.
      </p>
      <p className="muted">Les champs marqués « obligatoire » doivent être remplis ; tous les autres sont facultatifs.</p>
      <ActeurForm action={createActeurAction} initial={{}} themes={themes} submitLabel="Créer l'acteur" />
    </>
  );
}
