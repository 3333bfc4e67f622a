import { and, asc, eq, gt, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur, fiche, taxonomyTerm } from "@/db/schema";
import type { FicheContent } from "@/lib/fiche/document";
import { FIELD_TYPES } from "@/lib/fiche/content-rules";
import { acteurRolesFor } from "@/lib/fiche/labels";
import type { FicheActeurRole, FicheStatut, FicheType } from "@/lib/fiche/values";
import { canModerate } from "@/lib/policies/moderation";
import type { Viewer } from "@/lib/policies/viewer";
import type { CompleteVerificationInput, VerificationDecision } from "@/lib/schemas/verification";
import { authorize, type Actor } from "./authorize";
import { getFicheDocuments } from "./collab/write";
import { DomainError } from "./errors";
import { setFicheAVerifier } from "./fiche";
import { getFicheSourceText, type FicheSourceText } from "./verification-source";

/*
 * The moderators' review queue of imported fiches (« À vérifier »). An imported fiche is one whose
 * document carries an import key (projected as fields.importKey) and that was not merged into
 * another. It is verified once « à vérifier » is cleared. Content decisions go through the
 * document service, the flag through server/fiche.ts: both are safe to repeat, so two moderators
 * on the same fiche merge their work instead of failing.
 */

const importKey = sql<string | null>`json_extract(${fiche.fields}, '$.importKey')`;
const isImported = and(isNotNull(importKey), isNull(fiche.redirectToId));

function authorizeModerator(actor: Actor): void {
  authorize(actor, canModerate, "Seuls les modérateurs vérifient les fiches importées.", "Only moderators review imported fiches.");
}

/** How far the review has gone: imported fiches no longer « à vérifier », out of all imported fiches. */
export type VerificationProgress = { verified: number; total: number };

/** The progress figure of the queue (see VerificationProgress). */
export function getVerificationProgress(db: Db, actor: Actor): VerificationProgress {
  authorizeModerator(actor);
  const row = db
    .select({ total: sql<number>`count(*)`, verified: sql<number>`coalesce(sum(case when ${fiche.aVerifier} then 0 else 1 end), 0)` })
    .from(fiche)
    .where(isImported)
    .get();
  return { verified: Number(row?.verified ?? 0), total: Number(row?.total ?? 0) };
}

/** The next fiche to review after `after` (a fiche reviewed or skipped), wrapping round; null when none waits. */
export function getNextFicheToVerify(db: Db, actor: Actor, after?: number): number | null {
  authorizeModerator(actor);
  const waiting = and(isImported, eq(fiche.aVerifier, true));
  const first = (where: typeof waiting) => db.select({ id: fiche.id }).from(fiche).where(where).orderBy(asc(fiche.id)).limit(1).get()?.id ?? null;
  return (after !== undefined ? first(and(waiting, gt(fiche.id, after))) : null) ?? first(waiting);
}

export type VerificationTerm = { id: number; label: string };
export type VerificationActeur = { acteurId: number; nom: string; slug: string | null; role: FicheActeurRole };

/** What the import wrote into the fiche, for when its source text is not kept. */
export type ImportedValuesView = { titre: string; commune: string; source: string; publics: VerificationTerm[]; themesSuggeres: VerificationTerm[]; acteurs: VerificationActeur[] };

/** A fiche as the review page shows it: its current content, labelled, and where it came from. */
export type VerificationFiche = {
  id: number;
  slug: string;
  type: FicheType;
  statut: FicheStatut;
  aVerifier: boolean;
  titre: string;
  commune: string;
  /** Whether this type of fiche has a commune at all. */
  hasCommune: boolean;
  acteurs: VerificationActeur[];
  /** The roles an acteur may take on this type of fiche. */
  roles: FicheActeurRole[];
  publics: VerificationTerm[];
  themes: VerificationTerm[];
  themesSuggeres: VerificationTerm[];
  importKey: string;
  source: FicheSourceText;
  imported: ImportedValuesView | null;
};

function termsById(db: Db, ids: number[]): VerificationTerm[] {
  if (ids.length === 0) return [];
  const rows = db.select({ id: taxonomyTerm.id, label: taxonomyTerm.label }).from(taxonomyTerm).where(inArray(taxonomyTerm.id, ids)).all();
  const labels = new Map(rows.map((r) => [r.id, r.label]));
  return ids.map((id) => ({ id, label: labels.get(id) ?? `Terme n° ${id} (supprimé)` }));
}

function acteursById(db: Db, links: { acteurId: number; role: FicheActeurRole }[]): VerificationActeur[] {
  if (links.length === 0) return [];
  const ids = links.map((l) => l.acteurId);
  const rows = new Map(db.select({ id: acteur.id, nom: acteur.nom, slug: acteur.slug }).from(acteur).where(inArray(acteur.id, ids)).all().map((r) => [r.id, r]));
  return links
    .map((l) => ({ ...l, nom: rows.get(l.acteurId)?.nom ?? `Acteur n° ${l.acteurId} (supprimé)`, slug: rows.get(l.acteurId)?.slug ?? null }))
    .sort((a, b) => a.nom.localeCompare(b.nom, "fr"));
}

function importedValuesOf(db: Db, state: Uint8Array): ImportedValuesView | null {
  const baseline = getFicheDocuments(db).readImportBaseline(state);
  if (!baseline) return null;
  return {
    titre: baseline.titre,
    commune: baseline.commune ?? "",
    source: baseline.source,
    publics: termsById(db, baseline.publics),
    themesSuggeres: termsById(db, baseline.themesSuggeres),
    acteurs: acteursById(db, baseline.acteurs),
  };
}

type ImportedRow = { id: number; slug: string; type: FicheType; statut: FicheStatut; aVerifier: boolean; importKey: string };

function importedFiche(db: Db, ficheId: number): ImportedRow {
  const row = db
    .select({ id: fiche.id, slug: fiche.slug, type: fiche.type, statut: fiche.statut, aVerifier: fiche.aVerifier, importKey })
    .from(fiche)
    .where(and(eq(fiche.id, ficheId), isImported))
    .get();
  if (!row?.importKey) throw new DomainError("not_found", "Cette fiche n'existe pas ou ne vient pas d'un import.", undefined, `No imported fiche with id ${ficheId}.`);
  return { ...row, importKey: row.importKey };
}

function currentContent(db: Db, ficheId: number): { state: Uint8Array; content: FicheContent } {
  const current = getFicheDocuments(db).read(ficheId);
  if (!current) throw new DomainError("not_found", "Le contenu de cette fiche est introuvable.", undefined, `Fiche ${ficheId} has no document.`);
  return current;
}

/** An imported fiche with what the review page shows of it; null when there is no such imported fiche. */
export function getVerificationFiche(db: Db, actor: Actor, ficheId: number): VerificationFiche | null {
  authorizeModerator(actor);
  let row: ImportedRow;
  try {
    row = importedFiche(db, ficheId);
  } catch (error) {
    if (error instanceof DomainError) return null;
    throw error;
  }
  const { state, content } = currentContent(db, ficheId);
  const source = getFicheSourceText(row.importKey);
  return {
    id: row.id,
    slug: row.slug,
    type: row.type,
    statut: row.statut,
    aVerifier: row.aVerifier,
    titre: content.titre,
    commune: content.commune,
    hasCommune: (FIELD_TYPES.commune as readonly FicheType[]).includes(row.type),
    acteurs: acteursById(db, content.acteurs),
    roles: acteurRolesFor(row.type),
    publics: termsById(db, content.publics),
    themes: termsById(db, content.themes),
    themesSuggeres: termsById(db, content.themesSuggeres),
    importKey: row.importKey,
    source,
    imported: source.kind === "unavailable" ? importedValuesOf(db, state) : null,
  };
}

const without = (ids: number[], id: number) => ids.filter((x) => x !== id);
const withIds = (ids: number[], added: number[]) => [...new Set([...ids, ...added])];

function isTheme(db: Db, termId: number): boolean {
  return !!db.select({ id: taxonomyTerm.id }).from(taxonomyTerm).where(and(eq(taxonomyTerm.id, termId), eq(taxonomyTerm.taxonomy, "theme"))).get();
}

/** The fields a decision writes, computed on the content as it is now; null when there is nothing to change. */
function patchFor(db: Db, row: ImportedRow, content: FicheContent, decision: VerificationDecision): Partial<FicheContent> | null {
  switch (decision.action) {
    case "confirmer-theme":
      if (!isTheme(db, decision.termId)) throw new DomainError("invalid", "Ce thème n'existe pas.", undefined, `Term ${decision.termId} is not a theme.`);
      return { themes: withIds(content.themes, [decision.termId]), themesSuggeres: without(content.themesSuggeres, decision.termId) };
    case "rejeter-theme":
      return content.themesSuggeres.includes(decision.termId) ? { themesSuggeres: without(content.themesSuggeres, decision.termId) } : null;
    case "rejeter-public":
      return content.publics.includes(decision.termId) ? { publics: without(content.publics, decision.termId) } : null;
    case "retirer-acteur":
      return content.acteurs.some((a) => a.acteurId === decision.acteurId) ? { acteurs: content.acteurs.filter((a) => a.acteurId !== decision.acteurId) } : null;
    case "changer-role":
      if (!acteurRolesFor(row.type).includes(decision.role)) {
        throw new DomainError("invalid", "Ce rôle n'existe pas pour ce type de fiche.", "role", `Role ${decision.role} is not offered on a ${row.type}.`);
      }
      // Removed meanwhile (by another moderator): setting its role would bring it back.
      if (!content.acteurs.some((a) => a.acteurId === decision.acteurId)) return null;
      return { acteurs: content.acteurs.map((a) => (a.acteurId === decision.acteurId ? { ...a, role: decision.role } : a)) };
    case "corriger-commune":
      if (decision.commune && !(FIELD_TYPES.commune as readonly FicheType[]).includes(row.type)) {
        throw new DomainError("invalid", "Ce type de fiche n'a pas de commune.", "commune", `A ${row.type} has no commune.`);
      }
      return { commune: decision.commune };
    case "corriger-titre":
      return { titre: decision.titre };
  }
}

/**
 * Writes `patch` as a forward edit of the moderator. Read and write run in the same synchronous
 * turn, so the patch is the difference to the document as it is, and merges with any other edit.
 */
async function writeContent(db: Db, viewer: Viewer, ficheId: number, build: (content: FicheContent) => Partial<FicheContent> | null): Promise<boolean> {
  const documents = getFicheDocuments(db);
  const patch = build(currentContent(db, ficheId).content);
  if (!patch) return false;
  const outcome = documents.edit(ficheId, { viewer }, { kind: "write", content: patch }, { projectNow: true });
  await outcome.projected;
  return outcome.changed;
}

/** Applies one decision of the review (reject a theme, change a role, correct the title…); repeating it changes nothing. */
export async function applyVerificationDecision(db: Db, viewer: Viewer | null, decision: VerificationDecision): Promise<{ changed: boolean }> {
  authorizeModerator(viewer);
  const row = importedFiche(db, decision.ficheId);
  return { changed: await writeContent(db, viewer!, row.id, (content) => patchFor(db, row, content, decision)) };
}

/**
 * Ends a fiche's review: confirms the suggested themes the moderator saw and left undecided (those
 * still suggested), then clears « à vérifier ». Done twice, or by two moderators, it ends the same.
 */
export async function completeVerification(db: Db, viewer: Viewer | null, input: CompleteVerificationInput): Promise<{ cleared: boolean }> {
  authorizeModerator(viewer);
  const row = importedFiche(db, input.ficheId);
  await writeContent(db, viewer!, row.id, (content) => {
    const confirmed = input.confirmThemes.filter((id) => content.themesSuggeres.includes(id));
    if (confirmed.length === 0) return null;
    return { themes: withIds(content.themes, confirmed), themesSuggeres: content.themesSuggeres.filter((id) => !confirmed.includes(id)) };
  });
  // Read again: another moderator may have cleared it while the content was written.
  const flagged = db.select({ aVerifier: fiche.aVerifier }).from(fiche).where(eq(fiche.id, row.id)).get()?.aVerifier ?? false;
  if (flagged) setFicheAVerifier(db, viewer, row.id, false);
  return { cleared: flagged };
}

/** The title of an imported fiche, for the message saying it was just reviewed or skipped; null when there is none. */
export function getImportedFicheTitre(db: Db, actor: Actor, ficheId: number): string | null {
  authorizeModerator(actor);
  return db.select({ titre: fiche.titre }).from(fiche).where(and(eq(fiche.id, ficheId), isImported)).get()?.titre ?? null;
}
