"use client";

import type { Editor } from "@tiptap/core";
import { PluginKey, type Plugin } from "@tiptap/pm/state";
import { Suggestion } from "@tiptap/suggestion";
import type { ActeurSuggestion } from "@/db/queries/acteur-suggestion";
import type { FicheLinkSuggestion } from "@/db/queries/fiche-link-suggestion";
import { typologieLabel } from "@/lib/acteur/labels";
import { ACTEUR_MENTION, FICHE_LINK, type WikiLinkView } from "@/lib/editor/wiki-links";
import { displayTitre, FICHE_STATUT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { primeWikiLink, type WikiLinkKind } from "./wiki-link-labels";

/** One suggestion of the "[[" or "@" list. */
export type WikiLinkItem = { id: number; label: string; detail: string; view: WikiLinkView };

/** What the suggestion list shows while "[[" or "@" is being typed; null when closed. */
export type WikiLinkSuggestionState = {
  kind: WikiLinkKind;
  query: string;
  items: WikiLinkItem[];
  loading: boolean;
  failed: boolean;
  active: number;
  /** The floating element the list is rendered into, positioned at the caret. */
  element: HTMLElement;
  select: (item: WikiLinkItem) => void;
};

/** The open suggestion list, shared by the typing triggers and the list's React component. */
export class WikiLinkSuggestionStore {
  private state: WikiLinkSuggestionState | null = null;
  private readonly listeners = new Set<() => void>();

  get = (): WikiLinkSuggestionState | null => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  set(next: WikiLinkSuggestionState | null): void {
    this.state = next;
    for (const listener of this.listeners) listener();
  }

  update(patch: Partial<WikiLinkSuggestionState>): void {
    if (this.state) this.set({ ...this.state, ...patch });
  }

  /** Arrow keys move through the list, Enter and Tab pick; anything else goes to the editor. */
  keyDown(event: KeyboardEvent): boolean {
    const state = this.state;
    if (!state || state.items.length === 0) return false;
    const count = state.items.length;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      this.update({ active: (state.active + (event.key === "ArrowDown" ? 1 : count - 1)) % count });
      return true;
    }
    if (event.key === "Enter" || event.key === "Tab") {
      state.select(state.items[Math.min(state.active, count - 1)]);
      return true;
    }
    return false;
  }
}

async function fetchItems(kind: WikiLinkKind, query: string, signal: AbortSignal): Promise<WikiLinkItem[]> {
  const url = kind === "fiche" ? `/api/fiches/liens?q=${encodeURIComponent(query)}` : `/api/acteurs/suggestions?q=${encodeURIComponent(query)}`;
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  if (kind === "fiche") {
    const { fiches } = (await response.json()) as { fiches: FicheLinkSuggestion[] };
    return fiches.map((f) => ({
      id: f.id,
      label: displayTitre(f.titre),
      detail: [FICHE_TYPE_LABELS[f.type].singular, f.statut === "publiee" ? null : FICHE_STATUT_LABELS[f.statut].toLowerCase()].filter(Boolean).join(", "),
      view: { label: displayTitre(f.titre), href: `/fiches/${f.slug}`, note: f.statut === "brouillon" ? "brouillon" : null },
    }));
  }
  const { acteurs } = (await response.json()) as { acteurs: ActeurSuggestion[] };
  return acteurs.map((a) => ({ id: a.id, label: a.nom, detail: typologieLabel(a.typologie), view: { label: a.nom, href: `/acteurs/${a.slug}`, note: null } }));
}

/** Inserts a wiki link to `item` in place of `range` (or of the selection), followed by a space. */
export function insertWikiLink(editor: Editor, kind: WikiLinkKind, item: WikiLinkItem, range?: { from: number; to: number }): void {
  primeWikiLink(kind, item.id, item.view);
  const content = [
    kind === "fiche" ? { type: FICHE_LINK, attrs: { ficheId: item.id } } : { type: ACTEUR_MENTION, attrs: { acteurId: item.id } },
    { type: "text", text: " " },
  ];
  const chain = editor.chain().focus();
  (range ? chain.insertContentAt(range, content) : chain.insertContent(content)).run();
}

/** The "[[" (fiche) or "@" (acteur) typing trigger of the body editor, feeding `store`. */
export function wikiLinkSuggestionPlugin(editor: Editor, kind: WikiLinkKind, store: WikiLinkSuggestionStore): Plugin {
  return Suggestion<WikiLinkItem, WikiLinkItem>({
    pluginKey: new PluginKey(`wiki-link-${kind}`),
    editor,
    char: kind === "fiche" ? "[[" : "@",
    // Titles and names have spaces; "@" only after a space, so that e-mail addresses never trigger it.
    allowSpaces: true,
    allowedPrefixes: kind === "fiche" ? null : [" "],
    minQueryLength: 1,
    debounce: 150,
    container: "#wiki-link-suggestions",
    items: async ({ query, signal }) => {
      try {
        const items = await fetchItems(kind, query.trim(), signal!);
        store.update({ failed: false });
        return items;
      } catch (error) {
        if ((error as Error).name !== "AbortError") store.update({ failed: true });
        throw error;
      }
    },
    command: ({ editor: e, range, props }) => insertWikiLink(e, kind, props, range),
    render: () => {
      let unmount: (() => void) | null = null;
      return {
        onStart: (props) => {
          const element = document.createElement("div");
          element.className = "wiki-suggest";
          unmount = props.mount(element);
          store.set({ kind, query: props.query, items: [], loading: props.loading, failed: false, active: 0, element, select: (item) => props.command(item) });
        },
        onUpdate: (props) => {
          store.update({ query: props.query, items: props.items, loading: props.loading, active: 0, select: (item) => props.command(item) });
        },
        onKeyDown: ({ event }) => store.keyDown(event),
        onExit: () => {
          unmount?.();
          unmount = null;
          store.set(null);
        },
      };
    },
  });
}
