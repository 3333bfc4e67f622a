import { CATALOGUE_TITRE_MAX } from "@/lib/schemas/catalogue";

// A copy of "X (copie)" is "X (copie 2)", not "X (copie) (copie)": the suffix is counted, never stacked.
const COPY_SUFFIX = /\s*\(copie(?: \d+)?\)$/;

/** The title a catalogue's original would have without its "(copie)" or "(copie N)" suffix. */
export function copyBase(titre: string): string {
  return titre.replace(COPY_SUFFIX, "").trim() || titre.trim();
}

/**
 * The title of a new copy of a catalogue titled `titre`: "X (copie)", then "X (copie 2)", "X (copie 3)"…
 * the first one `isTaken` refuses; the base is shortened so that the title keeps within the schema's cap.
 */
export function copyTitre(titre: string, isTaken: (candidate: string) => boolean): string {
  const base = copyBase(titre);
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? " (copie)" : ` (copie ${n})`;
    const kept = base.slice(0, CATALOGUE_TITRE_MAX - suffix.length).replace(/[\uD800-\uDBFF]$/, "").trimEnd();
    const candidate = `${kept}${suffix}`;
    if (!isTaken(candidate)) return candidate;
  }
}
