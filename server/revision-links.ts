import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/db/client";
import type { WikiLinkView } from "@/lib/editor/wiki-links";
import { renderFicheHtml, type WikiLinkResolvers } from "./fiche-html";
import { collectWikiLinkIds, loadWikiLinkResolvers } from "./fiche-links";

/**
 * How the history shows a body's wiki links: by what the page shows now, led by a sign naming the
 * kind of link ("→ Garage informatique", "@Emmaüs Connect"), in the diff and in an old version
 * alike, so that adding, removing or retargeting a link reads as a change of words. A link that
 * leads nowhere reads as on the page: "(fiche supprimée)", "(acteur supprimé)".
 */
const signed = (sign: string, view: WikiLinkView): WikiLinkView => (view.href ? { ...view, label: `${sign}${view.label}` } : view);

/** These resolvers with the history's signs added to the labels of links that lead somewhere. */
export function revisionLinkResolvers(links: WikiLinkResolvers): WikiLinkResolvers {
  return { fiche: (id) => signed("→ ", links.fiche(id)), acteur: (id) => signed("@", links.acteur(id)) };
}

/** The history's resolvers of every link these bodies hold, read from the database now. */
export function loadRevisionLinkResolvers(db: Db, bodies: JSONContent[]): WikiLinkResolvers {
  const ids = bodies.map(collectWikiLinkIds);
  return revisionLinkResolvers(
    loadWikiLinkResolvers(db, {
      ficheIds: [...new Set(ids.flatMap((i) => i.ficheIds))],
      acteurIds: [...new Set(ids.flatMap((i) => i.acteurIds))],
    }),
  );
}

/** The HTML of an old version's body, its links shown as the history shows them. */
export function renderRevisionHtml(db: Db, body: JSONContent): string {
  return renderFicheHtml(body, loadRevisionLinkResolvers(db, [body]));
}
