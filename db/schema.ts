import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

// Enumerations are declared here so that the database, the zod schemas and the UI share one list.
export const ROLES = ["contributeur", "moderateur", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const ACTEUR_CATEGORIES = ["public", "prive", "non_lucratif"] as const;
export type ActeurCategorie = (typeof ACTEUR_CATEGORIES)[number];

export const TAXONOMIES = ["theme", "public", "enjeu", "objectif"] as const;
export type Taxonomy = (typeof TAXONOMIES)[number];

export const FICHE_TYPES = ["pratique", "idee", "fiche_pratique"] as const;
export type FicheType = (typeof FICHE_TYPES)[number];

export const FICHE_STATUTS = ["brouillon", "publiee", "archivee"] as const;
export type FicheStatut = (typeof FICHE_STATUTS)[number];

export const FICHE_ACTEUR_ROLES = ["porteur", "partenaire", "financeur", "pressenti"] as const;
export type FicheActeurRole = (typeof FICHE_ACTEUR_ROLES)[number];

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

export const user = sqliteTable(
  "user",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash"),
    oidcSubject: text("oidc_subject"),
    role: text("role", { enum: ROLES }).notNull().default("contributeur"),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("user_email_unique").on(t.email), uniqueIndex("user_oidc_unique").on(t.oidcSubject)],
);
export type User = typeof user.$inferSelect;

export const taxonomyTerm = sqliteTable(
  "taxonomy_term",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    taxonomy: text("taxonomy", { enum: TAXONOMIES }).notNull(),
    slug: text("slug").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull().default(0),
  },
  (t) => [uniqueIndex("taxonomy_term_slug_unique").on(t.taxonomy, t.slug)],
);
export type TaxonomyTerm = typeof taxonomyTerm.$inferSelect;

export const acteur = sqliteTable(
  "acteur",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    nom: text("nom").notNull(),
    categorie: text("categorie", { enum: ACTEUR_CATEGORIES }).notNull(),
    typologie: text("typologie").notNull(),
    description: text("description").notNull().default(""),
    siteWeb: text("site_web"),
    courriel: text("courriel"),
    telephone: text("telephone"),
    siret: text("siret"),
    rna: text("rna"),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("acteur_slug_unique").on(t.slug), index("acteur_nom_idx").on(t.nom)],
);
export type Acteur = typeof acteur.$inferSelect;

export const acteurTheme = sqliteTable(
  "acteur_theme",
  {
    acteurId: integer("acteur_id")
      .notNull()
      .references(() => acteur.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerm.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.acteurId, t.termId] }), index("acteur_theme_term_idx").on(t.termId)],
);

export const membership = sqliteTable(
  "membership",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    acteurId: integer("acteur_id")
      .notNull()
      .references(() => acteur.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.acteurId] }), index("membership_acteur_idx").on(t.acteurId)],
);

/**
 * A place where an acteur receives people. Field names follow the national
 * "schéma des lieux de médiation numérique" v1.0.2; multi-valued fields are JSON arrays of its labels.
 */
export const lieu = sqliteTable(
  "lieu",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    acteurId: integer("acteur_id")
      .notNull()
      .references(() => acteur.id, { onDelete: "cascade" }),
    nom: text("nom").notNull(),
    adresse: text("adresse").notNull(),
    complementAdresse: text("complement_adresse"),
    codePostal: text("code_postal").notNull(),
    commune: text("commune").notNull(),
    codeInsee: text("code_insee"),
    latitude: real("latitude"),
    longitude: real("longitude"),
    telephone: text("telephone"),
    courriels: text("courriels", { mode: "json" }).$type<string[]>().notNull().default([]),
    siteWeb: text("site_web", { mode: "json" }).$type<string[]>().notNull().default([]),
    horaires: text("horaires"),
    services: text("services", { mode: "json" }).$type<string[]>().notNull().default([]),
    publicsSpecifiquementAdresses: text("publics_specifiquement_adresses", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default([]),
    priseEnChargeSpecifique: text("prise_en_charge_specifique", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default([]),
    fraisACharge: text("frais_a_charge", { mode: "json" }).$type<string[]>().notNull().default([]),
    modalitesAcces: text("modalites_acces", { mode: "json" }).$type<string[]>().notNull().default([]),
    modalitesAccompagnement: text("modalites_accompagnement", { mode: "json" })
      .$type<string[]>()
      .notNull()
      .default([]),
    itinerance: text("itinerance", { mode: "json" }).$type<string[]>().notNull().default([]),
    presentationResume: text("presentation_resume"),
    presentationDetail: text("presentation_detail"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("lieu_acteur_idx").on(t.acteurId), index("lieu_commune_idx").on(t.commune)],
);
export type Lieu = typeof lieu.$inferSelect;

/**
 * The relational face of a fiche. Its content columns (titre, fields, html, texte…) are a
 * projection of the fiche's Yjs document, rebuilt by server/fiche-projection; governance columns
 * (statut, verrouillee, aVerifier) are set by moderators and porteurs through server/fiche.
 */
export const fiche = sqliteTable(
  "fiche",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    type: text("type", { enum: FICHE_TYPES }).notNull(),
    statut: text("statut", { enum: FICHE_STATUTS }).notNull().default("brouillon"),
    aVerifier: integer("a_verifier", { mode: "boolean" }).notNull().default(false),
    verrouillee: integer("verrouillee", { mode: "boolean" }).notNull().default(false),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Projection of the Yjs document:
    titre: text("titre").notNull().default(""),
    fields: text("fields", { mode: "json" }).$type<Record<string, unknown>>().notNull().default({}),
    html: text("html").notNull().default(""),
    texte: text("texte").notNull().default(""),
    commune: text("commune"),
    etat: text("etat"),
    contentUpdatedAt: integer("content_updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("fiche_slug_unique").on(t.slug),
    index("fiche_type_statut_idx").on(t.type, t.statut),
    index("fiche_updated_idx").on(t.contentUpdatedAt),
  ],
);
export type Fiche = typeof fiche.$inferSelect;

export const ficheActeur = sqliteTable(
  "fiche_acteur",
  {
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    acteurId: integer("acteur_id")
      .notNull()
      .references(() => acteur.id, { onDelete: "cascade" }),
    role: text("role", { enum: FICHE_ACTEUR_ROLES }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.ficheId, t.acteurId] }), index("fiche_acteur_acteur_idx").on(t.acteurId)],
);

/** Links a fiche to taxonomy terms of every taxonomy (themes, publics, enjeux, objectif). */
export const ficheTerm = sqliteTable(
  "fiche_term",
  {
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerm.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.ficheId, t.termId] }), index("fiche_term_term_idx").on(t.termId)],
);

export const ficheLieu = sqliteTable(
  "fiche_lieu",
  {
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    lieuId: integer("lieu_id")
      .notNull()
      .references(() => lieu.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.ficheId, t.lieuId] }), index("fiche_lieu_lieu_idx").on(t.lieuId)],
);

/** The compacted Yjs state of a fiche: the snapshot that the update log is folded into. */
export const ficheDocument = sqliteTable("fiche_document", {
  ficheId: integer("fiche_id")
    .primaryKey()
    .references(() => fiche.id, { onDelete: "cascade" }),
  snapshot: blob("snapshot", { mode: "buffer" }).notNull(),
  compactedAt: integer("compacted_at", { mode: "timestamp_ms" }).notNull(),
});

/** Append-only log of Yjs updates received since the last compaction. */
export const ficheUpdate = sqliteTable(
  "fiche_update",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    update: blob("update", { mode: "buffer" }).notNull(),
    userId: integer("user_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("fiche_update_fiche_idx").on(t.ficheId, t.id)],
);
