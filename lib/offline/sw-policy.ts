/**
 * The service worker's decisions, kept pure so that they are tested here and inlined by the worker's
 * route (app/sw.js/route.ts) from their source text: each function must therefore stay
 * self-contained, calling nothing outside its own body.
 */

/** How the worker answers a request: not at all, from the static cache, or network-first. */
export type Strategy = "network" | "static" | "fiche" | "editor" | "page";

/** The response header that proxy.ts adds when the request carried a session cookie. */
export const SESSION_HEADER = "x-wiki-session";

/**
 * "static" for content-hashed build files (cache-first), "fiche" for a fiche's public page (network
 * first, kept for offline reading), "editor" for a fiche's editor (network first, else the copy kept
 * when the person chose « Garder cette fiche sur cet appareil »), "page" for other navigations
 * (network, else the offline page),
 * "network" for everything the worker must leave alone: other origins, writes, the collaboration
 * socket, the API, the worker itself and the fetches that the router and the editor make.
 */
export function chooseStrategy(url: string, method: string, mode: string, origin: string): Strategy {
  if (method !== "GET") return "network";
  const target = new URL(url);
  if (target.origin !== origin) return "network";
  const path = target.pathname;
  if (path.startsWith("/_collab") || path.startsWith("/api/")) return "network";
  if (path.startsWith("/_next/static/")) return "static";
  if (mode !== "navigate") return "network";
  const fiche = /^\/fiches\/([^/]+)\/?$/.exec(path);
  // A query changes what the page shows; « nouvelle » is the creation form, never a fiche.
  if (fiche && fiche[1] !== "nouvelle" && target.search === "") return "fiche";
  if (/^\/fiches\/[^/]+\/modifier\/?$/.test(path) && target.search === "") return "editor";
  return "page";
}

/**
 * Whether a fiche page's response may be kept for offline reading: a plain 200 from this site,
 * rendered for nobody in particular. A page rendered for a signed-in person names them, and on a
 * shared computer it would be shown to the next person offline. Next marks every dynamic page
 * `private, no-store`, signed in or not, so that header cannot tell them apart.
 */
export function isStorablePage(status: number, type: string, sessionHeader: string | null): boolean {
  return status === 200 && type === "basic" && sessionHeader === null;
}
