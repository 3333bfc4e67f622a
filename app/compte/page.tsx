import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listActeursByMember } from "@/db/queries/acteur";
import { getCurrentViewer } from "@/server/session";
import { getUserById } from "@/server/user";
import { ChangePasswordForm } from "@/components/auth/ChangePasswordForm";
import { ApiTokensSection } from "@/components/account/ApiTokensSection";
import { listApiTokens } from "@/server/api-token";
import { ActeurClaimsSection } from "@/components/account/ActeurClaimsSection";
import { listOwnActeurClaims } from "@/server/acteur-claim";
import { signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Mon compte" };

const ROLE_LABELS = { contributeur: "Contributeur", moderateur: "Modérateur", admin: "Administrateur" } as const;

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

export default async function AccountPage() {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/compte"));
  const me = getUserById(getDb(), viewer.id)!;
  const acteurs = listActeursByMember(getDb(), viewer.id);
  const tokens = listApiTokens(getDb(), viewer.id).map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    created: dateTime.format(t.createdAt),
    lastUsed: t.lastUsedAt ? dateTime.format(t.lastUsedAt) : null,
  }));
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
      <ActeurClaimsSection claims={listOwnActeurClaims(getDb(), viewer)} />
      <section aria-labelledby="titre-suivis">
        <h2 id="titre-suivis">Mes suivis</h2>
        <p>
          <Link href="/compte/suivis">Les fiches, acteurs, thèmes et catalogues que je suis</Link>
        </p>
        <p>
          <Link href="/compte/notifications">Mes notifications : courriels, résumé et flux personnel</Link>
        </p>
      </section>
      {me.passwordHash && (
        <section aria-labelledby="titre-mot-de-passe">
          <h2 id="titre-mot-de-passe">Changer mon mot de passe</h2>
          <ChangePasswordForm />
        </section>
      )}
      <ApiTokensSection tokens={tokens} />
    </>
  );
}
