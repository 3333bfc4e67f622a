import { readFileSync } from "node:fs";

/** The styles the wiki's PDFs write in. */
export type FontStyle = "regular" | "bold" | "italic";

let loaded: Record<FontStyle, Buffer> | null = null;

/**
 * Atkinson Hyperlegible, the wiki's own face, read once per process: embedded so that every reader
 * shows the same glyphs and extracts the same text (PDF/UA forbids relying on a reader's fonts).
 */
export function pdfFonts(): Record<FontStyle, Buffer> {
  // Each file is a literal `new URL(…, import.meta.url)` read in place: Turbopack then copies it next
  // to the server bundle and traces nothing else, while tsx and Vitest read node_modules directly.
  // createRequire().resolve of the package's "./files/*" export fails Turbopack's resolver at build time.
  loaded ??= {
    regular: readFileSync(new URL("../../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-normal.woff", import.meta.url)),
    bold: readFileSync(new URL("../../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-700-normal.woff", import.meta.url)),
    italic: readFileSync(new URL("../../node_modules/@fontsource/atkinson-hyperlegible/files/atkinson-hyperlegible-latin-400-italic.woff", import.meta.url)),
  };
  return loaded;
}
