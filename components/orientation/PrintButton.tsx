"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** Opens the browser's print dialog; without JavaScript, says how to print instead. */
export function PrintButton() {
  // False in the server's HTML and while hydrating it, true once the button can work.
  const ready = useSyncExternalStore(subscribe, () => true, () => false);
  if (!ready) return <p>Pour imprimer cette fiche, utilisez la commande Imprimer de votre navigateur (Ctrl + P).</p>;
  return (
    <button type="button" onClick={() => window.print()}>
      Imprimer
    </button>
  );
}
