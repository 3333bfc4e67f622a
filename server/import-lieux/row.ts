import type { Lieu } from "@/db/schema";
import type { ActeurCategorie } from "@/lib/acteur/values";
import type { ActeurTypologie } from "@/lib/acteur/labels";
import { isValidSiret } from "@/lib/schemas/acteur";
import { lieuSchema, type LieuInput } from "@/lib/schemas/lieu";
import { NO_PIVOT, type LieuxCsvColumn } from "../export/lieux-schema";
import type { LieuxCsvRow } from "./read";

// One row of a lieux CSV, read into what the wiki stores: a lieu (checked by the same zod schema
// as the lieu form) and the organisation it belongs to (pivot, name, kind).

/** A problem with one cell, for the report. */
export type CellProblem = { column: LieuxCsvColumn; messageFr: string; messageEn: string };

const FIELD_COLUMNS: Record<keyof LieuInput, LieuxCsvColumn> = {
  nom: "nom",
  adresse: "adresse",
  complementAdresse: "complement_adresse",
  codePostal: "code_postal",
  commune: "commune",
  codeInsee: "code_insee",
  latitude: "latitude",
  longitude: "longitude",
  telephone: "telephone",
  courriels: "courriels",
  siteWeb: "site_web",
  horaires: "horaires",
  services: "services",
  publicsSpecifiquementAdresses: "publics_specifiquement_adresses",
  priseEnChargeSpecifique: "prise_en_charge_specifique",
  fraisACharge: "frais_a_charge",
  modalitesAcces: "modalites_acces",
  modalitesAccompagnement: "modalites_accompagnement",
  itinerance: "itinerance",
  presentationResume: "presentation_resume",
  presentationDetail: "presentation_detail",
};

const values = (cell: string) => cell.split("|").map((v) => v.trim()).filter(Boolean);

/** The lieu a row describes, validated like the lieu form; or the problems of its cells. */
export function lieuInputOf(row: LieuxCsvRow): { ok: true; input: LieuInput } | { ok: false; problems: CellProblem[] } {
  const v = row.values;
  const parsed = lieuSchema.safeParse({
    nom: v.nom,
    adresse: v.adresse,
    complementAdresse: v.complement_adresse,
    codePostal: v.code_postal,
    commune: v.commune,
    codeInsee: v.code_insee,
    latitude: v.latitude,
    longitude: v.longitude,
    telephone: v.telephone,
    courriels: values(v.courriels),
    siteWeb: values(v.site_web),
    horaires: v.horaires,
    services: values(v.services),
    publicsSpecifiquementAdresses: values(v.publics_specifiquement_adresses),
    priseEnChargeSpecifique: values(v.prise_en_charge_specifique),
    fraisACharge: values(v.frais_a_charge),
    modalitesAcces: values(v.modalites_acces),
    modalitesAccompagnement: values(v.modalites_accompagnement),
    itinerance: values(v.itinerance),
    presentationResume: v.presentation_resume,
    presentationDetail: v.presentation_detail,
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const problems: CellProblem[] = [];
  for (const issue of parsed.error.issues) {
    const column = FIELD_COLUMNS[issue.path[0] as keyof LieuInput] ?? "nom";
    const given = v[column];
    const messageEn = given ? `${column} "${given.length > 80 ? `${given.slice(0, 80)}…` : given}" is not valid` : `${column} is required`;
    if (!problems.some((p) => p.column === column && p.messageFr === issue.message)) problems.push({ column, messageFr: issue.message, messageEn });
  }
  return { ok: false, problems };
}

/** The organisation number a row gives: a SIRET (checked), an RNA, nothing (empty or the no-pivot zeros), or a problem. */
export function pivotOfRow(row: LieuxCsvRow): { siret?: string; rna?: string; problem?: CellProblem } {
  const pivot = row.values.pivot.replace(/[\s.]/g, "").toUpperCase();
  if (!pivot || pivot === NO_PIVOT) return {};
  if (/^\d{14}$/.test(pivot)) {
    if (isValidSiret(pivot)) return { siret: pivot };
    return {
      problem: {
        column: "pivot",
        messageFr: `le SIRET ${pivot} n'existe pas (sa clé de contrôle ne correspond pas) : l'acteur est rapproché par son nom`,
        messageEn: `SIRET ${pivot} fails its check digit: the acteur is matched by name`,
      },
    };
  }
  if (/^W(\d{9}|2[AB]\d{7})$/.test(pivot)) return { rna: pivot };
  return {
    problem: {
      column: "pivot",
      messageFr: `« ${row.values.pivot} » n'est ni un SIRET (14 chiffres) ni un numéro RNA (W et 9 chiffres) : l'acteur est rapproché par son nom`,
      messageEn: `"${row.values.pivot}" is neither a SIRET (14 digits) nor an RNA number (W and 9 digits): the acteur is matched by name`,
    },
  };
}

/** The organisation's name: the schema's structure_parente when given, else the lieu's own name. */
export function acteurNomOf(row: LieuxCsvRow): string {
  return (row.values.structure_parente || row.values.nom).trim();
}

// data.inclusion typologies (the schema's "typologie") that name one of the wiki's kinds of acteur.
const SCHEMA_TYPOLOGIES: Record<string, ActeurTypologie> = {
  ASSO: "association",
  CCAS: "ccas_cias",
  CIAS: "ccas_cias",
  BIB: "bibliotheque_mediatheque",
  CS: "centre_social",
  CSC: "centre_social",
  EPN: "espace_public_numerique",
  MUNI: "collectivite_territoriale",
  EPCI: "collectivite_territoriale",
  DEPT: "collectivite_territoriale",
  REG: "collectivite_territoriale",
  ACI: "structure_insertion",
  AI: "structure_insertion",
  EI: "structure_insertion",
  ETTI: "structure_insertion",
  EITI: "structure_insertion",
  GEIQ: "structure_insertion",
  OF: "etablissement_scolaire_formation",
  AUTRE: "autre",
};

const CATEGORIES: Record<ActeurTypologie, ActeurCategorie> = {
  association: "non_lucratif",
  collectivite_territoriale: "public",
  ccas_cias: "public",
  bibliotheque_mediatheque: "public",
  centre_social: "non_lucratif",
  entreprise: "prive",
  fondation: "non_lucratif",
  etablissement_public: "public",
  service_etat: "public",
  espace_public_numerique: "public",
  structure_insertion: "non_lucratif",
  etablissement_scolaire_formation: "public",
  autre: "non_lucratif",
};

/** The kind of acteur the row's typologie names, if it names one the wiki knows. */
export function acteurKindOfRow(row: LieuxCsvRow): { typologie: ActeurTypologie; categorie: ActeurCategorie } | null {
  for (const code of values(row.values.typologie.replace(/[,;]/g, "|"))) {
    const typologie = SCHEMA_TYPOLOGIES[code.toUpperCase()];
    if (typologie) return { typologie, categorie: CATEGORIES[typologie] };
  }
  return null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields of a stored lieu that a row would change (empty when the row says the same thing). */
export function changedLieuFields(existing: Lieu, input: LieuInput): (keyof LieuInput)[] {
  return (Object.keys(FIELD_COLUMNS) as (keyof LieuInput)[]).filter((field) => !same((existing as Record<string, unknown>)[field], input[field]));
}
