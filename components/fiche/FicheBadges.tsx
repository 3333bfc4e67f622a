import type { FicheStatut } from "@/lib/fiche/values";
import { FICHE_STATUT_LABELS } from "@/lib/fiche/labels";

/** The statut of a fiche when it is not simply published, and its "à vérifier" flag. */
export function FicheBadges({ statut, aVerifier, verrouillee }: { statut: FicheStatut; aVerifier: boolean; verrouillee?: boolean }) {
  if (statut === "publiee" && !aVerifier && !verrouillee) return null;
  return (
    <ul className="badges" aria-label="État de la fiche">
      {statut !== "publiee" && <li className={`badge badge--${statut}`}>{FICHE_STATUT_LABELS[statut]}</li>}
      {aVerifier && <li className="badge badge--a-verifier">À vérifier</li>}
      {verrouillee && <li className="badge badge--verrouillee">Verrouillée</li>}
    </ul>
  );
}
