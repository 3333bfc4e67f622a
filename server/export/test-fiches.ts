// Test data for the export and import tests: fiches written the way the editor and the importer
// write them (a Yjs document, inserted and projected by insertFiche), with a rich body.
import type { JSONContent } from "@tiptap/core";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment } from "@tiptap/y-tiptap";
import type { Db } from "@/db/client";
import { fiche, taxonomyTerm, type Fiche } from "@/db/schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import { insertFiche } from "../fiche";

const text = (value: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: value, ...(marks ? { marks } : {}) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });

/** A body with every kind of node and mark the fiche schema has: headings, lists, a table, bold, italic, a link. */
export const RICH_BODY: JSONContent = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [text("Descriptif de l'action")] },
    paragraph(text("Un café "), text("chaque mardi", [{ type: "bold" }]), text(" pour apprendre la "), text("tablette", [{ type: "italic" }]), text(".")),
    { type: "bulletList", content: [{ type: "listItem", content: [paragraph(text("atelier tablette"))] }, { type: "listItem", content: [paragraph(text("aide aux démarches"))] }] },
    { type: "heading", attrs: { level: 3 }, content: [text("Contact")] },
    paragraph(text("Voir "), text("le site", [{ type: "link", attrs: { href: "https://exemple.org/cafe" } }]), text(".")),
    { type: "orderedList", attrs: { start: 1 }, content: [{ type: "listItem", content: [paragraph(text("s'inscrire"))] }] },
    {
      type: "table",
      content: [
        { type: "tableRow", content: [{ type: "tableHeader", content: [paragraph(text("Jour"))] }, { type: "tableHeader", content: [paragraph(text("Heure"))] }] },
        { type: "tableRow", content: [{ type: "tableCell", content: [paragraph(text("Mardi"))] }, { type: "tableCell", content: [paragraph(text("10 h"))] }] },
      ],
    },
  ],
};

/** The id of a seeded term, by taxonomy and slug. */
export function termId(db: Db, taxonomy: Taxonomy, slug: string): number {
  const row = db.select({ id: taxonomyTerm.id, taxonomy: taxonomyTerm.taxonomy }).from(taxonomyTerm).where(eq(taxonomyTerm.slug, slug)).all().find((t) => t.taxonomy === taxonomy);
  if (!row) throw new Error(`Unknown ${taxonomy} ${slug}`);
  return row.id;
}

/** The first seeded term of a taxonomy (its slug), so that tests do not hard-code the seed. */
export function firstTerm(db: Db, taxonomy: Taxonomy, index = 0): string {
  return db.select({ slug: taxonomyTerm.slug }).from(taxonomyTerm).where(eq(taxonomyTerm.taxonomy, taxonomy)).orderBy(taxonomyTerm.position).all()[index].slug;
}

type FicheSpec = Partial<FicheContent> & { titre: string; type?: FicheType; statut?: FicheStatut; masquee?: boolean; body?: JSONContent };

/** Inserts a fiche through insertFiche, with its content written into its Yjs document. */
export function buildExportFiche(db: Db, spec: FicheSpec): Fiche {
  const { statut = "publiee", masquee = false, body = RICH_BODY, type = "pratique", ...content } = spec;
  const doc = new Y.Doc();
  writeFicheContent(doc, { type, ...content });
  prosemirrorJSONToYXmlFragment(getFicheSchema(), body, bodyFragment(doc));
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const row = insertFiche(db, { type, titre: spec.titre, createdBy: null, statut, state });
  if (masquee) db.update(fiche).set({ masquee: true }).where(eq(fiche.id, row.id)).run();
  return row;
}
