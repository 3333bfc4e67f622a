"use client";

import { signIn } from "next-auth/react";
import { useState } from "react";
import { setSharedDevice } from "@/lib/offline/local-data";

/**
 * Email and password sign-in, with the limiter's and the generic failure's messages. Goes to
 * `returnTo` once signed in: a path already checked by safeReturnPath. « Ordinateur partagé » is
 * remembered by this browser until the next sign-in (lib/offline/local-data.ts).
 */
export function SignInForm({ returnTo, oidcName, initialError }: { returnTo: string; oidcName: string | null; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);
  const [shared, setShared] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      setError(result?.error && result.error !== "CredentialsSignin" ? result.error : "Adresse électronique ou mot de passe incorrect.");
      return;
    }
    setSharedDevice(shared);
    window.location.assign(returnTo);
  }

  return (
    <>
      {error && (
        <div role="alert" className="alert alert--error">
          {error}
        </div>
      )}
      <form className="form" onSubmit={onSubmit} noValidate>
        <div className="field">
          <label htmlFor="connexion-email">Adresse électronique</label>
          <input id="connexion-email" name="email" type="email" autoComplete="email" required />
        </div>
        <div className="field">
          <label htmlFor="connexion-password">Mot de passe</label>
          <input id="connexion-password" name="password" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label className="checkbox-label">
            <input
              type="checkbox"
              id="connexion-partage"
              checked={shared}
              onChange={(event) => setShared(event.target.checked)}
              aria-describedby="connexion-partage-hint"
            />{" "}
            Ordinateur partagé (ne rien garder sur cet appareil)
          </label>
          <p id="connexion-partage-hint" className="hint">
            À cocher dans une bibliothèque, un espace public numérique ou sur tout ordinateur que d&apos;autres utilisent :
            aucune fiche n&apos;est gardée pour le travail hors ligne, et vous êtes déconnecté après une période sans
            activité. Se déconnecter efface tout ce que le wiki a gardé sur l&apos;appareil.
          </p>
        </div>
        <div className="actions">
          <button type="submit" disabled={pending}>
            {pending ? "Connexion…" : "Se connecter"}
          </button>
        </div>
      </form>
      {oidcName && (
        <p>
          <button type="button" className="button--secondary" onClick={() => {
              setSharedDevice(shared);
              void signIn("oidc", { callbackUrl: returnTo });
            }}
          >
            Se connecter avec {oidcName}
          </button>
        </p>
      )}
    </>
  );
}
