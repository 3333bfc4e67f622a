import { publicUrl } from "@/server/config";

/** The `meta` object of every list. */
export type PageMeta = { page: number; per_page: number; total: number; page_count: number };

/** The meta of a page; a page past the last one is valid and empty. */
export function pageMeta(page: number, perPage: number, total: number): PageMeta {
  return { page, per_page: perPage, total, page_count: Math.ceil(total / perPage) };
}

/** The RFC 8288 `Link` header of a page: first, prev, next and last, on the wiki's public address. */
export function linkHeader(requestUrl: URL, meta: PageMeta): string | null {
  const link = (page: number, rel: string) => {
    const url = new URL(requestUrl.pathname + requestUrl.search, publicUrl());
    url.searchParams.set("page", String(page));
    url.searchParams.set("per_page", String(meta.per_page));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  if (meta.page_count === 0) return null;
  const links = [link(1, "first")];
  if (meta.page > 1) links.push(link(Math.min(meta.page - 1, meta.page_count), "prev"));
  if (meta.page < meta.page_count) links.push(link(meta.page + 1, "next"));
  links.push(link(meta.page_count, "last"));
  return links.join(", ");
}
