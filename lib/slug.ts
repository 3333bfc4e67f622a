/** Folds a text for comparison: lower case, without accents or ligatures (œ → oe). */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/œ/g, "oe")
    .replace(/Œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/Æ/g, "ae")
    .replace(/ß/g, "ss")
    .toLowerCase();
}

/**
 * The URL part built from a name: "Médiathèque Mériadeck !" → "mediatheque-meriadeck".
 * Cut at a word boundary so that URLs stay short; `fallback` when nothing is left.
 */
export function slugify(text: string, fallback = "sans-nom", maxLength = 80): string {
  let slug = foldText(text)
    .replace(/['’]/g, "-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length > maxLength) {
    const cut = slug.slice(0, maxLength + 1);
    const lastDash = cut.lastIndexOf("-");
    slug = (lastDash > maxLength / 2 ? cut.slice(0, lastDash) : cut.slice(0, maxLength)).replace(/-+$/, "");
  }
  return slug || fallback;
}

/** The first of `base`, `base-2`, `base-3`… that `isTaken` refuses. */
export function firstFreeSlug(base: string, isTaken: (slug: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}
