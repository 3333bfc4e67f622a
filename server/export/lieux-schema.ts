import { createHash } from "node:crypto";
import {
  Courriel,
  fromSchemaLieuDeMediationNumerique,
  ModelError,
  toSchemaLieuMediationNumerique,
  Typologie,
  Url,
  type SchemaLieuMediationNumerique,
} from "@gouvfr-anct/lieux-de-mediation-numerique";
import type { Acteur, Lieu } from "@/db/schema";
import { searchFold } from "@/db/queries/acteur";
import { slugify } from "@/lib/slug";

/**
 * The columns of the "schéma des lieux de médiation numérique" v1.0.2, in the schema's order
 * (its table schema, the order of its example file and of the national geocoding tool's input).
 * The package's toSchemaLieuMediationNumerique builds an object with the same 32 keys in another
 * order; a CSV follows the table schema.
 */
export const LIEUX_CSV_COLUMNS = [
  "id",
  "pivot",
  "nom",
  "commune",
  "code_postal",
  "code_insee",
  "adresse",
  "complement_adresse",
  "latitude",
  "longitude",
  "typologie",
  "telephone",
  "courriels",
  "site_web",
  "horaires",
  "presentation_resume",
  "presentation_detail",
  "source",
  "itinerance",
  "structure_parente",
  "date_maj",
  "services",
  "publics_specifiquement_adresses",
  "prise_en_charge_specifique",
  "frais_a_charge",
  "dispositif_programmes_nationaux",
  "formations_labels",
  "autres_formations_labels",
  "modalites_acces",
  "modalites_accompagnement",
  "fiche_acces_libre",
  "prise_rdv",
] as const;
export type LieuxCsvColumn = (typeof LIEUX_CSV_COLUMNS)[number];

/** The columns the schema requires in every row. */
export const REQUIRED_LIEUX_COLUMNS: LieuxCsvColumn[] = ["id", "pivot", "nom", "commune", "code_postal", "adresse", "date_maj", "services"];

/**
 * The pivot of a lieu whose organisation has neither SIRET nor RNA: fourteen zeros, the value the
 * national cartography's data uses (the package's Pivot accepts any 14-character SIRET).
 */
export const NO_PIVOT = "00000000000000";

/** The name of the wiki as the collecting structure ("source") of the lieux it publishes. */
export const LIEUX_SOURCE = "Wiki de la Solidarité numérique";

/**
 * The data.inclusion typologies that say the same thing as an acteur's typologie. The others
 * (a collectivité may be a commune, a département or a région…) have no exact match: "Autre".
 */
export const TYPOLOGIE_TO_SCHEMA: Partial<Record<string, Typologie>> = {
  association: Typologie.ASSO,
  ccas_cias: Typologie.CCAS,
  bibliotheque_mediatheque: Typologie.BIB,
  centre_social: Typologie.CS,
  espace_public_numerique: Typologie.EPN,
};

// Overseas numbers of the French plan: the national prefix tells the country code.
const OVERSEAS_PREFIXES: [RegExp, string][] = [
  [/^0(262|263|269|639|692|693)/, "+262"],
  [/^0(590|690|691)/, "+590"],
  [/^0(594|694)/, "+594"],
  [/^0(596|696|697)/, "+596"],
];

/** "05 56 12 34 56" → "+33556123456": the international form without spaces the schema asks for. */
export function toInternationalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (!/^0\d{9}$/.test(digits)) return phone;
  const overseas = OVERSEAS_PREFIXES.find(([pattern]) => pattern.test(digits));
  return `${overseas ? overseas[1] : "+33"}${digits.slice(1)}`;
}

/** The organisation number of an acteur as the schema's pivot: its SIRET, else its RNA, else NO_PIVOT. */
export function pivotOf(acteur: Pick<Acteur, "siret" | "rna">): string {
  return acteur.siret || acteur.rna || NO_PIVOT;
}

/**
 * The identity of a lieu: its acteur's name, its own name, its address and postal code, folded.
 * The wiki has no column for a foreign id, so an import recognises a lieu by this identity.
 */
export function lieuIdentity(acteurNom: string, lieu: Pick<Lieu, "nom" | "adresse" | "codePostal">): string {
  return [acteurNom, lieu.nom, lieu.adresse, lieu.codePostal].map(searchFold).join("|");
}

/**
 * The schema id of a lieu: readable (its acteur's slugified name) and stable (a hash of its
 * identity), so that the same lieu gets the same id in every export, on this wiki or another one
 * rebuilt from the export.
 */
export function lieuSchemaId(acteurNom: string, lieu: Pick<Lieu, "nom" | "adresse" | "codePostal">): string {
  const hash = createHash("sha256").update(lieuIdentity(acteurNom, lieu)).digest("hex").slice(0, 12);
  return `${slugify(acteurNom, "acteur", 40)}-${hash}`;
}

const optional = <K extends string>(key: K, value: string | null | undefined) => (value ? { [key]: value } : {}) as Partial<Record<K, string>>;
const optionalList = <K extends string>(key: K, values: string[]) => optional(key, values.join("|"));

/** A lieu of the wiki as a row of the national schema (before validation); `id` is unique in an export. */
export function toSchemaRow(lieu: Lieu, acteur: Acteur, id: string): SchemaLieuMediationNumerique {
  const typologie = TYPOLOGIE_TO_SCHEMA[acteur.typologie] ?? Typologie.AUTRE;
  return {
    id,
    pivot: pivotOf(acteur),
    nom: lieu.nom,
    commune: lieu.commune,
    code_postal: lieu.codePostal,
    adresse: lieu.adresse,
    ...optional("code_insee", lieu.codeInsee),
    ...optional("complement_adresse", lieu.complementAdresse),
    ...(lieu.latitude != null && lieu.longitude != null ? { latitude: lieu.latitude, longitude: lieu.longitude } : {}),
    ...optional("typologie", typologie),
    ...optional("telephone", lieu.telephone && toInternationalPhone(lieu.telephone)),
    ...optionalList("courriels", lieu.courriels),
    ...optionalList("site_web", lieu.siteWeb),
    ...optional("horaires", lieu.horaires),
    ...optional("presentation_resume", lieu.presentationResume),
    ...optional("presentation_detail", lieu.presentationDetail),
    source: LIEUX_SOURCE,
    ...optionalList("itinerance", lieu.itinerance),
    structure_parente: acteur.nom,
    date_maj: lieu.updatedAt.toISOString().slice(0, 10),
    ...optionalList("services", lieu.services),
    ...optionalList("publics_specifiquement_adresses", lieu.publicsSpecifiquementAdresses),
    ...optionalList("prise_en_charge_specifique", lieu.priseEnChargeSpecifique),
    ...optionalList("frais_a_charge", lieu.fraisACharge),
    ...optionalList("modalites_acces", lieu.modalitesAcces),
    ...optionalList("modalites_accompagnement", lieu.modalitesAccompagnement),
  };
}

/** The cells of a schema row in LIEUX_CSV_COLUMNS order. */
export function toCsvCells(row: SchemaLieuMediationNumerique): string[] {
  return LIEUX_CSV_COLUMNS.map((column) => {
    const value = (row as Record<string, unknown>)[column];
    return value == null ? "" : String(value);
  });
}

/** Why a row is not valid under the schema: the field, and messages for the page and for the CLI. */
export type SchemaViolation = { field: string; value: string; messageFr: string; messageEn: string };

const FIELD_NAMES_EN: Record<string, string> = {
  id: "id",
  pivot: "pivot (SIRET or RNA)",
  nom: "name",
  voie: "address",
  code_postal: "postal code",
  code_insee: "INSEE code",
  commune: "commune",
  latitude: "latitude",
  longitude: "longitude",
  telephone: "phone number",
  courriels: "email address",
  site_web: "website",
  services: "services",
  typologies: "typologie",
};

// The package names the address "voie"; the schema's column is "adresse".
const COLUMN_OF: Record<string, string> = { voie: "adresse", typologies: "typologie" };

function violation(field: string, value: string, messageFr: string): SchemaViolation {
  const column = COLUMN_OF[field] ?? field;
  return { field: column, value, messageFr, messageEn: `invalid ${FIELD_NAMES_EN[field] ?? column} "${value}"` };
}

/**
 * Checks a row with the package's own model constructors (fromSchemaLieuDeMediationNumerique runs
 * Id, Pivot, Nom, Adresse, Localisation, Contact, Services…), plus what they leave unchecked:
 * services are required, every email and website must be valid, the date is ISO, and converting
 * the row to the model and back must give the same row (the package silently drops, for instance,
 * "Ce lieu n'accueille pas de public" on a lieu that offers services).
 */
export function validateSchemaRow(row: SchemaLieuMediationNumerique): SchemaViolation[] {
  const violations: SchemaViolation[] = [];
  if (!row.services) violations.push({ field: "services", value: "", messageFr: "aucun service proposé n'est indiqué", messageEn: "no service is given" });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(row.date_maj)) violations.push(violation("date_maj", row.date_maj, `la date de mise à jour « ${row.date_maj} » n'est pas au format AAAA-MM-JJ`));
  for (const courriel of row.courriels?.split("|") ?? []) {
    try {
      Courriel(courriel);
    } catch {
      violations.push(violation("courriels", courriel, `l'adresse électronique « ${courriel} » n'est pas valide`));
    }
  }
  for (const url of row.site_web?.split("|") ?? []) {
    try {
      Url(url);
    } catch {
      violations.push(violation("site_web", url, `le site web « ${url} » n'est pas une adresse valide`));
    }
  }
  try {
    const model = fromSchemaLieuDeMediationNumerique(row);
    const back = toSchemaLieuMediationNumerique(model) as Record<string, unknown>;
    // Without services the package turns the lieu into one that receives no public: already reported.
    for (const column of row.services ? LIEUX_CSV_COLUMNS : []) {
      const before = (row as Record<string, unknown>)[column];
      if (String(before ?? "") !== String(back[column] ?? "")) {
        violations.push({
          field: column,
          value: String(before ?? ""),
          messageFr: `la valeur « ${String(before ?? "")} » de ${column} n'est pas reprise telle quelle par le schéma (« ${String(back[column] ?? "")} »)`,
          messageEn: `${column} "${String(before ?? "")}" does not survive the schema's model ("${String(back[column] ?? "")}")`,
        });
      }
    }
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const key = String((error as ModelError<Record<string, unknown>>).key);
    const value = String((row as Record<string, unknown>)[COLUMN_OF[key] ?? key] ?? "");
    violations.push(violation(key, value, error.message.charAt(0).toLowerCase() + error.message.slice(1)));
  }
  return violations;
}
