import { asc, eq, sql } from "drizzle-orm";
import * as Y from "yjs";
import { scratchDoc } from "./collab/scratch-doc";
import type { JSONContent } from "@tiptap/core";
import { yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { inIdList, perConnection, type Db } from "@/db/client";
import { acteur, fiche, ficheActeur, ficheLieu, ficheLink, ficheTerm, lieu, taxonomyTerm } from "@/db/schema";
import { FICHE_ACTEUR_ROLES, type FicheActeurRole } from "@/lib/fiche/values";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { bodyFragment, readFicheContent, readImportKey } from "@/lib/fiche/document";
import { loadDocumentState } from "./collab/persistence";
import { renderFicheBody } from "./fiche-html";
import { collectWikiLinkIds, loadWikiLinkTargets, refreshFichesCitingFiche, wikiLinkResolvers, type WikiLinkIds, type WikiLinkTargets } from "./fiche-links";
import { indexFiche, prestem } from "./search";
import { transactionWriting } from "@/db/documents-file";

/**
 * The fields of a fiche kept in its `fields` JSON column, the ones without a column of their own;
 * `importKey` only on an imported fiche, for the importer to find it again.
 */
export type FicheFields = {
  quartier: string;
  lienWeb: string;
  source: string;
  /** The opening words of the body, headings left out, for lists. */
  extrait: string;
  importKey?: string;
};

type Projection = {
  titre: string;
  commune: string | null;
  etat: string | null;
  ebauche: boolean;
  fields: FicheFields;
  html: string;
  texte: string;
  acteurs: { acteurId: number; role: FicheActeurRole }[];
  terms: TermRow[];
  lieuIds: number[];
  /** The body's wiki links to fiches and acteurs that exist. */
  links: LinkRow[];
};

type TermRow = { termId: number; suggested: boolean };

type LinkRow = { targetFicheId: number | null; targetActeurId: number | null };

const oneLine = (value: string, max: number) => value.replace(/\s+/g, " ").trim().slice(0, max);

/** Which of the ids exist, ascending, from a statement prepared once (see projectionStatements). */
function existingIds(statement: { all(values: { ids: string }): { id: number }[] }, ids: number[]): number[] {
  return ids.length === 0 ? [] : statement.all({ ids: JSON.stringify(ids) }).map((r) => r.id);
}

function existingTermIds(
  statement: { all(values: { ids: string }): { id: number; taxonomy: Taxonomy }[] },
  wanted: { taxonomy: Taxonomy; ids: number[] }[],
): number[] {
  const all = [...new Set(wanted.flatMap((w) => w.ids))];
  if (all.length === 0) return [];
  const rows = statement.all({ ids: JSON.stringify(all) });
  const taxonomyOf = new Map(rows.map((r) => [r.id, r.taxonomy]));
  // A term id is kept only under the taxonomy it was chosen for: a theme id in "publics" is ignored.
  const kept = wanted.flatMap((w) => w.ids.filter((id) => taxonomyOf.get(id) === w.taxonomy));
  return [...new Set(kept)].sort((a, b) => a - b);
}

type ReadDocument = { content: ReturnType<typeof readFicheContent>; importKey: string | null; body: JSONContent; linkIds: WikiLinkIds };

function readDocument(doc: Y.Doc): ReadDocument {
  const body = yXmlFragmentToProsemirrorJSON(bodyFragment(doc));
  return { content: readFicheContent(doc), importKey: readImportKey(doc), body, linkIds: collectWikiLinkIds(body) };
}

/** What a projection reads from the database besides the fiche's own rows: which ids exist, and what links show. */
type ProjectionInputs = { acteurIds: number[]; lieuIds: number[]; termIds: number[]; suggestedThemeIds: number[]; links: WikiLinkTargets };

function loadProjectionInputs(db: Db, { content, linkIds }: ReadDocument): ProjectionInputs {
  const statements = projectionStatements(db);
  return {
    acteurIds: existingIds(statements.acteurs, content.acteurs.map((a) => a.acteurId)),
    lieuIds: existingIds(statements.lieux, content.lieux),
    termIds: existingTermIds(statements.terms, [
      { taxonomy: "theme", ids: content.themes },
      { taxonomy: "public", ids: content.publics },
      { taxonomy: "enjeu", ids: content.enjeux },
      { taxonomy: "objectif", ids: content.objectif === null ? [] : [content.objectif] },
    ]),
    suggestedThemeIds: existingTermIds(statements.terms, [{ taxonomy: "theme", ids: content.themesSuggeres }]),
    links: loadWikiLinkTargets(db, linkIds),
  };
}

/** The body's links to fiches and acteurs that exist: fiche links first, then acteur links, each by id. */
function linkRows({ ficheIds, acteurIds }: WikiLinkIds, targets: WikiLinkTargets): LinkRow[] {
  const fiches = new Set(targets.fiches.map((f) => f.id));
  const acteurs = new Set(targets.acteurs.map((a) => a.id));
  return [
    ...ficheIds.filter((id) => fiches.has(id)).map((id) => ({ targetFicheId: id, targetActeurId: null })),
    ...acteurIds.filter((id) => acteurs.has(id)).map((id) => ({ targetFicheId: null, targetActeurId: id })),
  ];
}

// Pure: what the database holds comes in `inputs`, so that it can be computed outside the write transaction.
function buildProjection(ficheId: number, { content, importKey, body, linkIds }: ReadDocument, inputs: ProjectionInputs): Projection {
  const acteurIds = new Set(inputs.acteurIds);
  const titre = oneLine(content.titre, 300);
  const { html, texte, extrait } = renderFicheBody(body, wikiLinkResolvers(inputs.links, { id: ficheId, titre }));
  return {
    titre,
    commune: oneLine(content.commune, 200) || null,
    etat: content.etat,
    ebauche: content.ebauche,
    fields: {
      quartier: oneLine(content.quartier, 200),
      lienWeb: oneLine(content.lienWeb, 2000),
      source: content.source.trim().slice(0, 2000),
      extrait,
      ...(importKey ? { importKey } : {}),
    },
    html,
    texte,
    acteurs: content.acteurs.filter((a) => acteurIds.has(a.acteurId) && (FICHE_ACTEUR_ROLES as readonly string[]).includes(a.role)),
    terms: termRows(inputs),
    lieuIds: inputs.lieuIds,
    links: linkRows(linkIds, inputs.links),
  };
}

/** Confirmed terms, then the suggested themes nobody has confirmed yet, by id. */
function termRows({ termIds, suggestedThemeIds }: ProjectionInputs): TermRow[] {
  const confirmed = new Set(termIds);
  return [
    ...termIds.map((termId) => ({ termId, suggested: false })),
    ...suggestedThemeIds.filter((id) => !confirmed.has(id)).map((termId) => ({ termId, suggested: true })),
  ].sort((a, b) => a.termId - b.termId);
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * A projection's statements, prepared once per connection: it runs at every pause in typing, and
 * building the SQL and preparing it at each call was about a third of its time.
 */
function prepareProjectionStatements(db: Db) {
  const ficheId = sql.placeholder("ficheId");
  return {
    acteurs: db.select({ id: acteur.id }).from(acteur).where(inIdList(acteur.id, "ids")).orderBy(acteur.id).prepare(),
    lieux: db.select({ id: lieu.id }).from(lieu).where(inIdList(lieu.id, "ids")).orderBy(lieu.id).prepare(),
    terms: db.select({ id: taxonomyTerm.id, taxonomy: taxonomyTerm.taxonomy }).from(taxonomyTerm).where(inIdList(taxonomyTerm.id, "ids")).prepare(),
    currentRow: db
      .select({ titre: fiche.titre, commune: fiche.commune, etat: fiche.etat, ebauche: fiche.ebauche, fields: fiche.fields, html: fiche.html, texte: fiche.texte })
      .from(fiche)
      .where(eq(fiche.id, ficheId))
      .prepare(),
    currentActeurs: db
      .select({ acteurId: ficheActeur.acteurId, role: ficheActeur.role })
      .from(ficheActeur)
      .where(eq(ficheActeur.ficheId, ficheId))
      .orderBy(ficheActeur.acteurId)
      .prepare(),
    currentTerms: db
      .select({ termId: ficheTerm.termId, suggested: ficheTerm.suggested })
      .from(ficheTerm)
      .where(eq(ficheTerm.ficheId, ficheId))
      .orderBy(ficheTerm.termId)
      .prepare(),
    currentLieux: db.select({ id: ficheLieu.lieuId }).from(ficheLieu).where(eq(ficheLieu.ficheId, ficheId)).orderBy(ficheLieu.lieuId).prepare(),
    currentLinks: db
      .select({ targetFicheId: ficheLink.targetFicheId, targetActeurId: ficheLink.targetActeurId })
      .from(ficheLink)
      .where(eq(ficheLink.ficheId, ficheId))
      .orderBy(asc(ficheLink.targetActeurId), asc(ficheLink.targetFicheId))
      .prepare(),
    // Placeholders in SQL, not bare, so that they type-check: the values are then not encoded by
    // their columns, and projectFiche encodes them (column.mapToDriverValue).
    updateRow: db
      .update(fiche)
      .set({
        titre: sql`${sql.placeholder("titre")}`,
        commune: sql`${sql.placeholder("commune")}`,
        etat: sql`${sql.placeholder("etat")}`,
        ebauche: sql`${sql.placeholder("ebauche")}`,
        fields: sql`${sql.placeholder("fields")}`,
        html: sql`${sql.placeholder("html")}`,
        texte: sql`${sql.placeholder("texte")}`,
        contentUpdatedAt: sql`${sql.placeholder("contentUpdatedAt")}`,
      })
      .where(eq(fiche.id, ficheId))
      .prepare(),
  };
}

const projectionStatements = perConnection(prepareProjectionStatements);

/**
 * Rebuilds, in one transaction, a fiche's content columns and its links to acteurs, terms, lieux
 * and (fiche_link) the fiches and acteurs its body links to, from its Yjs document, then its search entry, ignoring ids
 * that no longer exist. Nothing else writes these (server/fiche-links only re-renders the body
 * columns when a link's target changes). Returns whether anything changed; contentUpdatedAt moves
 * only then. A new title re-renders the fiches that cite this one.
 */
export function projectFiche(db: Db, ficheId: number, doc: Y.Doc): boolean {
  const read = readDocument(doc);
  // Rendering is the costly part: it is done before the write transaction, from what the database
  // holds now, and again inside only if that changed meanwhile. The write lock, which the socket's
  // thread may be waiting for, is held for the checks and the writes alone. An acteur, term, lieu
  // or linked fiche deleted meanwhile is still never linked, and links show their targets' titles
  // as they are when this commits.
  const inputs = loadProjectionInputs(db, read);
  let next = buildProjection(ficheId, read, inputs);
  const stems = prestem([next.titre, next.texte]);
  // The main file's write lock only: the socket's appends to the documents file go on meanwhile.
  return transactionWriting(db, "main", () => {
    const current = loadProjectionInputs(db, read);
    if (!sameJson(current, inputs)) next = buildProjection(ficheId, read, current);
    const statements = projectionStatements(db);
    const row = statements.currentRow.get({ ficheId });
    if (!row) return false;
    const acteurs = statements.currentActeurs.all({ ficheId });
    const terms = statements.currentTerms.all({ ficheId });
    const lieuIds = statements.currentLieux.all({ ficheId }).map((r) => r.id);
    const links = statements.currentLinks.all({ ficheId });

    const columnsChanged =
      row.titre !== next.titre ||
      row.commune !== next.commune ||
      row.etat !== next.etat ||
      row.ebauche !== next.ebauche ||
      row.html !== next.html ||
      row.texte !== next.texte ||
      !sameJson(row.fields, next.fields);
    const acteursChanged = !sameJson(acteurs, next.acteurs);
    const termsChanged = !sameJson(terms, next.terms);
    const lieuxChanged = !sameJson(lieuIds, next.lieuIds);
    // Fiche links first, then acteur links, each by id: the order of the query above (nulls first).
    const linksChanged = !sameJson(links, next.links);
    if (!columnsChanged && !acteursChanged && !termsChanged && !lieuxChanged && !linksChanged) return false;

    statements.updateRow.run({
      ficheId,
      titre: next.titre,
      commune: next.commune,
      etat: next.etat,
      ebauche: fiche.ebauche.mapToDriverValue(next.ebauche),
      fields: fiche.fields.mapToDriverValue(next.fields),
      html: next.html,
      texte: next.texte,
      contentUpdatedAt: fiche.contentUpdatedAt.mapToDriverValue(new Date()),
    });
    if (acteursChanged) {
      db.delete(ficheActeur).where(eq(ficheActeur.ficheId, ficheId)).run();
      if (next.acteurs.length) db.insert(ficheActeur).values(next.acteurs.map((a) => ({ ficheId, ...a }))).run();
    }
    if (termsChanged) {
      db.delete(ficheTerm).where(eq(ficheTerm.ficheId, ficheId)).run();
      if (next.terms.length) db.insert(ficheTerm).values(next.terms.map((t) => ({ ficheId, ...t }))).run();
    }
    if (lieuxChanged) {
      db.delete(ficheLieu).where(eq(ficheLieu.ficheId, ficheId)).run();
      if (next.lieuIds.length) db.insert(ficheLieu).values(next.lieuIds.map((lieuId) => ({ ficheId, lieuId }))).run();
    }
    if (linksChanged) {
      db.delete(ficheLink).where(eq(ficheLink.ficheId, ficheId)).run();
      if (next.links.length) db.insert(ficheLink).values(next.links.map((l) => ({ ficheId, ...l }))).run();
    }
    if (row.titre !== next.titre) refreshFichesCitingFiche(db, ficheId, [ficheId]);
    // The search index is derived from these rows: an edit is searchable as soon as it is projected.
    indexFiche(db, ficheId, stems);
    return true;
  });
}

/** Loads a fiche's stored document and projects it (for tools and repairs); false when nothing is stored. */
export function projectFicheFromStorage(db: Db, ficheId: number): boolean {
  const state = loadDocumentState(db, ficheId);
  if (!state) return false;
  const doc = scratchDoc();
  try {
    Y.applyUpdate(doc, state);
    projectFiche(db, ficheId, doc);
    return true;
  } finally {
    doc.destroy();
  }
}
