import type { FicheStatut } from "@/lib/fiche/values";
import { FICHE_STATUT_LABELS } from "@/lib/fiche/labels";

type FicheBadgesProps = { statut: FicheStatut; aVerifier: boolean; ebauche?: boolean; verrouillee?: boolean };

/**
 * The statut of a fiche when it is not simply published, and its "ébauche" and "à vérifier" flags.
 * « À vérifier » is quiet on purpose: most imported fiches carry it, and an alarm on every card
 * teaches readers to ignore alarms. The fiche's page says what it means.
 */
export function FicheBadges({ statut, aVerifier, ebauche, verrouillee }: FicheBadgesProps) {
  if (statut === "publiee" && !aVerifier && !ebauche && !verrouillee) return null;
  return (
    <ul className="badges" aria-label="État de la fiche">
      {statut !== "publiee" && <li className={`badge badge--${statut}`}>{FICHE_STATUT_LABELS[statut]}</li>}
      {ebauche && (
        <li className="badge badge--ebauche" title="Une fiche à compléter : son contenu est encore succinct.">
          Ébauche
        </li>
      )}
      {aVerifier && (
        <li className="badge badge--a-verifier" title="Importée d'un document : un modérateur n'a pas encore relu ses informations.">
          À vérifier
        </li>
      )}
      {verrouillee && <li className="badge badge--verrouillee">Verrouillée</li>}
    </ul>
  );
}
