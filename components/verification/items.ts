import type { VerificationActeur, VerificationFiche, VerificationTerm } from "@/server/verification";

/** One thing of a fiche the moderator confirms or corrects, in the order the page lists them. */
export type ReviewItem =
  | { key: string; kind: "titre"; value: string }
  | { key: string; kind: "commune"; value: string }
  | { key: string; kind: "acteur"; acteur: VerificationActeur }
  | { key: string; kind: "public"; term: VerificationTerm }
  | { key: string; kind: "theme"; term: VerificationTerm };

/** What the moderator made of an item that stays on the fiche; an item rejected leaves the list. */
export type ReviewMark = "confirme" | "corrige";

/** The items to review on a fiche: title, commune, acteurs, publics, then the suggested themes. */
export function reviewItemsOf(fiche: VerificationFiche): ReviewItem[] {
  return [
    { key: "titre", kind: "titre", value: fiche.titre },
    ...(fiche.hasCommune ? [{ key: "commune", kind: "commune" as const, value: fiche.commune }] : []),
    ...fiche.acteurs.map((acteur) => ({ key: `acteur:${acteur.acteurId}`, kind: "acteur" as const, acteur })),
    ...fiche.publics.map((term) => ({ key: `public:${term.id}`, kind: "public" as const, term })),
    ...fiche.themesSuggeres.map((term) => ({ key: `theme:${term.id}`, kind: "theme" as const, term })),
  ];
}

/** The item as the buttons' names say it: « le thème « Culture » », « l'acteur Emmaüs Connect »… */
export function itemName(item: ReviewItem): string {
  switch (item.kind) {
    case "titre":
      return "le titre";
    case "commune":
      return "la commune";
    case "acteur":
      return `l'acteur ${item.acteur.nom}`;
    case "public":
      return `le public « ${item.term.label} »`;
    case "theme":
      return `le thème « ${item.term.label} »`;
  }
}
