import type { FicheActeurRole, FicheStatut, FicheType } from "./values";
import type { EtatAction } from "./document";

/** How the wiki names each kind of fiche, in lists, tabs and the creation form. */
export const FICHE_TYPE_LABELS: Record<FicheType, { singular: string; plural: string; description: string; path: string }> = {
  pratique: {
    singular: "Pratique observée",
    plural: "Pratiques observées",
    description: "Une action qui existe sur le territoire : qui la mène, pour qui, où et comment.",
    path: "pratiques",
  },
  idee: {
    singular: "Idée à explorer",
    plural: "Idées à explorer",
    description: "Un besoin repéré ou une piste d'action que personne ne mène encore, à construire ensemble.",
    path: "idees",
  },
  fiche_pratique: {
    singular: "Fiche pratique",
    plural: "Fiches pratiques",
    description: "Un mode d'emploi pour les professionnels : pourquoi, comment faire étape par étape, avec quelles ressources.",
    path: "fiches-pratiques",
  },
};

export const FICHE_STATUT_LABELS: Record<FicheStatut, string> = {
  brouillon: "Brouillon",
  publiee: "Publiée",
  archivee: "Archivée",
};

export const ETAT_LABELS: Record<EtatAction, string> = {
  en_projet: "En projet",
  en_cours: "En cours",
  terminee: "Terminée",
};

export const ACTEUR_ROLE_LABELS: Record<FicheActeurRole, { singular: string; plural: string }> = {
  porteur: { singular: "Porteur", plural: "Porteurs" },
  porteur_propose: { singular: "Porteur proposé", plural: "Porteurs proposés" },
  partenaire: { singular: "Partenaire", plural: "Partenaires" },
  financeur: { singular: "Financeur", plural: "Financeurs" },
  pressenti: { singular: "Acteur pressenti", plural: "Acteurs pressentis" },
};

/** The roles an acteur may take on a fiche of this type: idées name the acteurs they have in mind. */
export function acteurRolesFor(type: FicheType): FicheActeurRole[] {
  return type === "idee" ? ["pressenti", "porteur", "porteur_propose", "partenaire", "financeur"] : ["porteur", "porteur_propose", "partenaire", "financeur"];
}

/** A title to show for a fiche whose title is still empty. */
export function displayTitre(titre: string): string {
  return titre.trim() || "Fiche sans titre";
}
