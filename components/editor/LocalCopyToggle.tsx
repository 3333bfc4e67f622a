"use client";

import type { FicheSession } from "./useFicheSession";

type Props = { localCopy: FicheSession["localCopy"]; sessionOpen: boolean };

/** « Garder cette fiche sur cet appareil », or why nothing is kept here (a shared computer). */
export function LocalCopyToggle({ localCopy, sessionOpen }: Props) {
  if (!sessionOpen) return null;
  if (!localCopy) {
    return <p className="hint">Rien n&apos;est gardé sur cet appareil (ordinateur partagé) : gardez la page ouverte jusqu&apos;à l&apos;envoi de vos modifications.</p>;
  }
  return (
    <div className="field">
      <label className="checkbox-label">
        <input type="checkbox" id="fiche-garder" checked={localCopy.kept} aria-describedby="fiche-garder-hint" onChange={(e) => localCopy.setKept(e.target.checked)} />{" "}
        Garder cette fiche sur cet appareil
      </label>
      <p id="fiche-garder-hint" className="hint">
        Pour la modifier sans connexion. Vos modifications non envoyées y sont gardées de toute façon, sauf sur un ordinateur partagé.
      </p>
    </div>
  );
}
