// The parsing half of the fiche importer: pure functions from a document to typed fiches and a
// report. Writing them to the database is the other half's job.
export { splitActeurs } from "./acteur-split";
export { canonicalActeur, normaliseActeurName } from "./acteur-names";
export { guessActeurKind } from "./acteur-typologie";
export { decodeImportFile, MAX_IMPORT_BYTES, type DecodedImportFile } from "./decode";
export { collectActeurs } from "./directory";
export { parseLivreBlanc } from "./livre-blanc";
export { parseFicheMarkdown } from "./markdown";
export { PUBLIC_RULES, THEME_RULES, suggestPublics, suggestThemes } from "./suggestions";
export * from "./types";
