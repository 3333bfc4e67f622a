// What the lieux import page receives from /api/import-lieux/preview and /api/import-lieux: plain
// JSON, built by server/import-lieux/view.ts and shown by components/lieu/LieuxImport*.

/** A refusal: a machine code, an English message (API, CLI) and a French one (the page), and where. */
export type LieuxImportErrorView = { code: string; message: string; messageFr: string; line?: number; column?: string };

export type LieuxImportRowView = {
  line: number;
  nom: string;
  acteur: string | null;
  action: "create" | "update" | "unchanged" | "skip";
  /** French labels of the fields an update changes. */
  changes: string[];
  problems: { column: string; message: string }[];
  /** The acteur page of a written lieu, once imported. */
  href: string | null;
};

export type LieuxImportActeurView = { nom: string; action: "create" | "update" | "reuse"; href: string | null };

/** A preview (nothing written yet, `digest` to confirm it) or the result of an import (`done`). */
export type LieuxImportView = {
  filename: string;
  digest: string;
  done: boolean;
  counts: { create: number; update: number; unchanged: number; skip: number; acteursCreate: number; acteursUpdate: number; acteursReuse: number };
  acteurs: LieuxImportActeurView[];
  rows: LieuxImportRowView[];
  notes: string[];
};
