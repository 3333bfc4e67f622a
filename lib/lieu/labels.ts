// The labels of the national "schéma des lieux de médiation numérique" v1.0.2, copied from the
// enums of @gouvfr-anct/lieux-de-mediation-numerique. That package has no "sideEffects" flag and
// its enums are IIFEs, so importing one enum pulls all its 109 modules (~11 kB minified) into the
// browser bundle. labels.test.ts checks that these lists equal the package's enums.

export const LIEU_SERVICES = [
  "Acquisition de matériel informatique à prix solidaire",
  "Aide aux démarches administratives",
  "Maîtrise des outils numériques du quotidien",
  "Insertion professionnelle via le numérique",
  "Utilisation sécurisée du numérique",
  "Parentalité et éducation avec le numérique",
  "Loisirs et créations numériques",
  "Compréhension du monde numérique",
  "Accès internet et matériel informatique",
] as const;

export const LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES = ["Jeunes", "Étudiants", "Familles et/ou enfants", "Seniors", "Femmes"] as const;

export const LIEU_PRISES_EN_CHARGE_SPECIFIQUES = [
  "Surdité",
  "Handicaps moteurs",
  "Handicaps mentaux",
  "Illettrisme",
  "Langues étrangères (anglais)",
  "Langues étrangères (autres)",
  "Déficience visuelle",
] as const;

export const LIEU_FRAIS_A_CHARGE = ["Gratuit", "Gratuit sous condition", "Payant"] as const;

export const LIEU_MODALITES_ACCES = [
  "Se présenter",
  "Téléphoner",
  "Contacter par mail",
  "Envoyer un mail avec une fiche de prescription",
  "Prendre un RDV en ligne",
  "Ce lieu n'accueille pas de public",
] as const;

export const LIEU_MODALITES_ACCOMPAGNEMENT = ["En autonomie", "Accompagnement individuel", "Dans un atelier collectif", "À distance"] as const;

export const LIEU_ITINERANCE = ["Itinérant", "Fixe"] as const;

/** The multi-valued fields of a lieu, each with its list and its French legend. */
export const LIEU_LIST_FIELDS = {
  services: { legend: "Services proposés", options: LIEU_SERVICES },
  publicsSpecifiquementAdresses: { legend: "Publics spécifiquement adressés", options: LIEU_PUBLICS_SPECIFIQUEMENT_ADRESSES },
  priseEnChargeSpecifique: { legend: "Prise en charge spécifique", options: LIEU_PRISES_EN_CHARGE_SPECIFIQUES },
  fraisACharge: { legend: "Frais à charge", options: LIEU_FRAIS_A_CHARGE },
  modalitesAcces: { legend: "Modalités d'accès", options: LIEU_MODALITES_ACCES },
  modalitesAccompagnement: { legend: "Modalités d'accompagnement", options: LIEU_MODALITES_ACCOMPAGNEMENT },
  itinerance: { legend: "Itinérance", options: LIEU_ITINERANCE },
} as const;

export type LieuListField = keyof typeof LIEU_LIST_FIELDS;
export const LIEU_LIST_FIELD_NAMES = Object.keys(LIEU_LIST_FIELDS) as LieuListField[];
