/** The tabs of /moderation, as they appear in its URL (?vue=). */
export const MODERATION_VIEWS = ["ouverts", "resolus", "masquees"] as const;
export type ModerationView = (typeof MODERATION_VIEWS)[number];

/** What a moderation decision did, said once on the page it leads back to (?fait=). */
export const MODERATION_OUTCOMES = {
  resolu: "Le signalement est marqué comme résolu.",
  masquee: "La fiche est masquée : seuls les modérateurs la voient désormais.",
  visible: "La fiche est de nouveau visible, selon son statut.",
  archivee: "La fiche est archivée.",
  fusionnee: "Les fiches sont fusionnées : l'adresse de la fiche en double mène désormais à celle qui la remplace.",
  "demande-acceptee": "La demande est acceptée : la personne est maintenant membre de l'acteur.",
  "demande-refusee": "La demande est refusée. La personne voit votre note sur son compte.",
  "message-publie": "Le message est publié sous la fiche.",
  "message-masque": "Le message est masqué : seuls les modérateurs le voient désormais.",
  "message-garde": "Le message reste publié et ses signalements sont clos.",
} as const;
export type ModerationOutcome = keyof typeof MODERATION_OUTCOMES;
