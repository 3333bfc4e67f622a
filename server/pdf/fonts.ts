import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

/** The styles the wiki's PDFs write in. */
export type FontStyle = "regular" | "bold" | "italic";

// Atkinson Hyperlegible, the wiki's own face, embedded so that every reader shows the same glyphs and
// extracts the same text (PDF/UA forbids relying on a reader's fonts). pdfkit reads WOFF through fontkit.
const FILES: Record<FontStyle, string> = {
  regular: "atkinson-hyperlegible-latin-400-normal.woff",
  bold: "atkinson-hyperlegible-latin-700-normal.woff",
  italic: "atkinson-hyperlegible-latin-400-italic.woff",
};

// Resolved from the package, not from the working directory: the same path for tsx, Vitest and Next's server bundle.
const resolvePackageFile = createRequire(import.meta.url).resolve;

let loaded: Record<FontStyle, Buffer> | null = null;

/** The font files, read once per process. */
export function pdfFonts(): Record<FontStyle, Buffer> {
  loaded ??= {
    regular: readFileSync(resolvePackageFile(`@fontsource/atkinson-hyperlegible/files/${FILES.regular}`)),
    bold: readFileSync(resolvePackageFile(`@fontsource/atkinson-hyperlegible/files/${FILES.bold}`)),
    italic: readFileSync(resolvePackageFile(`@fontsource/atkinson-hyperlegible/files/${FILES.italic}`)),
  };
  return loaded;
}
