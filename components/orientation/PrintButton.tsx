"use client";

import { useEffect, useState } from "react";

/** Opens the browser's print dialog; without JavaScript, says how to print instead. */
export function PrintButton() {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return <p>Pour imprimer cette fiche, utilisez la commande Imprimer de votre navigateur (Ctrl + P).</p>;
  return (
    <button type="button" onClick={() => window.print()}>
      Imprimer
    </button>
  );
}
