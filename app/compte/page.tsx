import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listActeursByMember } from "@/db/queries/acteur";
import { getCurrentActor } from "@/server/session";
import { getUserById } from "@/server/user";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";

export const metadata: Metadata = { title: "Mon compte" };

const ROLE_LABELS = { contributeur: "Contributeur", moderateur: "Modérateur", admin: "Administrateur" } as const;

export default async function AccountPage() {
  const actor = await getCurrentActor();
  if (!actor) redirect("/connexion?callbackUrl=/compte");
  const me = getUserById(getDb(), actor.id)!;
  const acteurs = listActeursByMember(getDb(), actor.id);
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
      <section aria-labelledby="titre-organisations">
        <h2 id="titre-organisations">Mes organisations</h2>
        {acteurs.length === 0 ? (
          <p>Vous n&apos;êtes membre d&apos;aucune organisation pour l&apos;instant.</p>
        ) : (
          <ul>
            {acteurs.map((a) => (
              <li key={a.id}>
                <Link href={`/acteurs/${a.slug}`}>{a.nom}</Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link href="/acteurs/nouveau">Présenter une organisation</Link>
        </p>
      </section>
      {me.passwordHash && (
        <section aria-labelledby="titre-mot-de-passe">
          <h2 id="titre-mot-de-passe">Changer mon mot de passe</h2>
          <ChangePasswordForm />
        </section>
      )}
    </>
  );
}
