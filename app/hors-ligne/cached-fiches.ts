/** A fiche page kept by the service worker for offline reading. */
export type CachedFiche = { path: string; title: string };

const TITLE_SUFFIX = " · Wiki de la Solidarité numérique";

/** The fiche's name from its page's <title>, entities decoded; the path when there is none. */
export function ficheTitleFromHtml(html: string, path: string, decode: (text: string) => string): string {
  const raw = /<title>([^<]*)<\/title>/.exec(html)?.[1];
  const title = raw ? decode(raw).trim() : "";
  return (title.endsWith(TITLE_SUFFIX) ? title.slice(0, -TITLE_SUFFIX.length) : title) || path;
}

/** The fiche pages in the worker's caches, in alphabetical order. */
export async function listCachedFiches(): Promise<CachedFiche[]> {
  const parser = new DOMParser();
  const decode = (text: string) => parser.parseFromString(`<title>${text}</title>`, "text/html").title;
  const fiches: CachedFiche[] = [];
  for (const name of await caches.keys()) {
    if (!name.startsWith("wiki-pages-")) continue;
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      if (!response) continue;
      const path = new URL(request.url).pathname;
      fiches.push({ path, title: ficheTitleFromHtml(await response.text(), path, decode) });
    }
  }
  return fiches.sort((a, b) => a.title.localeCompare(b.title, "fr"));
}
