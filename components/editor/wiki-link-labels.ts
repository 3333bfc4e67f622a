"use client";

import type { FicheLinkLabel } from "@/db/queries/fiche-link-suggestion";
import type { ActeurSuggestion } from "@/db/queries/acteur-suggestion";
import { wikiLinkText, type WikiLinkView } from "@/lib/editor/wiki-links";

/**
 * What the editor's wiki links show: current titles and names fetched by id, a few at a time, and
 * kept for the page's life. The document stores ids only; a node view asks here for its text.
 */

export type WikiLinkKind = "fiche" | "acteur";

const views = new Map<string, WikiLinkView>();
const listeners = new Map<string, Set<() => void>>();
const pending: Record<WikiLinkKind, Set<number>> = { fiche: new Set(), acteur: new Set() };
let timer: ReturnType<typeof setTimeout> | null = null;

const keyOf = (kind: WikiLinkKind, id: number) => `${kind}:${id}`;

function publish(kind: WikiLinkKind, id: number, view: WikiLinkView): void {
  views.set(keyOf(kind, id), view);
  for (const listener of listeners.get(keyOf(kind, id)) ?? []) listener();
}

async function fetchViews(kind: WikiLinkKind, ids: number[]): Promise<void> {
  const url = kind === "fiche" ? `/api/fiches/liens?ids=${ids.join(",")}` : `/api/acteurs/suggestions?ids=${ids.join(",")}`;
  try {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    if (kind === "fiche") {
      const { fiches } = (await response.json()) as { fiches: FicheLinkLabel[] };
      for (const { id, ...view } of fiches) publish("fiche", id, view);
    } else {
      const { acteurs } = (await response.json()) as { acteurs: ActeurSuggestion[] };
      const found = new Map(acteurs.map((a) => [a.id, a]));
      for (const id of ids) {
        const a = found.get(id);
        publish("acteur", id, a ? { label: a.nom, href: `/acteurs/${a.slug}`, note: null } : { label: "acteur supprimé", href: null, note: null });
      }
    }
  } catch {
    // Shown as "lien" until the page is reloaded; the page itself renders the real title.
    for (const id of ids) if (!views.has(keyOf(kind, id))) publish(kind, id, { label: "titre indisponible", href: null, note: null });
  }
}

function flush(): void {
  timer = null;
  for (const kind of ["fiche", "acteur"] as const) {
    const ids = [...pending[kind]];
    pending[kind].clear();
    for (let i = 0; i < ids.length; i += 50) void fetchViews(kind, ids.slice(i, i + 50));
  }
}

/** Records what a link shows when it is known already (a suggestion just picked). */
export function primeWikiLink(kind: WikiLinkKind, id: number, view: WikiLinkView): void {
  publish(kind, id, view);
}

/** The text a link shows now, or null while it is fetched. */
export function wikiLinkLabel(kind: WikiLinkKind, id: number): string | null {
  const view = views.get(keyOf(kind, id));
  return view ? wikiLinkText(view) : null;
}

/** Calls `listener` whenever the link's text becomes known; fetches it if needed. Returns the unsubscribe. */
export function watchWikiLink(kind: WikiLinkKind, id: number, listener: () => void): () => void {
  const key = keyOf(kind, id);
  if (!listeners.has(key)) listeners.set(key, new Set());
  listeners.get(key)!.add(listener);
  if (!views.has(key)) {
    pending[kind].add(id);
    timer ??= setTimeout(flush, 30);
  }
  return () => {
    listeners.get(key)?.delete(listener);
  };
}
