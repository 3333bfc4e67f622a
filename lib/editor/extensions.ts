import { getSchema, type Extensions, type JSONContent } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { TableKit } from "@tiptap/extension-table";
import { StarterKit } from "@tiptap/starter-kit";
import type { FicheType } from "@/lib/fiche/values";
import { ActeurMention, FicheLink, type WikiLinkNodeOptions } from "./wiki-links";

/**
 * The one list of extensions a fiche's body is written and rendered with: the browser editor adds
 * Collaboration and CollaborationCaret on top of it, the server renders the projection's HTML with it.
 * No React and no DOM here, so that both sides import it.
 */

export const HEADING_LEVELS = [2, 3, 4] as const;

const SAFE_SCHEMES = ["http:", "https:", "mailto:", "tel:"];

/**
 * Whether a link target is safe to render: http(s), mailto and tel links, and same-site paths or
 * anchors. Everything else (javascript:, data:, protocol-relative //host…) is refused.
 */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  // Browsers ignore ASCII whitespace and control characters inside a scheme ("java\tscript:").
  const value = href.replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  if (value === "") return false;
  if (value.startsWith("#")) return true;
  if (value.startsWith("/")) return !value.startsWith("//") && !value.startsWith("/\\");
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(value);
  return scheme !== null && SAFE_SCHEMES.includes(`${scheme[1].toLowerCase()}:`);
}

/**
 * What each side adds to the wiki links: the server's renderer resolves ids to current titles,
 * the browser editor gives node views and typing triggers. The schema is the same either way.
 */
export type WikiLinkConfig = { ficheLink?: Partial<WikiLinkNodeOptions>; acteurMention?: Partial<WikiLinkNodeOptions> };

/** The extensions of a fiche's body, without collaboration: shared by the editor and the renderer. */
export function getBaseExtensions(links: WikiLinkConfig = {}): Extensions {
  return [
    StarterKit.configure({
      // Yjs keeps the undo history (Collaboration's UndoManager); ProseMirror's own would fight it.
      undoRedo: false,
      heading: { levels: [...HEADING_LEVELS] },
      code: false,
      codeBlock: false,
      blockquote: false,
      horizontalRule: false,
      strike: false,
      // Underlined text reads as a link: keep underlines for links only.
      underline: false,
      link: {
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: "https",
        protocols: [],
        isAllowedUri: (url) => isSafeHref(url),
        shouldAutoLink: (url) => /^(https?:\/\/|www\.)/i.test(url),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null, class: null },
      },
    }),
    TableKit.configure({ table: { resizable: false, renderWrapper: false } }),
    FicheLink.configure(links.ficheLink ?? {}),
    ActeurMention.configure(links.acteurMention ?? {}),
  ];
}

let schema: Schema | null = null;

/** The ProseMirror schema of a fiche's body. */
export function getFicheSchema(): Schema {
  schema ??= getSchema(getBaseExtensions());
  return schema;
}

function heading(text: string, level: 2 | 3 | 4 = 2): JSONContent {
  return { type: "heading", attrs: { level }, content: [{ type: "text", text }] };
}
const paragraph = (): JSONContent => ({ type: "paragraph" });
const list = (type: "bulletList" | "orderedList"): JSONContent => ({
  type,
  content: [{ type: "listItem", content: [paragraph()] }],
});

/** The body a new fiche starts with, by type, as ProseMirror JSON. */
export function getBodyTemplate(type: FicheType): JSONContent {
  const content: Record<FicheType, JSONContent[]> = {
    pratique: [
      heading("Descriptif de l'action"),
      paragraph(),
      heading("Éléments spécifiques"),
      paragraph(),
      heading("Cible"),
      paragraph(),
      heading("Contact"),
      paragraph(),
    ],
    idee: [heading("L'idée"), paragraph(), heading("Les pistes"), list("bulletList")],
    fiche_pratique: [
      heading("Pourquoi ?"),
      paragraph(),
      heading("Comment faire, étape par étape"),
      list("orderedList"),
      heading("Ressources"),
      paragraph(),
    ],
  };
  return { type: "doc", content: content[type] };
}
