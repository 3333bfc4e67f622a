import { sql } from "drizzle-orm";
import {
  blob,
  index,
  integer,
  primaryKey,
  real,
  sqliteTable,
  text,
  type AnySQLiteColumn,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
// The value lists live in lib, by domain noun, so that forms and zod schemas share them without
// importing drizzle; the columns below are built from them.
import { ACTEUR_CATEGORIES } from "../lib/acteur/values";
import { ACTEUR_CLAIM_DECISIONS } from "../lib/acteur-claim/values";
import { CATALOGUE_STATUTS } from "../lib/catalogue/values";
import { COMMENT_STATUTS } from "../lib/comment/values";
import { FICHE_ACTEUR_ROLES, FICHE_STATUTS, FICHE_TYPES } from "../lib/fiche/values";
import { FOLLOW_TARGETS } from "../lib/follow/values";
import { DIGEST_FREQUENCIES, MAIL_STATUTS, NOTIFICATION_KINDS } from "../lib/notification/values";
import { REVISION_REASONS } from "../lib/revision/values";
import { ROLES } from "../lib/roles";
import { SIGNALEMENT_MOTIFS } from "../lib/signalement/values";
import { TAXONOMIES } from "../lib/taxonomy/values";

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
 * A person's request to manage an acteur that has no members, open until a moderator accepts
 * (the person becomes a member) or refuses it; at most one open request per person and acteur.
 */
export const acteurClaim = sqliteTable(
  "acteur_claim",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    acteurId: integer("acteur_id")
      .notNull()
      .references(() => acteur.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    message: text("message").notNull(),
    fonction: text("fonction").notNull(),
    createdAt: createdAt(),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decidedBy: integer("decided_by").references(() => user.id, { onDelete: "set null" }),
    decision: text("decision", { enum: ACTEUR_CLAIM_DECISIONS }),
    decisionNote: text("decision_note"),
  },
  (t) => [
    uniqueIndex("acteur_claim_open_unique").on(t.acteurId, t.userId).where(sql`${t.decidedAt} is null`),
    index("acteur_claim_open_idx").on(t.decidedAt, t.createdAt),
    index("acteur_claim_user_idx").on(t.userId),
  ],
);
export type ActeurClaim = typeof acteurClaim.$inferSelect;

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
    // Hidden by a moderator: never served to the public (page, search, feeds, exports).
    masquee: integer("masquee", { mode: "boolean" }).notNull().default(false),
    // Merged into another fiche: its page redirects there.
    redirectToId: integer("redirect_to_id"),
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
    ebauche: integer("ebauche", { mode: "boolean" }).notNull().default(false),
    contentUpdatedAt: integer("content_updated_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("fiche_slug_unique").on(t.slug),
    index("fiche_type_statut_idx").on(t.type, t.statut),
    index("fiche_updated_idx").on(t.contentUpdatedAt),
    index("fiche_redirect_idx").on(t.redirectToId),
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

/**
 * Links a fiche to taxonomy terms of every taxonomy (themes, publics, enjeux, objectif). A theme the
 * classifier suggested and nobody has confirmed yet is `suggested`: it counts in facets and theme
 * pages, which can leave it out, and shows as « suggéré ».
 */
export const ficheTerm = sqliteTable(
  "fiche_term",
  {
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    termId: integer("term_id")
      .notNull()
      .references(() => taxonomyTerm.id, { onDelete: "cascade" }),
    suggested: integer("suggested", { mode: "boolean" }).notNull().default(false),
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

/**
 * The compacted Yjs state of a fiche: the snapshot that the update log is folded into. This table and
 * fiche_update live in the documents file, without their foreign keys (see db/documents-file.ts).
 */
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

/**
 * A point in a fiche's history: the whole Yjs state at that moment, and who had edited since the
 * previous revision. Restoring writes a new forward edit; revisions are never rewritten.
 */
export const ficheRevision = sqliteTable(
  "fiche_revision",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    state: blob("state", { mode: "buffer" }).notNull(),
    titre: text("titre").notNull().default(""),
    authorIds: text("author_ids", { mode: "json" }).$type<number[]>().notNull().default([]),
    reason: text("reason", { enum: REVISION_REASONS }).notNull(),
    restoredFromId: integer("restored_from_id"),
    createdAt: createdAt(),
  },
  (t) => [index("fiche_revision_fiche_idx").on(t.ficheId, t.id), index("fiche_revision_created_idx").on(t.createdAt)],
);
export type FicheRevision = typeof ficheRevision.$inferSelect;

/** Links written in a fiche's body to other fiches and acteurs: derived by the projection. */
export const ficheLink = sqliteTable(
  "fiche_link",
  {
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    targetFicheId: integer("target_fiche_id").references(() => fiche.id, { onDelete: "cascade" }),
    targetActeurId: integer("target_acteur_id").references(() => acteur.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("fiche_link_fiche_idx").on(t.ficheId),
    index("fiche_link_target_fiche_idx").on(t.targetFicheId),
    index("fiche_link_target_acteur_idx").on(t.targetActeurId),
  ],
);

/** A problem reported on a fiche, waiting in the moderators' queue until resolved. */
export const signalement = sqliteTable(
  "signalement",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    /** Set when the report is about a comment on the fiche rather than the fiche itself. */
    commentId: integer("comment_id").references((): AnySQLiteColumn => comment.id, { onDelete: "cascade" }),
    motif: text("motif", { enum: SIGNALEMENT_MOTIFS }).notNull(),
    commentaire: text("commentaire").notNull().default(""),
    reporterId: integer("reporter_id").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: integer("resolved_by").references(() => user.id, { onDelete: "set null" }),
    resolution: text("resolution"),
  },
  (t) => [index("signalement_open_idx").on(t.resolvedAt, t.createdAt), index("signalement_fiche_idx").on(t.ficheId)],
);

/** A personal API token; only its SHA-256 is stored. */
export const apiToken = sqliteTable(
  "api_token",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: createdAt(),
    lastUsedAt: integer("last_used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("api_token_hash_unique").on(t.tokenHash), index("api_token_user_idx").on(t.userId)],
);

/** Instance-wide settings chosen by admins (the content licence…). */
export const setting = sqliteTable("setting", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

/** A trainer's catalogue: fiches assembled in ordered modules. */
export const catalogue = sqliteTable(
  "catalogue",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    slug: text("slug").notNull(),
    titre: text("titre").notNull(),
    description: text("description").notNull().default(""),
    publicVise: text("public_vise").notNull().default(""),
    objectifs: text("objectifs").notNull().default(""),
    duree: text("duree").notNull().default(""),
    statut: text("statut", { enum: CATALOGUE_STATUTS }).notNull().default("brouillon"),
    originalId: integer("original_id"),
    createdBy: integer("created_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("catalogue_slug_unique").on(t.slug), index("catalogue_statut_idx").on(t.statut)],
);
export type Catalogue = typeof catalogue.$inferSelect;

export const catalogueOwner = sqliteTable(
  "catalogue_owner",
  {
    catalogueId: integer("catalogue_id")
      .notNull()
      .references(() => catalogue.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.catalogueId, t.userId] }), index("catalogue_owner_user_idx").on(t.userId)],
);

export const catalogueModule = sqliteTable(
  "catalogue_module",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    catalogueId: integer("catalogue_id")
      .notNull()
      .references(() => catalogue.id, { onDelete: "cascade" }),
    titre: text("titre").notNull(),
    description: text("description").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [index("catalogue_module_catalogue_idx").on(t.catalogueId, t.position)],
);

export const catalogueItem = sqliteTable(
  "catalogue_item",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    moduleId: integer("module_id")
      .notNull()
      .references(() => catalogueModule.id, { onDelete: "cascade" }),
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    note: text("note").notNull().default(""),
    duree: text("duree").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [index("catalogue_item_module_idx").on(t.moduleId, t.position), index("catalogue_item_fiche_idx").on(t.ficheId)],
);

/**
 * A message on a fiche: a thread's opening (threadId null) or a reply in it. An opening may be
 * anchored to a passage of the body by two Yjs relative positions, so that the anchor follows the
 * passage through co-editing; `citation` keeps the passage as it read when the thread began.
 * The body is plain text with links, never HTML. A visitor's question has no author, an optional
 * email to be told of the answer, and waits "en_attente" for a moderator.
 */
export const comment = sqliteTable(
  "comment",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    threadId: integer("thread_id").references((): AnySQLiteColumn => comment.id, { onDelete: "cascade" }),
    authorId: integer("author_id").references(() => user.id, { onDelete: "set null" }),
    visitorName: text("visitor_name"),
    visitorEmail: text("visitor_email"),
    body: text("body").notNull(),
    /** JSON `{ "start": base64, "end": base64 }` of Y.encodeRelativePosition, on an opening only. */
    anchor: text("anchor"),
    citation: text("citation").notNull().default(""),
    statut: text("statut", { enum: COMMENT_STATUTS }).notNull().default("publie"),
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
    resolvedBy: integer("resolved_by").references(() => user.id, { onDelete: "set null" }),
    moderatedAt: integer("moderated_at", { mode: "timestamp_ms" }),
    moderatedBy: integer("moderated_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("comment_fiche_idx").on(t.ficheId, t.createdAt),
    index("comment_thread_idx").on(t.threadId, t.createdAt),
    index("comment_statut_idx").on(t.statut, t.createdAt),
    index("comment_author_idx").on(t.authorId),
  ],
);
export type Comment = typeof comment.$inferSelect;

/**
 * "Nous l'avons reprise": an acteur declares that it took up the practice a fiche describes,
 * where (a commune), since when (`depuis`, "AAAA" or "AAAA-MM") and what it changed. One per
 * fiche and acteur; declared by a member of the acteur.
 */
export const reprise = sqliteTable(
  "reprise",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ficheId: integer("fiche_id")
      .notNull()
      .references(() => fiche.id, { onDelete: "cascade" }),
    acteurId: integer("acteur_id")
      .notNull()
      .references(() => acteur.id, { onDelete: "cascade" }),
    commune: text("commune").notNull(),
    depuis: text("depuis").notNull().default(""),
    changements: text("changements").notNull().default(""),
    declaredBy: integer("declared_by").references(() => user.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("reprise_fiche_acteur_unique").on(t.ficheId, t.acteurId), index("reprise_acteur_idx").on(t.acteurId)],
);
export type Reprise = typeof reprise.$inferSelect;

/** A person follows a fiche, an acteur, a theme (its taxonomy term id), a catalogue or a comment thread. */
export const follow = sqliteTable(
  "follow",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    targetType: text("target_type", { enum: FOLLOW_TARGETS }).notNull(),
    targetId: integer("target_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.targetType, t.targetId] }), index("follow_target_idx").on(t.targetType, t.targetId)],
);
export type Follow = typeof follow.$inferSelect;

/**
 * Something a person should hear about. `dedupeKey` names the event's subject (for example
 * "fiche_modifiee:fiche:12"): the same key for the same person within 24 hours is not recorded twice.
 */
export const notification = sqliteTable(
  "notification",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    actorId: integer("actor_id").references(() => user.id, { onDelete: "set null" }),
    /** The sentence shown in the list and the mail, in French. */
    message: text("message").notNull(),
    /** A path inside the wiki, for example "/fiches/garage-informatique#commentaire-4". */
    url: text("url").notNull(),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    /** When it went out by mail, at once or in a digest; null while it waits for one. */
    mailedAt: integer("mailed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("notification_user_idx").on(t.userId, t.createdAt),
    index("notification_unread_idx").on(t.userId, t.readAt),
    index("notification_dedupe_idx").on(t.userId, t.dedupeKey, t.createdAt),
  ],
);
export type Notification = typeof notification.$inferSelect;

/**
 * A person's choices about notifications, and the state their digest and Atom feed need: the
 * digest covers notifications after `digestSentUntil` and moves it in the same transaction that
 * queues the mail, so that a restart never sends one twice. Only the feed token's SHA-256 is kept.
 */
export const notificationSetting = sqliteTable("notification_setting", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  digest: text("digest", { enum: DIGEST_FREQUENCIES }).notNull().default("quotidien"),
  mailMentions: integer("mail_mentions", { mode: "boolean" }).notNull().default(true),
  digestSentUntil: integer("digest_sent_until", { mode: "timestamp_ms" }),
  feedTokenHash: text("feed_token_hash"),
  updatedAt: updatedAt(),
});
export type NotificationSetting = typeof notificationSetting.$inferSelect;

/**
 * Every email the wiki sends, written in the transaction of what caused it and sent afterwards
 * with retries. Without SMTP configured they stay here, "non_configure", for admins to read.
 */
export const mailOutbox = sqliteTable(
  "mail_outbox",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recipient: text("recipient").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    /** JSON object of extra headers (List-Unsubscribe…). */
    headers: text("headers").notNull().default("{}"),
    statut: text("statut", { enum: MAIL_STATUTS }).notNull().default("en_attente"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    createdAt: createdAt(),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("mail_outbox_due_idx").on(t.statut, t.nextAttemptAt), index("mail_outbox_created_idx").on(t.createdAt)],
);
export type MailOutbox = typeof mailOutbox.$inferSelect;

// Search. The FTS5 tables themselves (search_fiche, search_acteur and their fts5vocab views) are
// virtual tables that Drizzle cannot describe: they are created by migration 0003_search and
// written only by server/search.

export const SEARCH_KINDS = ["fiche", "acteur"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/**
 * One row per fiche or acteur the search has seen: its facet values (URL keys: type, theme and
 * public slugs, commune key…), and a sequence number that moves on every change so that each
 * process refreshes its facet catalogue incrementally. A row with `indexed` false is a tombstone:
 * the document left the public index.
 */
export const searchEntry = sqliteTable(
  "search_entry",
  {
    kind: text("kind", { enum: SEARCH_KINDS }).notNull(),
    docId: integer("doc_id").notNull(),
    seq: integer("seq").notNull(),
    indexed: integer("indexed", { mode: "boolean" }).notNull(),
    facets: text("facets", { mode: "json" }).$type<Record<string, string[]>>().notNull().default({}),
    // Commune names as written, for the facet's labels; their keys are in facets.commune.
    communes: text("communes", { mode: "json" }).$type<string[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.kind, t.docId] }), uniqueIndex("search_entry_seq_unique").on(t.seq)],
);
export type SearchEntry = typeof searchEntry.$inferSelect;

/**
 * The content table of the search_fiche index: the original texts that snippet() and highlight()
 * read, and the stemmed copies the index was fed, kept to delete exactly what was indexed.
 */
export const searchFicheDoc = sqliteTable("search_fiche_doc", {
  ficheId: integer("fiche_id").primaryKey(),
  titre: text("titre").notNull(),
  champs: text("champs").notNull(),
  corps: text("corps").notNull(),
  facettes: text("facettes").notNull(),
  titreIndex: text("titre_index").notNull(),
  champsIndex: text("champs_index").notNull(),
  corpsIndex: text("corps_index").notNull(),
});

/** The content table of the search_acteur index, as search_fiche_doc is for fiches. */
export const searchActeurDoc = sqliteTable("search_acteur_doc", {
  acteurId: integer("acteur_id").primaryKey(),
  nom: text("nom").notNull(),
  champs: text("champs").notNull(),
  description: text("description").notNull(),
  facettes: text("facettes").notNull(),
  nomIndex: text("nom_index").notNull(),
  champsIndex: text("champs_index").notNull(),
  descriptionIndex: text("description_index").notNull(),
});

/** Small facts about the search index, such as the version of the stemmer it was built with. */
export const searchState = sqliteTable("search_state", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

/**
 * A group of search synonyms, edited by admins: a query word or phrase that is one of the
 * expressions (as typed, e.g. "CAF", "caisse d'allocations familiales") matches any of the others.
 * Expanded at query time, so that an edit needs no reindexing.
 */
export const searchSynonym = sqliteTable("search_synonym", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** JSON array of at least two expressions, as admins wrote them. */
  expressions: text("expressions", { mode: "json" }).$type<string[]>().notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});
export type SearchSynonym = typeof searchSynonym.$inferSelect;
