import { mergeAttributes, Node, type Editor, type NodeViewRenderer } from "@tiptap/core";
import type { DOMOutputSpec } from "@tiptap/pm/model";
import type { Plugin } from "@tiptap/pm/state";

/**
 * Links written inside a fiche's body: `ficheLink` to another fiche (typed after "[["), and
 * `acteurMention` of an acteur (typed after "@"). The document stores ids only, never a title,
 * so that renaming breaks nothing: whoever renders the body (the server's renderer, the editor's
 * node views) looks up what the link shows at that moment.
 */

/** What a wiki link shows: its current label, where it leads (null: nowhere) and a note such as "fiche archivée". */
export type WikiLinkView = { label: string; href: string | null; note: string | null };

/** Looks up what the link with this id shows; called while rendering. */
export type WikiLinkResolver = (id: number) => WikiLinkView;

export type WikiLinkNodeOptions = {
  /** The server's renderer gives the current title; without it, a neutral label is rendered. */
  resolve: WikiLinkResolver | null;
  /** The browser editor's view of the node, which fetches the current title. */
  nodeView: NodeViewRenderer | null;
  /** The browser editor's typing triggers ("[[", "@"). */
  plugins: ((editor: Editor) => Plugin[]) | null;
};

export const FICHE_LINK = "ficheLink";
export const ACTEUR_MENTION = "acteurMention";

/** A positive integer id read from an attribute, or null. */
export function linkId(value: unknown): number | null {
  const n = typeof value === "number" ? value : typeof value === "string" && /^\d{1,12}$/.test(value) ? Number(value) : NaN;
  return Number.isSafeInteger(n) && n > 0 ? n : null;
}

/** A link to a fiche that no longer exists, or whose id is unreadable. */
export const MISSING_FICHE: WikiLinkView = { label: "fiche supprimée", href: null, note: null };
/** A mention of an acteur that no longer exists. */
export const MISSING_ACTEUR: WikiLinkView = { label: "acteur supprimé", href: null, note: null };

/** The plain text of a wiki link: "Titre", "Titre (fiche archivée)" or "(fiche supprimée)". */
export function wikiLinkText(view: WikiLinkView): string {
  if (!view.href) return `(${view.label})`;
  return view.note ? `${view.label} (${view.note})` : view.label;
}

function wikiLinkSpec(attrs: Record<string, unknown>, view: WikiLinkView): DOMOutputSpec {
  if (!view.href) return ["span", mergeAttributes(attrs, { class: "wiki-link--absent" }), `(${view.label})`];
  const link: DOMOutputSpec = ["a", { href: view.href }, view.label];
  return view.note ? ["span", attrs, link, ` (${view.note})`] : ["span", attrs, link];
}

function createWikiLinkNode(name: string, attribute: "ficheId" | "acteurId", dataAttribute: string, cssClass: string, fallback: WikiLinkView) {
  return Node.create<WikiLinkNodeOptions>({
    name,
    group: "inline",
    inline: true,
    atom: true,
    selectable: true,
    draggable: false,

    addOptions() {
      return { resolve: null, nodeView: null, plugins: null };
    },

    addAttributes() {
      return {
        [attribute]: {
          default: null,
          parseHTML: (element) => linkId(element.getAttribute(dataAttribute)),
          renderHTML: (attrs) => ({ [dataAttribute]: linkId(attrs[attribute]) }),
        },
      };
    },

    parseHTML() {
      return [{ tag: `span[${dataAttribute}]` }];
    },

    renderHTML({ node, HTMLAttributes }) {
      const id = linkId(node.attrs[attribute]);
      const view = id === null ? fallback : (this.options.resolve?.(id) ?? { label: "lien", href: null, note: null });
      return wikiLinkSpec(mergeAttributes(HTMLAttributes, { class: `wiki-link ${cssClass}` }), view);
    },

    renderText({ node }) {
      const id = linkId(node.attrs[attribute]);
      return wikiLinkText(id === null ? fallback : (this.options.resolve?.(id) ?? { label: "lien", href: null, note: null }));
    },

    addNodeView() {
      return this.options.nodeView;
    },

    addProseMirrorPlugins() {
      return this.options.plugins?.(this.editor) ?? [];
    },
  });
}

/** An inline link to another fiche, stored as its id. */
export const FicheLink = createWikiLinkNode(FICHE_LINK, "ficheId", "data-fiche-id", "wiki-link--fiche", MISSING_FICHE);

/** An inline mention of an acteur, stored as its id. */
export const ActeurMention = createWikiLinkNode(ACTEUR_MENTION, "acteurId", "data-acteur-id", "wiki-link--acteur", MISSING_ACTEUR);
