/**
 * What a notification tells; db/schema's notification.kind takes its values from here.
 * Mentions and replies are mailed at once; the rest go into the person's digest.
 */
export const NOTIFICATION_KINDS = [
  "mention",
  "reponse",
  "commentaire",
  "reprise",
  "fiche_modifiee",
  "fiche_publiee",
  "catalogue_modifie",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** How often a person gets the digest of what they follow. */
export const DIGEST_FREQUENCIES = ["jamais", "quotidien", "hebdomadaire"] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** Where an email stands in the outbox. Without SMTP configured, mails stay "non_configure" for admins to read. */
export const MAIL_STATUTS = ["en_attente", "envoye", "echec", "non_configure"] as const;
export type MailStatut = (typeof MAIL_STATUTS)[number];
