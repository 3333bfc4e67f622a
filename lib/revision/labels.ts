import type { RevisionReason } from "./values";

/** Why a revision was taken, as the history says it. */
export const REVISION_REASON_LABELS: Record<RevisionReason, string> = {
  creation: "Création",
  pause: "Pause dans l'édition",
  depart: "Fin de session",
  intervalle: "Enregistrement périodique",
  restauration: "Restauration",
  import: "Import",
};

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** "3 mars 2026 à 14:05", on the Paris clock whatever the server's time zone. */
export function formatRevisionDate(date: Date): string {
  return dateTime.format(date);
}

/** The reason of a revision in words; a restore names the date of the version it brought back. */
export function revisionReasonLabel(reason: RevisionReason, restoredFromCreatedAt: Date | null): string {
  if (reason === "restauration" && restoredFromCreatedAt) return `Restauration de la version du ${formatRevisionDate(restoredFromCreatedAt)}`;
  return REVISION_REASON_LABELS[reason];
}

/** "par Alice, Bob", or "auteur non renseigné" for a revision nobody signed (an import, the first start). */
export function byAuthors(authors: readonly { name: string | null }[]): string {
  return authors.length ? `par ${authorNames(authors)}` : "auteur non renseigné";
}

/** The names of a revision's authors for a list; deleted accounts and authorless revisions said so. */
export function authorNames(authors: readonly { name: string | null }[]): string {
  if (authors.length === 0) return "Non renseigné";
  return authors.map((a) => a.name ?? "Compte supprimé").join(", ");
}
