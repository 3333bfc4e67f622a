import type { ActeurCategorie } from "@/lib/acteur/values";
import type { FicheActeurRole, FicheType } from "@/lib/fiche/values";

// What the import page receives from /api/import/preview and /api/import: plain JSON, shared by the
// route handlers (server/importer/preview.ts builds it) and the page's client components.

/** The fields an import writes into a fiche, in the order the preview lists them. */
export const IMPORT_FIELDS = ["titre", "source", "lienWeb", "commune", "objectif", "ebauche", "publics", "themesSuggeres", "enjeux", "acteurs", "body"] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  titre: "titre",
  source: "source",
  lienWeb: "lien web",
  commune: "commune",
  objectif: "objectif",
  ebauche: "ébauche",
  publics: "publics",
  themesSuggeres: "thèmes suggérés",
  enjeux: "enjeux",
  acteurs: "acteurs",
  body: "texte de la fiche",
};

/** The kinds of fiches an import creates, as the preview names them. */
export const IMPORTED_TYPE_LABELS: Record<FicheType, string> = { pratique: "Pratique observée", idee: "Idée à explorer", fiche_pratique: "Fiche pratique" };

/** An acteur's role on an imported fiche, in the preview's lists. */
export const IMPORTED_ROLE_LABELS: Record<FicheActeurRole, string> = {
  porteur: "porteur",
  porteur_propose: "porteur proposé",
  partenaire: "partenaire",
  financeur: "financeur",
  pressenti: "pressenti",
};

/** A refusal: a machine code, an English message (API, CLI) and a French one (the page). */
export type ImportErrorView = { code: string; message: string; messageFr: string; line?: number };

export type PreviewFiche = {
  key: string;
  titre: string;
  type: FicheType;
  action: "create" | "update" | "unchanged";
  /** The existing fiche's slug, for an update or an unchanged fiche. */
  slug: string | null;
  changes: ImportField[];
  kept: ImportField[];
  acteurs: { nom: string; role: FicheActeurRole; action: "create" | "reuse" }[];
  /** The acteurs line as written, generic acteurs included. */
  acteursRaw: string | null;
  publics: string[];
  themesSuggeres: string[];
  source: string;
  line: number;
};

export type PreviewActeur = {
  nom: string;
  action: "create" | "reuse" | "skip";
  categorie: ActeurCategorie;
  typologie: string;
  /** The directory acteur reused, when there is one. */
  existing: { nom: string; slug: string } | null;
  fiches: number;
};

export type PreviewIssue = {
  severity: "info" | "warning";
  code: string;
  message: string;
  line: number | null;
  /** The title of the fiche it is about. */
  fiche: string | null;
};

/** What an import will do, as the moderator reviews it before confirming. */
export type ImportPreview = {
  digest: string;
  document: { filename: string; title: string; format: "livre-blanc" | "markdown" };
  fiches: PreviewFiche[];
  acteurs: PreviewActeur[];
  report: PreviewIssue[];
};

export type ImportedFicheLink = { slug: string; titre: string; type: FicheType };

/** What an import did. */
export type ImportResultView = {
  created: ImportedFicheLink[];
  updated: (ImportedFicheLink & { kept: ImportField[] })[];
  unchanged: number;
  acteursCreated: { slug: string; nom: string }[];
  acteursReused: number;
};

/**
 * One line of /api/import's NDJSON stream: steps (announced to screen readers), progress through
 * the acteurs and fiches (the progress bar), then the result or an error. After an error nothing
 * was written; "plan_changed" comes with the new preview.
 */
export type ImportEvent =
  | { type: "step"; message: string }
  | { type: "progress"; done: number; total: number; label: string }
  | { type: "done"; result: ImportResultView }
  | { type: "error"; error: ImportErrorView; preview?: ImportPreview };
