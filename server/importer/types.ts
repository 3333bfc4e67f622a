import type { ActeurCategorie } from "@/lib/acteur/values";
import type { FicheActeurRole, FicheType } from "@/lib/fiche/values";
import type { ActeurTypologie } from "@/lib/acteur/labels";

// The parsing half of the fiche importer produces these plain objects; the database-writing half
// maps them onto fiche, acteur and taxonomy rows. Nothing here touches the database.

/** The fiche types an imported document can hold: the Livre blanc gives pratiques and idées, Markdown all three. */
export type ImportedFicheType = FicheType;

/** The citation of the Livre blanc, as it should appear in a fiche's source. */
export const LIVRE_BLANC_DOCUMENT = "Livre blanc de la Solidarité numérique de Bordeaux (Ville de Bordeaux, 2016)";

/** Where a fiche was read: the document, its section (annex or chapter) and the 1-based line of its title. */
export type FicheSource = { document: string; section: string; line: number };

/** A block of a text field, in document order. */
export type FicheTextBlock = { kind: "paragraph"; text: string } | { kind: "list"; items: string[] };

/** A multi-paragraph field (descriptif, éléments spécifiques): its blocks and a plain-text rendering. */
export type FicheTextField = {
  /** Paragraphs separated by a blank line, list items as "- " lines. */
  text: string;
  blocks: FicheTextBlock[];
};

/** A web link found in a fiche: `texte` as written, `url` with a scheme ("http://" added when missing). */
export type ImportedLien = { texte: string; url: string };

/** A suggested taxonomy term and the words of the text that triggered it. */
export type { SuggestedTerm } from "@/lib/taxonomy/classifier";
import type { SuggestedTerm } from "@/lib/taxonomy/classifier";

/** One acteur cut out of a fiche's "Acteurs" line. */
export type ParsedActeur = {
  /** The piece of the raw line this acteur came from. */
  source: string;
  /** The name as written, cleaned of articles, trailing "…" and parentheses. */
  nom: string;
  /** An acronym given in parentheses ("FO") or the name itself when it is one and is expanded. */
  sigle: string | null;
  /** Other parenthetical text: a service, an expansion, a description. */
  precision: string | null;
  /** The organisation this one is a service of ("Ville de Bordeaux" for its Atelier informatique). */
  organisation: string | null;
  /** normaliseActeurName(nom): equal keys are the same directory acteur. */
  key: string;
  /** Not an identifiable organisation ("acteurs associatifs", "Mairie" alone): keep on the fiche, not in the directory. */
  generic: boolean;
  /** The role suggested on the fiche: idées name "pressenti" acteurs, "avec le soutien de" names partners. */
  role: FicheActeurRole;
  categorie: ActeurCategorie;
  typologie: ActeurTypologie;
  /** False when no rule recognised the name and the catégorie is a fallback. */
  confident: boolean;
  /** The rule that decided the catégorie and typologie, in French for the reviewer, and in English. */
  reason: string;
  reasonEn: string;
};

/** An acteur of the directory, deduplicated over all imported fiches. */
export type ActeurDirectoryEntry = {
  key: string;
  nom: string;
  sigle: string | null;
  organisation: string | null;
  categorie: ActeurCategorie;
  typologie: ActeurTypologie;
  confident: boolean;
  reason: string;
  reasonEn: string;
  /** Every spelling met in the document. */
  variantes: string[];
  /** Keys of the fiches naming it. */
  fiches: string[];
};

/** How the same fiche reads in a body chapter of the Livre blanc, when the annex holds the canonical one. */
export type FicheChapterVersion = {
  source: FicheSource;
  titreSource: string;
  acteursRaw: string | null;
  cible: string | null;
  descriptif: string | null;
};

/** A fiche read from a document, ready to be written as a draft. */
export type ImportedFiche = {
  /** `${type}:${slug of the title}`: stable across re-imports, used to update instead of duplicating. */
  key: string;
  type: ImportedFicheType;
  /** The title in sentence case (all-capital titles re-cased from the document's own spelling of each word). */
  titre: string;
  /** The title as written, its lines joined by a space. */
  titreSource: string;
  /** Other titles the same fiche has in the document (a body chapter may name it differently). */
  titresAlternatifs: string[];
  acteursRaw: string | null;
  acteurs: ParsedActeur[];
  /** The commune the action takes place in, read from the text (commune.ts), or null. */
  commune: string | null;
  /** "Intervenants" line, kept apart: people rather than organisations. */
  intervenantsRaw: string | null;
  /** "Cible" or "Public concerné", as written. */
  cible: string | null;
  descriptif: FicheTextField | null;
  elementsSpecifiques: FicheTextField | null;
  /** Every list item of the descriptif and the éléments spécifiques, in order. */
  bullets: string[];
  /** For an idée: the list items of its descriptif (the proposed pistes). Empty for a pratique. */
  pistes: string[];
  liens: ImportedLien[];
  source: FicheSource;
  /** Other places the fiche appears in the document. */
  autresSources: FicheSource[];
  versionsChapitre: FicheChapterVersion[];
  /** Enjeu slugs of the chapters illustrated by the fiche (taxonomy "enjeu"). */
  enjeux: string[];
  themes: SuggestedTerm[];
  publics: SuggestedTerm[];
  /** Where the canonical version was read. */
  origine: "annexe" | "chapitre" | "markdown";
  /** Set by Markdown only (the Livre blanc has none of these): the "Objectif :" value as written (label or slug) and its line. */
  objectif?: { value: string; line: number };
  /** The "Source :" line: the citation the fiche carries instead of the file name. */
  citation?: string | null;
  /** "Ébauche : oui": a stub to complete. */
  ebauche?: boolean;
  /** "Dans la suite de :": titles of existing fiches this one continues, with the line naming them. */
  suite?: { titre: string; line: number }[];
};

/** An entry of the import report, shown to the moderator who reviews the import. */
export type ImportIssue = {
  severity: "info" | "warning";
  code: ImportIssueCode;
  messageFr: string;
  messageEn: string;
  ficheKey?: string;
  line?: number;
};

export const IMPORT_ISSUE_CODES = [
  "title_joined",
  "missing_acteur",
  "missing_cible",
  "missing_descriptif",
  "acteur_generic",
  // An idée's "Mairie", "CCAS" or "Métropole" alone, linked to the Bordeaux acteur it stands for.
  "acteur_generic_linked",
  // Several spellings of one organisation, made one acteur.
  "acteur_merged",
  "acteur_categorie_guessed",
  "acteur_categorie_uncertain",
  "page_break_stitched",
  "duplicate_merged",
  "field_from_chapter",
  "chapter_only",
  "block_ignored",
  "duplicate_key",
  "section_not_found",
  "type_missing",
  "no_fiche",
  "acteur_role_inferred",
  "commune_uncertain",
  "commune_missing",
  "line_invalid",
  // Found while planning the import against the database (server/importer/plan.ts):
  "acteur_existing",
  "acteur_invalid",
  "similar_fiche",
  "import_key_duplicate",
  "edit_kept",
  "objectif_unknown",
  "suite_unresolved",
  "suite_ambiguous",
] as const;
export type ImportIssueCode = (typeof IMPORT_ISSUE_CODES)[number];

/** What a parser returns. */
export type ImportResult = { fiches: ImportedFiche[]; report: ImportIssue[] };

/** A file that cannot be read as text: a machine code, an English and a French message. */
export type ImportError = {
  code: ImportErrorCode;
  message: string;
  messageFr: string;
  line?: number;
};

export const IMPORT_ERROR_CODES = [
  "empty_file",
  "file_too_large",
  "pdf_file",
  "office_document",
  "binary_file",
  "utf16_not_supported",
  "invalid_utf8",
  // Refused after decoding (server/importer/read-file.ts):
  "unsupported_file_type",
  "formula_injection",
  "incomplete_document",
  "no_fiche",
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];
