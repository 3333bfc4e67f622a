import type { Db } from "@/db/client";
import { listRecentChanges, listNewFichesOfTheme, type RecentChangesFilters } from "@/db/queries/recent-changes";
import type { TaxonomyTerm } from "@/db/schema";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { byAuthors, revisionReasonLabel } from "@/lib/revision/labels";
import { compareUrl, recentChangesFeedUrl, recentChangesUrl } from "@/lib/revision/url";
import { getContentLicence } from "../licence";
import { renderAtomFeed } from "./atom";

const SITE = "Wiki de la Solidarité numérique";
const FEED_SIZE = 50;

/**
 * The Atom feed of the recent changes: the latest revisions of public fiches, with the page's
 * filters; `scope` names them for the feed's title ("Pratiques observées, thème Lien social").
 */
export function renderRecentChangesFeed(db: Db, filters: Omit<RecentChangesFilters, "page" | "pageSize">, baseUrl: string, scope: string, now = new Date()): string {
  const { items } = listRecentChanges(db, { ...filters, page: 1, pageSize: FEED_SIZE });
  const alternate = `${baseUrl}${recentChangesUrl(filters)}`;
  return renderAtomFeed({
    id: alternate,
    title: `Modifications récentes${scope ? ` : ${scope}` : ""} · ${SITE}`,
    subtitle: "Les dernières versions enregistrées des fiches publiées.",
    selfLink: `${baseUrl}${recentChangesFeedUrl(filters)}`,
    alternateLink: alternate,
    authors: [SITE],
    rights: `Contenu sous licence ${getContentLicence(db).name}`,
    fallbackUpdated: now,
    entries: items.map((change) => {
      const reason = revisionReasonLabel(change.reason, change.restoredFromCreatedAt);
      const titre = displayTitre(change.titre || change.fiche.titre);
      const path = change.previousId ? compareUrl(change.fiche.slug, change.previousId, change.id) : `/fiches/${change.fiche.slug}/historique/${change.id}`;
      return {
        id: `${baseUrl}/fiches/${change.fiche.slug}/historique/${change.id}`,
        title: `${titre} : ${reason}`,
        updated: change.createdAt,
        link: `${baseUrl}${path}`,
        authors: change.authors.flatMap((a) => (a.name ? [a.name] : [])),
        categories: [FICHE_TYPE_LABELS[change.fiche.type].singular],
        summary: `${FICHE_TYPE_LABELS[change.fiche.type].singular} « ${titre} » · ${reason} · ${byAuthors(change.authors)}`,
      };
    }),
  });
}

/** The Atom feed of a theme's newest public fiches, with their content. */
export function renderNewFichesFeed(db: Db, theme: Pick<TaxonomyTerm, "id" | "slug" | "label">, baseUrl: string, now = new Date()): string {
  const fiches = listNewFichesOfTheme(db, theme.id, FEED_SIZE);
  return renderAtomFeed({
    id: `${baseUrl}/themes/${theme.slug}/nouvelles-fiches.xml`,
    title: `Nouvelles fiches du thème « ${theme.label} » · ${SITE}`,
    selfLink: `${baseUrl}/themes/${theme.slug}/nouvelles-fiches.xml`,
    alternateLink: `${baseUrl}/themes/${theme.slug}`,
    authors: [SITE],
    rights: `Contenu sous licence ${getContentLicence(db).name}`,
    fallbackUpdated: now,
    entries: fiches.map((f) => ({
      id: `${baseUrl}/fiches/${f.slug}`,
      title: displayTitre(f.titre),
      published: f.createdAt,
      updated: f.contentUpdatedAt ?? f.createdAt,
      link: `${baseUrl}/fiches/${f.slug}`,
      authors: f.authorName ? [f.authorName] : [],
      categories: [FICHE_TYPE_LABELS[f.type].singular, theme.label],
      summary: f.extrait || undefined,
      contentHtml: f.html || undefined,
    })),
  });
}
