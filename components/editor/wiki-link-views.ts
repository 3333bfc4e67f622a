"use client";

import type { NodeViewRenderer } from "@tiptap/core";
import { linkId } from "@/lib/editor/wiki-links";
import { watchWikiLink, wikiLinkLabel, type WikiLinkKind } from "./wiki-link-labels";

/**
 * The editor's view of a wiki link: an uneditable chip showing the current title (or name) of
 * what it links to, fetched by id, never stored in the document.
 */
export function wikiLinkNodeView(kind: WikiLinkKind): NodeViewRenderer {
  const attribute = kind === "fiche" ? "ficheId" : "acteurId";
  return ({ node }) => {
    const dom = document.createElement("span");
    dom.className = `wiki-link wiki-link--${kind} wiki-link--editor`;
    dom.contentEditable = "false";
    const id = linkId(node.attrs[attribute]);
    const render = () => {
      const label = id === null ? "(lien invalide)" : (wikiLinkLabel(kind, id) ?? "…");
      dom.textContent = kind === "acteur" ? `@${label}` : label;
    };
    render();
    const stop = id === null ? () => {} : watchWikiLink(kind, id, render);
    return {
      dom,
      // An atom: ProseMirror must not look inside it, nor rebuild it unless its id changes.
      ignoreMutation: () => true,
      update: (updated) => updated.type === node.type && updated.attrs[attribute] === node.attrs[attribute],
      destroy: stop,
    };
  };
}
