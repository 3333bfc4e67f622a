// The fiche importer. The parsing half: pure functions from a document to typed fiches and a
// report. The database half: readImportFile picks the format and refuses broken files, planImport
// says what an import would do, applyImport writes it in one transaction, seedLivreBlanc runs it
// on first start.
export { applyImport, type ImportOutcome, type ImportProgress } from "./apply";
export { planImport, type ImportPlan, type PlannedActeur, type PlannedFiche } from "./plan";
export { readImportFile, LIVRE_BLANC_DOCUMENT_ID, type ImportDocument, type ImportFile } from "./read-file";
export { LIVRE_BLANC_SEED_FILE, seedLivreBlanc } from "./seed";
export { splitActeurs } from "./acteur-split";
export { canonicalActeur, normaliseActeurName } from "./acteur-names";
export { guessActeurKind } from "./acteur-typologie";
export { decodeImportFile, fileTooLargeError, MAX_IMPORT_BYTES, type DecodedImportFile } from "./decode";
export { collectActeurs } from "./directory";
export { parseLivreBlanc } from "./livre-blanc";
export { parseFicheMarkdown } from "./markdown";
export { PUBLIC_RULES, THEME_RULES, suggestPublics, suggestThemes } from "@/lib/taxonomy/classifier";
export * from "./types";
