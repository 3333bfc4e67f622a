import type { CatalogueDetail } from "@/db/queries/catalogue";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { htmlToBlocks, type TextBlock } from "./html-blocks";
import { BLUE, GREY, TaggedPdf, type StructElement, type TextStyle } from "./pdf/document";

/** What the PDF cites besides the catalogue: where the wiki lives and the licence of its content. */
export type CataloguePdfOptions = { baseUrl: string; licence: { name: string; url: string }; generatedAt?: Date };

const TOC_NUMBER_WIDTH = 36;
const TOC_TITLE_HEIGHT = 60;
const BODY: TextStyle = { size: 10.5, gap: 6, lineGap: 1.5 };
const NOTE: TextStyle = { font: "italic", size: 10.5, gap: 8, color: GREY };
const SMALL: TextStyle = { size: 9, color: GREY };

type TocEntry = { text: string; level: 0 | 1; destination: string; page: number };

function writeCover(pdf: TaggedPdf, catalogue: CatalogueDetail, options: CataloguePdfOptions): void {
  const cover = pdf.element(pdf.root, "Sect");
  pdf.doc.y = 150;
  pdf.text(cover, "P", "Catalogue de formation · Wiki de la Solidarité numérique", { font: "bold", size: 11, color: BLUE, gap: 14 });
  pdf.text(cover, "H1", catalogue.titre, { font: "bold", size: 26, gap: 14 });
  if (catalogue.description) pdf.text(cover, "P", catalogue.description, { size: 12, gap: 18 });
  const details: [string, string][] = [
    ["Public visé", catalogue.publicVise],
    ["Objectifs", catalogue.objectifs],
    ["Durée", catalogue.duree],
    ["Conçu par", catalogue.owners.map((o) => o.name).join(", ")],
    ["Adapté de", catalogue.original ? `« ${catalogue.original.titre} » (${options.baseUrl}/catalogues/${catalogue.original.slug})` : ""],
  ];
  const shown = details.filter(([, v]) => v.trim() !== "");
  if (shown.length) {
    const list = pdf.element(cover, "L");
    for (const [label, value] of shown) pdf.item(list, [label, { font: "bold", size: 11 }], [value, { size: 11, gap: 8 }]);
  }
  pdf.doc.moveDown(2);
  const date = (options.generatedAt ?? new Date()).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  pdf.text(cover, "P", `Version du ${date} : ${options.baseUrl}/catalogues/${catalogue.slug}`, SMALL);
}

function tocEntries(catalogue: CatalogueDetail): TocEntry[] {
  const entries: TocEntry[] = [];
  catalogue.modules.forEach((module, m) => {
    entries.push({ text: `Module ${m + 1} · ${module.titre}`, level: 0, destination: `module-${module.id}`, page: 0 });
    for (const item of module.items) {
      entries.push({ text: item.fiche ? displayTitre(item.fiche.titre) : "Fiche indisponible", level: 1, destination: `fiche-${item.id}`, page: 0 });
    }
  });
  entries.push({ text: "Sources et licence", level: 0, destination: "sources", page: 0 });
  return entries;
}

const tocStyle = (entry: TocEntry): TextStyle & { gap: number } =>
  entry.level === 0 ? { font: "bold", size: 12, indent: 0, gap: 6 } : { size: 10.5, indent: 16, gap: 3 };

const tocEntryHeight = (pdf: TaggedPdf, entry: TocEntry) => pdf.heightOf(entry.text, tocStyle(entry), pdf.width - (tocStyle(entry).indent ?? 0) - TOC_NUMBER_WIDTH);

/** How many pages the table of contents takes, measured with the fonts it is written in. */
function countTocPages(pdf: TaggedPdf, entries: TocEntry[]): number {
  const available = pdf.bottom - pdf.top;
  let pages = 1;
  let used = TOC_TITLE_HEIGHT;
  for (const entry of entries) {
    const height = tocEntryHeight(pdf, entry);
    if (used + height > available) {
      pages++;
      used = 0;
    }
    used += height;
  }
  return pages;
}

/**
 * Writes the table of contents into its reserved pages (`firstPage` is 0-based) and its section:
 * each entry is a TOCI whose link leads to its heading, fiches in a TOC nested in their module's.
 */
function writeToc(pdf: TaggedPdf, section: StructElement, entries: TocEntry[], firstPage: number): void {
  const { doc } = pdf;
  let page = firstPage;
  doc.switchToPage(page);
  doc.y = pdf.top;
  pdf.text(section, "H2", "Sommaire", { font: "bold", size: 20 });
  doc.y = pdf.top + TOC_TITLE_HEIGHT;
  const toc = pdf.element(section, "TOC");
  let moduleItem: StructElement | null = null;
  let nested: StructElement | null = null;
  for (const entry of entries) {
    if (doc.y + tocEntryHeight(pdf, entry) > pdf.bottom) {
      doc.switchToPage(++page);
      doc.y = pdf.top;
    }
    const style = tocStyle(entry);
    let tocItem: StructElement;
    if (entry.level === 0 || !moduleItem) {
      tocItem = moduleItem = pdf.element(toc, "TOCI");
      nested = null;
    } else {
      nested ??= pdf.element(moduleItem, "TOC");
      tocItem = pdf.element(nested, "TOCI");
    }
    const reference = pdf.element(tocItem, "Reference");
    pdf.link(reference, { destination: entry.destination }, `${entry.text}, page ${entry.page}`, () => {
      const y = doc.y;
      pdf.write(entry.text, { ...style, gap: 0 }, pdf.width - style.indent! - TOC_NUMBER_WIDTH);
      const after = doc.y;
      doc.text(String(entry.page), pdf.left + pdf.width - TOC_NUMBER_WIDTH, y, { width: TOC_NUMBER_WIDTH, align: "right" });
      doc.y = Math.max(after, doc.y);
      return { x: pdf.left + style.indent!, width: pdf.width - style.indent! };
    });
    doc.y += style.gap;
  }
}

function writeBlocks(pdf: TaggedPdf, section: StructElement, blocks: TextBlock[]): void {
  // A fiche's own headings sit under its title (H3): h2 becomes H4, and so on, never skipping a
  // level (PDF/UA), even when the fiche jumps from h2 to h4.
  let lastHeading = 3;
  // The open lists, one per depth, and the body of each one's last item, where a nested list goes.
  let lists: { list: StructElement; body: StructElement | null }[] = [];
  for (const block of blocks) {
    if (block.kind !== "item") lists = [];
    switch (block.kind) {
      case "heading":
        pdf.keepRoom(60);
        lastHeading = Math.min(6, Math.max(4, block.level + 2), lastHeading + 1);
        pdf.text(section, `H${lastHeading}`, block.text, { font: "bold", size: block.level <= 2 ? 12.5 : block.level === 3 ? 11.5 : 10.5, gap: 4 });
        break;
      case "paragraph":
        pdf.text(section, "P", block.text, BODY);
        break;
      case "row":
        pdf.text(section, "P", block.cells.join(" | "), { font: block.header ? "bold" : "regular", size: 10, gap: 3 });
        break;
      case "item": {
        lists = lists.slice(0, block.depth + 1);
        while (lists.length < block.depth + 1) {
          const parent = lists.at(-1)?.body ?? section;
          lists.push({ list: pdf.element(parent, "L"), body: null });
        }
        const open = lists[block.depth];
        const indent = 14 * (block.depth + 1);
        const style: TextStyle = { ...BODY, gap: 3, indent };
        if (!block.marker && open.body) open.body.add(() => pdf.write(block.text, style));
        else open.body = pdf.item(open.list, block.marker ? [block.marker, style] : null, [block.text, style], block.marker ? 14 : undefined);
        break;
      }
    }
  }
}

function writeModules(pdf: TaggedPdf, catalogue: CatalogueDetail, options: CataloguePdfOptions, pages: Map<string, number>): void {
  const { doc } = pdf;
  catalogue.modules.forEach((module, m) => {
    doc.addPage();
    pages.set(`module-${module.id}`, pdf.currentPage());
    const outline = doc.outline.addItem(`Module ${m + 1} · ${module.titre}`);
    const section = pdf.element(pdf.root, "Sect");
    pdf.runs(section, "H2", [
      [`Module ${m + 1}`, { font: "bold", size: 11, color: BLUE, destination: `module-${module.id}` }],
      [module.titre, { font: "bold", size: 20, gap: 8 }],
    ]);
    if (module.description) pdf.text(section, "P", module.description, { size: 11, gap: 10 });
    if (module.items.length === 0) pdf.text(section, "P", "Ce module ne contient pas encore de fiche.", NOTE);
    for (const item of module.items) {
      doc.moveDown(0.8);
      pdf.keepRoom(120);
      pages.set(`fiche-${item.id}`, pdf.currentPage());
      const titre = item.fiche ? displayTitre(item.fiche.titre) : "Fiche indisponible";
      outline.addItem(titre);
      const part = pdf.element(section, "Sect");
      const meta = [item.fiche ? FICHE_TYPE_LABELS[item.fiche.type].singular : null, item.duree ? `Durée : ${item.duree}` : null].filter(Boolean).join(" · ");
      if (meta) pdf.text(part, "P", meta, { font: "bold", size: 9.5, color: BLUE });
      pdf.text(part, "H3", titre, { font: "bold", size: 15, gap: 6, destination: `fiche-${item.id}` });
      if (item.note) pdf.text(part, "P", `Note du formateur : ${item.note}`, NOTE);
      if (!item.fiche) {
        pdf.text(part, "P", "Cette fiche n'est pas consultable : elle est en brouillon ou a été retirée par la modération.", NOTE);
        continue;
      }
      const blocks = htmlToBlocks(item.fiche.html);
      if (blocks.length === 0) pdf.text(part, "P", "Cette fiche n'a pas encore de contenu.", NOTE);
      writeBlocks(pdf, part, blocks);
      if (item.fiche.source) pdf.text(part, "P", `Source : ${item.fiche.source}`, { ...SMALL, gap: 2 });
      const url = `${options.baseUrl}/fiches/${item.fiche.slug}`;
      pdf.linkText(pdf.element(part, "P"), { url }, `La fiche « ${titre} » sur le wiki`, `En ligne : ${url}`, SMALL);
    }
  });
}

function writeSources(pdf: TaggedPdf, catalogue: CatalogueDetail, options: CataloguePdfOptions, pages: Map<string, number>): void {
  pdf.doc.addPage();
  pages.set("sources", pdf.currentPage());
  pdf.doc.outline.addItem("Sources et licence");
  const section = pdf.element(pdf.root, "Sect");
  pdf.text(section, "H2", "Sources et licence", { font: "bold", size: 20, gap: 10, destination: "sources" });
  const paragraph: TextStyle = { size: 10.5, gap: 6 };
  pdf.text(section, "P", `Les fiches de ce catalogue viennent du Wiki de la Solidarité numérique (${options.baseUrl}). Leur contenu est publié sous ${options.licence.name} : ${options.licence.url}`, paragraph);
  pdf.text(section, "P", `Catalogue en ligne : ${options.baseUrl}/catalogues/${catalogue.slug}`, paragraph);
  if (catalogue.original) pdf.text(section, "P", `Adapté de « ${catalogue.original.titre} » : ${options.baseUrl}/catalogues/${catalogue.original.slug}`, paragraph);
  pdf.doc.moveDown(0.5);
  const fiches = catalogue.modules.flatMap((m) => m.items).flatMap((item) => (item.fiche ? [item.fiche] : []));
  if (fiches.length === 0) return;
  const list = pdf.element(section, "L");
  for (const fiche of fiches) {
    const titre = displayTitre(fiche.titre);
    const body = pdf.item(list, null, [titre, { font: "bold", size: 10.5 }]);
    const url = `${options.baseUrl}/fiches/${fiche.slug}`;
    pdf.linkText(body, { url }, `La fiche « ${titre} » sur le wiki`, url, { size: 9.5, color: GREY });
    if (fiche.source) body.add(() => pdf.write(`Source : ${fiche.source}`, { size: 9.5, color: GREY }));
    pdf.doc.moveDown(0.4);
  }
}

/**
 * The catalogue as a tagged A4 PDF (PDF/UA, embedded font, French): a cover, a table of contents
 * with page numbers and links, one section per module with its fiches' text, then their sources
 * and the content licence, with a bookmark for each. The catalogue must have been read with its
 * content (getCatalogueBySlug with `content: true`).
 */
export function renderCataloguePdf(catalogue: CatalogueDetail, options: CataloguePdfOptions): Promise<Buffer> {
  const pdf = new TaggedPdf({
    title: catalogue.titre,
    author: catalogue.owners.map((o) => o.name).join(", ") || "Wiki de la Solidarité numérique",
    subject: catalogue.description.slice(0, 500) || "Catalogue de formation",
  });
  writeCover(pdf, catalogue, options);
  const entries = tocEntries(catalogue);
  // The table of contents comes before the pages it numbers: reserve its pages and its place in the
  // structure tree now, fill them at the end.
  const tocPages = countTocPages(pdf, entries);
  const tocStart = pdf.doc.bufferedPageRange().count;
  const tocSection = pdf.element(pdf.root, "Sect");
  for (let i = 0; i < tocPages; i++) {
    pdf.doc.addPage();
    if (i === 0) pdf.doc.outline.addItem("Sommaire");
  }
  const pages = new Map<string, number>();
  writeModules(pdf, catalogue, options, pages);
  writeSources(pdf, catalogue, options, pages);
  for (const entry of entries) entry.page = pages.get(entry.destination) ?? 0;
  writeToc(pdf, tocSection, entries, tocStart);
  const short = catalogue.titre.length > 70 ? `${catalogue.titre.slice(0, 69)}…` : catalogue.titre;
  pdf.writeFooters((page, count) => `${short} · page ${page} sur ${count}`, 1);
  return pdf.finish();
}
