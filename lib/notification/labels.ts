import type { MailStatut } from "./values";

/** How the outbox page names a mail's statut. */
export const MAIL_STATUT_LABELS: Record<MailStatut, string> = {
  en_attente: "En attente",
  envoye: "Envoyé",
  echec: "Échec",
  non_configure: "Non envoyé (SMTP non configuré)",
};
