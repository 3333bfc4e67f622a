/** What the advice reads of a lieu: its own ways to be reached, and whether it gives hours. */
export type ContactLieu = {
  telephone: string | null;
  courriels: string[];
  siteWeb: string[];
  horaires: string | null;
};

/** What the advice reads of the lieu's acteur, used when the lieu gives no way to be reached. */
export type ContactActeur = {
  nom: string;
  telephone: string | null;
  courriel: string | null;
  siteWeb: string | null;
};

type From = "lieu" | "acteur";

/** How the person gets in touch with a lieu, the same on the results, the printed sheet and its PDF. */
export type ContactAdvice = {
  /** The first way that exists, in this order: phone, email, website, going there. */
  means: "telephone" | "courriel" | "site" | "sur-place";
  /** The lieu's phone, else its acteur's. */
  telephone: { number: string; from: From } | null;
  /** The lieu's addresses, else its acteur's. */
  courriels: { addresses: string[]; from: From } | null;
  /** The lieu's first website, else its acteur's. */
  siteWeb: { url: string; from: From } | null;
  /** The advice as a clause that follows a comma: « téléphonez au 05 56 11 22 33 avant de vous déplacer ». */
  clause: string;
  /** The same advice as a sentence. */
  sentence: string;
};

/** A website as people read and type it: no scheme, no trailing slash. */
export const siteLabel = (url: string): string => url.replace(/^https?:\/\//, "").replace(/\/$/, "");

const present = (value: string | null | undefined): string | null => value?.trim() || null;

/**
 * Tells how to reach a lieu before going, with the number, address or site it names: the lieu's
 * own, else its acteur's. Never asks to phone without giving the number to call.
 */
export function contactAdvice(lieu: ContactLieu, acteur: ContactActeur): ContactAdvice {
  const lieuTelephone = present(lieu.telephone);
  const acteurTelephone = present(acteur.telephone);
  const telephone = lieuTelephone
    ? { number: lieuTelephone, from: "lieu" as const }
    : acteurTelephone
      ? { number: acteurTelephone, from: "acteur" as const }
      : null;

  const lieuCourriels = lieu.courriels.map((c) => c.trim()).filter(Boolean);
  const acteurCourriel = present(acteur.courriel);
  const courriels = lieuCourriels.length
    ? { addresses: lieuCourriels, from: "lieu" as const }
    : acteurCourriel
      ? { addresses: [acteurCourriel], from: "acteur" as const }
      : null;

  const lieuSite = lieu.siteWeb.map((s) => s.trim()).find(Boolean);
  const acteurSite = present(acteur.siteWeb);
  const siteWeb = lieuSite ? { url: lieuSite, from: "lieu" as const } : acteurSite ? { url: acteurSite, from: "acteur" as const } : null;

  // The acteur is named when the means is its own: the person calls a standard, not the lieu.
  const of = (from: From) => (from === "acteur" ? ` (${acteur.nom})` : "");
  let means: ContactAdvice["means"];
  let clause: string;
  if (telephone) {
    means = "telephone";
    clause = `téléphonez${telephone.from === "acteur" ? ` à ${acteur.nom}` : ""} au ${telephone.number} avant de vous déplacer`;
  } else if (courriels) {
    means = "courriel";
    clause = `écrivez à ${courriels.addresses[0]}${of(courriels.from)} avant de vous déplacer`;
  } else if (siteWeb) {
    means = "site";
    clause = `consultez le site ${siteLabel(siteWeb.url)}${of(siteWeb.from)} avant de vous déplacer`;
  } else {
    means = "sur-place";
    clause = present(lieu.horaires) ? "présentez-vous aux horaires d'ouverture" : "présentez-vous à l'adresse indiquée";
  }
  return { means, telephone, courriels, siteWeb, clause, sentence: `${clause[0].toUpperCase()}${clause.slice(1)}.` };
}
