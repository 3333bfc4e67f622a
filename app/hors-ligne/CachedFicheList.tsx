"use client";

import { useEffect, useState } from "react";
import { listCachedFiches, type CachedFiche } from "./cached-fiches";

type State = { status: "loading" } | { status: "ready"; fiches: CachedFiche[] } | { status: "unavailable" };

/** The fiches this device can show offline, read from the service worker's caches. */
export function CachedFicheList() {
  const [state, setState] = useState<State>({ status: "loading" });

  useEffect(() => {
    // Without Cache Storage (an old browser, a private window in some), the listing rejects.
    listCachedFiches().then(
      (fiches) => setState({ status: "ready", fiches }),
      () => setState({ status: "unavailable" }),
    );
  }, []);

  if (state.status === "loading") return <p aria-live="polite">Recherche des fiches gardées sur cet appareil…</p>;
  if (state.status === "unavailable") {
    return <p>Ce navigateur ne permet pas de garder des fiches pour les lire hors ligne.</p>;
  }
  if (state.fiches.length === 0) return <p>Aucune fiche n&apos;est encore gardée sur cet appareil.</p>;
  return (
    // Plain links: a full navigation lets the service worker answer from its cache.
    <ul>
      {state.fiches.map((fiche) => (
        <li key={fiche.path}>
          <a href={fiche.path}>{fiche.title}</a>
        </li>
      ))}
    </ul>
  );
}
