/**
 * Full-text search of the wiki. The fiche projection calls indexFiche after every change of a
 * fiche (content, links, statut, masquée); acteurs and lieux call indexActeur. See indexer.ts.
 */
export { ensureSearchIndex, indexActeur, indexDocumentsOfTerm, indexFiche, prestem, rebuildSearchIndex } from "./indexer";
export { searchWiki, type SearchOptions, type SearchOutcome } from "./search";
export { suggestSearch, type Suggestion } from "./suggest";
export type { FacetGroup, FacetOption, SearchResult } from "./results";
export { RANK_BOUND } from "./ranking";
