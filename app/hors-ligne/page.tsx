import type { Metadata } from "next";
import { CachedFicheList } from "./CachedFicheList";
import { RetryLink } from "./RetryLink";

export const metadata: Metadata = { title: "Hors ligne", robots: { index: false } };

/**
 * The service worker keeps this page (rendered without a session) and shows it for any page it
 * can neither fetch nor find among the fiches already read on this device.
 */
export default function OfflinePage() {
  return (
    <>
      <h1>Vous êtes hors ligne</h1>
      <p>
        Cette page n&apos;a pas pu être chargée : l&apos;appareil n&apos;est pas connecté à Internet, ou le wiki ne répond
        pas.
      </p>
      <p>
        Ce qui fonctionne encore : les fiches déjà consultées sur cet appareil sans être connecté à un compte se lisent
        hors ligne, dans leur dernière version vue. Les modifications, la recherche et les autres pages attendent le retour
        de la connexion.
      </p>
      <p>
        <RetryLink />
      </p>
      <h2>Fiches consultées sur cet appareil</h2>
      <CachedFicheList />
    </>
  );
}
