import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getCurrentActor } from "@/server/session";
import { getUserById } from "@/server/user";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";

export const metadata: Metadata = { title: "Mon compte" };

const ROLE_LABELS = { contributeur: "Contributeur", moderateur: "Modérateur", admin: "Administrateur" } as const;

export default async function AccountPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/connexion?callbackUrl=/compte");
  const me = getUserById(getDb(), actor.id)!;
  return (
    <>
      <h1>Mon compte</h1>
      <dl className="details">
        <dt>Nom</dt>
        <dd>{me.name}</dd>
        <dt>Adresse électronique</dt>
        <dd>{me.email}</dd>
        <dt>Rôle</dt>
        <dd>{ROLE_LABELS[me.role]}</dd>
      </dl>
      {me.passwordHash && (
        <section aria-labelledby="titre-mot-de-passe">
          <h2 id="titre-mot-de-passe">Changer mon mot de passe</h2>
          <ChangePasswordForm />
        </section>
      )}
    </>
  );
}
