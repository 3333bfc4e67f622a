import { eq, or, sql } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import { inIdList, perConnection, type Db } from "@/db/client";
import { acteur, fiche, ficheLink, type Fiche } from "@/db/schema";
import { ACTEUR_MENTION, FICHE_LINK, linkId, MISSING_ACTEUR, MISSING_FICHE, type WikiLinkView } from "@/lib/editor/wiki-links";
import { displayTitre } from "@/lib/fiche/labels";
import { getFicheDocuments } from "./collab/write";
import { renderFicheBody, type RenderedBody, type WikiLinkResolvers } from "./fiche-html";
import { indexFiche } from "./search";

/**
 * Wiki links of fiche bodies. The stored html, texte and extrait of a fiche show each link with
 * the title its target has when it is rendered, as the public sees it: a link to a draft or a
 * hidden fiche names nothing. They are rendered at projection time, so that everything reading
 * fiche.html (page, API, exports, catalogues) shows the same thing; and whatever changes what a
 * link shows (a title, a statut, hiding, merging, an acteur's name) re-renders the fiches that
 * cite it, through refreshFichesCitingFiche / refreshFichesCitingActeur, so that it never goes stale.
 */

/** The ids a body links to, each once, in ascending order. */
export type WikiLinkIds = { ficheIds: number[]; acteurIds: number[] };

/** Every fiche and acteur id a body's wiki links name (ids unreadable as such are ignored). */
export function collectWikiLinkIds(json: JSONContent): WikiLinkIds {
  const fiches = new Set<number>();
  const acteurs = new Set<number>();
  const visit = (node: JSONContent | undefined) => {
    if (!node || typeof node !== "object") return;
    if (node.type === FICHE_LINK) {
      const id = linkId(node.attrs?.ficheId);
      if (id !== null) fiches.add(id);
    } else if (node.type === ACTEUR_MENTION) {
      const id = linkId(node.attrs?.acteurId);
      if (id !== null) acteurs.add(id);
    }
    if (Array.isArray(node.content)) node.content.forEach(visit);
  };
  visit(json);
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  return { ficheIds: sorted(fiches), acteurIds: sorted(acteurs) };
}

type TargetRow = Pick<Fiche, "id" | "slug" | "titre" | "statut" | "masquee" | "redirectToId">;

/**
 * What a body's links show, as read from the database: the fiches they name and those these were
 * merged into, and the acteurs they mention; each list by id. Plain data, so that it can be compared.
 */
export type WikiLinkTargets = { fiches: TargetRow[]; acteurs: { id: number; slug: string; nom: string }[] };

// Merges never chain (server/moderation refuses it), but a hand-edited database might: stop there.
const MAX_REDIRECTS = 3;

// Read at every projection (each pause in typing): prepared once per connection.
const targetStatements = perConnection((db: Db) => ({
  fiches: db
    .select({ id: fiche.id, slug: fiche.slug, titre: fiche.titre, statut: fiche.statut, masquee: fiche.masquee, redirectToId: fiche.redirectToId })
    .from(fiche)
    .where(inIdList(fiche.id, "ids"))
    .prepare(),
  acteurs: db.select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom }).from(acteur).where(inIdList(acteur.id, "ids")).orderBy(acteur.id).prepare(),
}));

/** Reads what the links of `ids` show now (see WikiLinkTargets). */
export function loadWikiLinkTargets(db: Db, ids: WikiLinkIds): WikiLinkTargets {
  const statements = targetStatements(db);
  const found = new Map<number, TargetRow>();
  let wanted = ids.ficheIds;
  for (let hop = 0; hop <= MAX_REDIRECTS && wanted.length > 0; hop++) {
    const rows = statements.fiches.all({ ids: JSON.stringify(wanted) });
    for (const row of rows) found.set(row.id, row);
    wanted = [...new Set(rows.map((r) => r.redirectToId).filter((id): id is number => id !== null && !found.has(id)))];
  }
  const acteurs = ids.acteurIds.length ? statements.acteurs.all({ ids: JSON.stringify(ids.acteurIds) }) : [];
  return { fiches: [...found.values()].sort((a, b) => a.id - b.id), acteurs };
}

/** What a link to `id` shows to the public, following a merge to the fiche that replaced it. */
function ficheView(targets: Map<number, TargetRow>, id: number): WikiLinkView {
  let row = targets.get(id);
  for (let hop = 0; row?.redirectToId != null && hop < MAX_REDIRECTS; hop++) row = targets.get(row.redirectToId);
  if (!row || row.redirectToId !== null) return MISSING_FICHE;
  if (row.masquee) return { label: "fiche masquée", href: null, note: null };
  if (row.statut === "brouillon") return { label: "fiche non publiée", href: null, note: null };
  return { label: displayTitre(row.titre), href: `/fiches/${row.slug}`, note: row.statut === "archivee" ? "fiche archivée" : null };
}

/**
 * The resolvers of links to these targets. `self` is the fiche being projected, whose new title is
 * not written yet when a body links to its own fiche.
 */
export function wikiLinkResolvers(targets: WikiLinkTargets, self?: { id: number; titre: string }): WikiLinkResolvers {
  const fiches = new Map(targets.fiches.map((row) => [row.id, self?.id === row.id ? { ...row, titre: self.titre } : row]));
  const acteurs = new Map(targets.acteurs.map((a) => [a.id, a]));
  return {
    fiche: (id) => ficheView(fiches, id),
    acteur: (id) => {
      const found = acteurs.get(id);
      return found ? { label: found.nom, href: `/acteurs/${found.slug}`, note: null } : MISSING_ACTEUR;
    },
  };
}

/** The resolvers of a body's links, read from the database now (see wikiLinkResolvers). */
export function loadWikiLinkResolvers(db: Db, ids: WikiLinkIds, self?: { id: number; titre: string }): WikiLinkResolvers {
  return wikiLinkResolvers(loadWikiLinkTargets(db, ids), self);
}

/** Renders a body's html, texte and extrait, its links resolved from the database now. */
export function renderBodyWithLinks(db: Db, json: JSONContent, ids: WikiLinkIds, self?: { id: number; titre: string }): RenderedBody {
  return renderFicheBody(json, loadWikiLinkResolvers(db, ids, self));
}

/**
 * Re-renders the body columns of these fiches from their stored documents. Only what links show
 * changed, not what people wrote: contentUpdatedAt stays. Returns how many rows changed.
 */
function rerenderBodies(db: Db, ficheIds: number[]): number {
  let changed = 0;
  const documents = getFicheDocuments(db);
  for (const id of ficheIds) {
    const row = db.select({ html: fiche.html, texte: fiche.texte, fields: fiche.fields }).from(fiche).where(eq(fiche.id, id)).get();
    const json = row && documents.readStored(db, id)?.body;
    if (!row || !json) continue;
    const next = renderBodyWithLinks(db, json, collectWikiLinkIds(json));
    if (next.html === row.html && next.texte === row.texte && next.extrait === row.fields.extrait) continue;
    db.update(fiche)
      .set({ html: next.html, texte: next.texte, fields: { ...row.fields, extrait: next.extrait } })
      .where(eq(fiche.id, id))
      .run();
    // The search index holds the body's text, links' labels included.
    indexFiche(db, id);
    changed++;
  }
  return changed;
}

/** The fiches whose body links to this fiche, or to a fiche merged into it (their links lead here). */
export function listFicheIdsCitingFiche(db: Db, ficheId: number): number[] {
  return db
    .selectDistinct({ id: ficheLink.ficheId })
    .from(ficheLink)
    .where(
      or(
        eq(ficheLink.targetFicheId, ficheId),
        sql`${ficheLink.targetFicheId} in (select ${fiche.id} from ${fiche} where ${fiche.redirectToId} = ${ficheId})`,
      ),
    )
    .orderBy(ficheLink.ficheId)
    .all()
    .map((r) => r.id);
}

/**
 * Re-renders the fiches that cite this one, after its title, statut, visibility or merge changed;
 * `skip` names fiches already rendered by the caller. Call it inside the transaction that made the
 * change. Returns how many fiches changed.
 */
export function refreshFichesCitingFiche(db: Db, ficheId: number, skip: readonly number[] = []): number {
  return db.transaction(() => rerenderBodies(db, listFicheIdsCitingFiche(db, ficheId).filter((id) => !skip.includes(id))));
}

/** Re-renders the fiches that mention this acteur, after its name changed. Returns how many changed. */
export function refreshFichesCitingActeur(db: Db, acteurId: number): number {
  return db.transaction(() => {
    const ids = db.selectDistinct({ id: ficheLink.ficheId }).from(ficheLink).where(eq(ficheLink.targetActeurId, acteurId)).all();
    return rerenderBodies(db, ids.map((r) => r.id));
  });
}

/**
 * Replaces the body's wiki links and mentions by plain text carrying a link mark to their current
 * target (absolute, under `baseUrl`), or by their label alone when the target is not public.
 * Exports need this: the ids in a link node mean nothing outside this wiki.
 */
export function flattenWikiLinks(json: JSONContent, resolvers: WikiLinkResolvers, baseUrl: string): JSONContent {
  const flatten = (node: JSONContent): JSONContent[] => {
    const resolve = node.type === FICHE_LINK ? resolvers.fiche : node.type === ACTEUR_MENTION ? resolvers.acteur : null;
    if (!resolve) return [Array.isArray(node.content) ? { ...node, content: node.content.flatMap(flatten) } : node];
    const id = linkId(node.type === FICHE_LINK ? node.attrs?.ficheId : node.attrs?.acteurId);
    const view = id === null ? { label: "lien", href: null, note: null } : resolve(id);
    // The same words as the page shows: "(fiche supprimée)", "Titre (fiche archivée)".
    if (!view.href) return [{ type: "text", text: `(${view.label})` }];
    const link: JSONContent = { type: "text", text: view.label, marks: [{ type: "link", attrs: { href: new URL(view.href, baseUrl).href } }] };
    return view.note ? [link, { type: "text", text: ` (${view.note})` }] : [link];
  };
  return flatten(json)[0];
}
