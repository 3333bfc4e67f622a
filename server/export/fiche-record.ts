import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/db/client";
import type { ExportActeurRef, ExportFicheRow, ExportLieuRef } from "@/db/queries/fiche-export";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { Licence } from "@/lib/licence";
import { getFicheDocuments } from "../collab/write";
import { parseBody } from "../fiche-html";
import type { FicheFields } from "../fiche-projection";
import { collectWikiLinkIds, flattenWikiLinks, loadWikiLinkResolvers } from "../fiche-links";
import { publicUrl } from "../config";

/** Names the JSON format of fiche exports, so that an importer knows what it reads and which version. */
export const FICHES_EXPORT_FORMAT = "wiki-solidarite-numerique/fiches";
export const FICHES_EXPORT_VERSION = 1;

/** Where and when an export was made, and under which licence its content is. */
export type ExportContext = { licence: Licence; exportedAt: Date; siteUrl: string };

export type TermValue = { slug: string; label: string };

/** A fiche as every export format describes it: the projection's fields plus its body read from the Yjs document. */
export type ExportedFiche = {
  slug: string;
  url: string;
  type: FicheType;
  titre: string;
  statut: FicheStatut;
  etat: string | null;
  /** A stub to complete. */
  ebauche: boolean;
  commune: string | null;
  quartier: string;
  lienWeb: string;
  source: string;
  objectif: TermValue | null;
  themes: TermValue[];
  /** Suggested from the text at import, not confirmed yet. */
  themesSuggeres: TermValue[];
  publics: TermValue[];
  enjeux: TermValue[];
  acteurs: ExportActeurRef[];
  lieux: ExportLieuRef[];
  /** The body as ProseMirror JSON, read from the fiche's document and checked against the fiche schema. */
  body: JSONContent;
  html: string;
  texte: string;
  createdAt: string;
  updatedAt: string;
  contentUpdatedAt: string | null;
};

const EMPTY_BODY: JSONContent = { type: "doc", content: [] };

/**
 * The body of a fiche as ProseMirror JSON, from its stored Yjs document; sanitised as the page
 * renders it, and with its wiki links turned into ordinary links to their current targets.
 */
export function readFicheBody(db: Db, ficheId: number): JSONContent {
  const stored = getFicheDocuments(db).readStored(db, ficheId);
  if (!stored) return EMPTY_BODY;
  const body = parseBody(stored.body).toJSON() as JSONContent;
  return flattenWikiLinks(body, loadWikiLinkResolvers(db, collectWikiLinkIds(body)), publicUrl());
}

const terms = (row: ExportFicheRow, taxonomy: string, suggested = false): TermValue[] =>
  row.terms.filter((t) => t.taxonomy === taxonomy && t.suggested === suggested).map(({ slug, label }) => ({ slug, label }));

/** Builds the export record of a fiche's projection rows. */
export function toExportedFiche(db: Db, row: ExportFicheRow, siteUrl: string): ExportedFiche {
  const fields = row.fields as Partial<FicheFields>;
  return {
    slug: row.slug,
    url: `${siteUrl}/fiches/${row.slug}`,
    type: row.type,
    titre: row.titre,
    statut: row.statut,
    etat: row.etat,
    ebauche: row.ebauche,
    commune: row.commune,
    quartier: fields.quartier ?? "",
    lienWeb: fields.lienWeb ?? "",
    source: fields.source ?? "",
    objectif: terms(row, "objectif")[0] ?? null,
    themes: terms(row, "theme"),
    themesSuggeres: terms(row, "theme", true),
    publics: terms(row, "public"),
    enjeux: terms(row, "enjeu"),
    acteurs: row.acteurs,
    lieux: row.lieux,
    body: readFicheBody(db, row.id),
    html: row.html,
    texte: row.texte,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    contentUpdatedAt: row.contentUpdatedAt?.toISOString() ?? null,
  };
}
