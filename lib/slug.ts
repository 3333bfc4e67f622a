/**
 * Turns a French label into a URL slug: "Mettre en œuvre et évaluer" → "mettre-en-oeuvre-et-evaluer".
 * Returns "" when the label holds no letter or digit.
 */
export function slugify(label: string, maxLength = 80): string {
  return label
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "Oe")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "Ae")
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .slice(0, maxLength)
    .replace(/^-+|-+$/g, "");
}
