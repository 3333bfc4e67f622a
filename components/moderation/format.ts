/** A date and time of the moderation pages, on the Paris clock: "3 mars 2026 à 14:05". */
export function formatModerationDate(date: Date): string {
  const day = date.toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  const time = date.toLocaleTimeString("fr-FR", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });
  return `${day} à ${time}`;
}
