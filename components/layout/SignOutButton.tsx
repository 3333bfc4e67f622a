"use client";

import { useState } from "react";
import { Button } from "@/components/ui/Button";
import { signOutClearingLocalData } from "@/components/pwa/sign-out";

export function SignOutButton() {
  const [pending, setPending] = useState(false);
  const [notCleared, setNotCleared] = useState(false);

  async function onClick() {
    setPending(true);
    setNotCleared(!(await signOutClearingLocalData()));
    setPending(false);
  }

  if (notCleared) {
    return (
      <p role="alert" className="alert alert--error">
        Vous êtes déconnecté, mais des données de cet appareil n&apos;ont pas pu être effacées : fermez toutes les fenêtres
        du navigateur.{" "}
        {/* A full load, so that the header shows the signed-out state. */}
        <Button variant="link" onClick={() => window.location.assign("/")}>
          Retour à l&apos;accueil
        </Button>
      </p>
    );
  }
  return (
    <Button variant="link" onClick={onClick} disabled={pending}>
      {pending ? "Déconnexion…" : "Se déconnecter"}
    </Button>
  );
}
