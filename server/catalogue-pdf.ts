import PDFDocument from "pdfkit";
import type { CatalogueDetail } from "@/db/queries/catalogue";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { htmlToBlocks, type TextBlock } from "./html-blocks";
import { toWinAnsi } from "./win-ansi";

/** What the PDF cites besides the catalogue: where the wiki lives and the licence of its content. */
export type CataloguePdfOptions = { baseUrl: string; licence: { name: string; url: string }; generatedAt?: Date };

// A4 in points, with 2 cm side margins and room for the footer.
const A4: [number, number] = [595.28, 841.89];
const MARGINS = { top: 62, bottom: 68, left: 57, right: 57 };
const WIDTH = A4[0] - MARGINS.left - MARGINS.right;
const TOC_NUMBER_WIDTH = 36;
const BLUE = "#000091";
const GREY = "#3a3a3a";

type Doc = PDFKit.PDFDocument;
type TocEntry = { text: string; level: 0 | 1; destination: string; page: number };

// Helvetica with WinAnsi covers French (é è à ç œ ’ « »); anything else is folded by toWinAnsi.
const FONT = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" };

function write(doc: Doc, text: string, font: string, size: number, options: PDFKit.Mixins.TextOptions & { color?: string; indent?: number } = {}): void {
  const { color = "#161616", indent = 0, ...rest } = options;
  doc.font(font).fontSize(size).fillColor(color);
  doc.text(toWinAnsi(text), MARGINS.left + indent, undefined, { width: WIDTH - indent, ...rest });
}

/** Starts a heading on a new page when fewer than `room` points are left, so that it is never orphaned. */
function keepRoom(doc: Doc, room: number): void {
  if (doc.y + room > A4[1] - MARGINS.bottom) doc.addPage();
}

/** The 1-based number of the page being written: pages are only ever appended, outside the table of contents. */
const currentPage = (doc: Doc) => doc.bufferedPageRange().start + doc.bufferedPageRange().count;

function writeCover(doc: Doc, catalogue: CatalogueDetail, options: CataloguePdfOptions): void {
  doc.y = 150;
  write(doc, "Catalogue de formation · Wiki de la Solidarité numérique", FONT.bold, 11, { color: BLUE });
  doc.moveDown(1);
  write(doc, catalogue.titre, FONT.bold, 26);
  doc.moveDown(1);
  if (catalogue.description) write(doc, catalogue.description, FONT.regular, 12, { paragraphGap: 6 });
  doc.moveDown(1);
  const details: [string, string][] = [
    ["Public visé", catalogue.publicVise],
    ["Objectifs", catalogue.objectifs],
    ["Durée", catalogue.duree],
    ["Conçu par", catalogue.owners.map((o) => o.name).join(", ")],
    ["Adapté de", catalogue.original ? `« ${catalogue.original.titre} » (${options.baseUrl}/catalogues/${catalogue.original.slug})` : ""],
  ];
  for (const [label, value] of details.filter(([, v]) => v.trim() !== "")) {
    write(doc, label, FONT.bold, 11);
    write(doc, value, FONT.regular, 11, { paragraphGap: 8 });
  }
  doc.moveDown(2);
  const date = (options.generatedAt ?? new Date()).toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/Paris" });
  write(doc, `Version du ${date} : ${options.baseUrl}/catalogues/${catalogue.slug}`, FONT.regular, 9, { color: GREY });
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

const tocFont = (entry: TocEntry) => (entry.level === 0 ? { font: FONT.bold, size: 12, indent: 0, gap: 6 } : { font: FONT.regular, size: 10.5, indent: 16, gap: 3 });

function tocEntryHeight(doc: Doc, entry: TocEntry): number {
  const { font, size, indent, gap } = tocFont(entry);
  doc.font(font).fontSize(size);
  return doc.heightOfString(toWinAnsi(entry.text), { width: WIDTH - indent - TOC_NUMBER_WIDTH }) + gap;
}

const TOC_TITLE_HEIGHT = 60;

/** How many pages the table of contents takes, measured with the fonts it is written in. */
function countTocPages(doc: Doc, entries: TocEntry[]): number {
  const available = A4[1] - MARGINS.top - MARGINS.bottom;
  let pages = 1;
  let used = TOC_TITLE_HEIGHT;
  for (const entry of entries) {
    const height = tocEntryHeight(doc, entry);
    if (used + height > available) {
      pages++;
      used = 0;
    }
    used += height;
  }
  return pages;
}

/** Writes the table of contents into its reserved pages (`firstPage` is 0-based), each line linked to its destination. */
function writeToc(doc: Doc, entries: TocEntry[], firstPage: number): void {
  let page = firstPage;
  doc.switchToPage(page);
  doc.y = MARGINS.top;
  write(doc, "Sommaire", FONT.bold, 20);
  doc.y = MARGINS.top + TOC_TITLE_HEIGHT;
  for (const entry of entries) {
    const height = tocEntryHeight(doc, entry);
    if (doc.y + height > A4[1] - MARGINS.bottom) {
      doc.switchToPage(++page);
      doc.y = MARGINS.top;
    }
    const { font, size, indent, gap } = tocFont(entry);
    const y = doc.y;
    doc.font(font).fontSize(size).fillColor("#161616");
    doc.text(toWinAnsi(entry.text), MARGINS.left + indent, y, { width: WIDTH - indent - TOC_NUMBER_WIDTH, goTo: entry.destination });
    const after = doc.y;
    doc.text(String(entry.page), MARGINS.left + WIDTH - TOC_NUMBER_WIDTH, y, { width: TOC_NUMBER_WIDTH, align: "right", goTo: entry.destination });
    doc.y = after + gap;
  }
}

function writeBlock(doc: Doc, block: TextBlock): void {
  switch (block.kind) {
    case "heading":
      keepRoom(doc, 60);
      write(doc, block.text, FONT.bold, block.level <= 2 ? 12.5 : block.level === 3 ? 11.5 : 10.5, { paragraphGap: 4 });
      break;
    case "paragraph":
      write(doc, block.text, FONT.regular, 10.5, { paragraphGap: 6, lineGap: 1.5 });
      break;
    case "item":
      write(doc, block.marker ? `${block.marker} ${block.text}` : block.text, FONT.regular, 10.5, { indent: 14 * (block.depth + 1), paragraphGap: 3, lineGap: 1.5 });
      break;
    case "row":
      write(doc, block.cells.join(" | "), block.header ? FONT.bold : FONT.regular, 10, { paragraphGap: 3 });
      break;
  }
}

function writeModules(doc: Doc, catalogue: CatalogueDetail, options: CataloguePdfOptions, pages: Map<string, number>): void {
  catalogue.modules.forEach((module, m) => {
    doc.addPage();
    pages.set(`module-${module.id}`, currentPage(doc));
    // Outline titles are Unicode strings: they need no folding.
    const outline = doc.outline.addItem(`Module ${m + 1} · ${module.titre}`);
    write(doc, `Module ${m + 1}`, FONT.bold, 11, { color: BLUE, destination: `module-${module.id}` });
    write(doc, module.titre, FONT.bold, 20, { paragraphGap: 8 });
    if (module.description) write(doc, module.description, FONT.regular, 11, { paragraphGap: 10 });
    if (module.items.length === 0) write(doc, "Ce module ne contient pas encore de fiche.", FONT.italic, 10.5, { color: GREY });
    for (const item of module.items) {
      doc.moveDown(0.8);
      keepRoom(doc, 120);
      pages.set(`fiche-${item.id}`, currentPage(doc));
      const titre = item.fiche ? displayTitre(item.fiche.titre) : "Fiche indisponible";
      outline.addItem(titre);
      const meta = [item.fiche ? FICHE_TYPE_LABELS[item.fiche.type].singular : null, item.duree ? `Durée : ${item.duree}` : null].filter(Boolean).join(" · ");
      if (meta) write(doc, meta, FONT.bold, 9.5, { color: BLUE });
      write(doc, titre, FONT.bold, 15, { paragraphGap: 6, destination: `fiche-${item.id}` });
      if (item.note) write(doc, `Note du formateur : ${item.note}`, FONT.italic, 10.5, { paragraphGap: 8, color: GREY });
      if (!item.fiche) {
        write(doc, "Cette fiche n'est pas consultable : elle est en brouillon ou a été retirée par la modération.", FONT.italic, 10.5, { color: GREY });
        continue;
      }
      const blocks = htmlToBlocks(item.fiche.html);
      if (blocks.length === 0) write(doc, "Cette fiche n'a pas encore de contenu.", FONT.italic, 10.5, { color: GREY });
      blocks.forEach((block) => writeBlock(doc, block));
      if (item.fiche.source) write(doc, `Source : ${item.fiche.source}`, FONT.regular, 9, { color: GREY, paragraphGap: 2 });
      write(doc, `En ligne : ${options.baseUrl}/fiches/${item.fiche.slug}`, FONT.regular, 9, { color: GREY });
    }
  });
}

function writeSources(doc: Doc, catalogue: CatalogueDetail, options: CataloguePdfOptions, pages: Map<string, number>): void {
  doc.addPage();
  pages.set("sources", currentPage(doc));
  doc.outline.addItem("Sources et licence");
  write(doc, "Sources et licence", FONT.bold, 20, { paragraphGap: 10, destination: "sources" });
  write(doc, `Les fiches de ce catalogue viennent du Wiki de la Solidarité numérique (${options.baseUrl}). Leur contenu est publié sous ${options.licence.name} : ${options.licence.url}`, FONT.regular, 10.5, { paragraphGap: 6 });
  write(doc, `Catalogue en ligne : ${options.baseUrl}/catalogues/${catalogue.slug}`, FONT.regular, 10.5, { paragraphGap: 6 });
  if (catalogue.original) write(doc, `Adapté de « ${catalogue.original.titre} » : ${options.baseUrl}/catalogues/${catalogue.original.slug}`, FONT.regular, 10.5, { paragraphGap: 6 });
  doc.moveDown(0.5);
  for (const item of catalogue.modules.flatMap((m) => m.items)) {
    if (!item.fiche) continue;
    write(doc, displayTitre(item.fiche.titre), FONT.bold, 10.5);
    write(doc, `${options.baseUrl}/fiches/${item.fiche.slug}`, FONT.regular, 9.5, { color: GREY });
    if (item.fiche.source) write(doc, `Source : ${item.fiche.source}`, FONT.regular, 9.5, { color: GREY });
    doc.moveDown(0.4);
  }
}

function writeFooters(doc: Doc, titre: string): void {
  const { start, count } = doc.bufferedPageRange();
  const short = titre.length > 70 ? `${titre.slice(0, 69)}…` : titre;
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would make pdfkit start a new page: lift the margin meanwhile.
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8.5).fillColor(GREY);
    doc.text(toWinAnsi(`${short} · page ${i + 1} sur ${count}`), MARGINS.left, A4[1] - 40, { width: WIDTH, align: "center", lineBreak: false });
    doc.page.margins.bottom = MARGINS.bottom;
  }
}

/**
 * The catalogue as an A4 PDF: a cover, a table of contents with page numbers and links, one section
 * per module with its fiches' text, then their sources and the content licence. The catalogue must
 * have been read with its content (getCatalogueBySlug with `content: true`).
 */
export function renderCataloguePdf(catalogue: CatalogueDetail, options: CataloguePdfOptions): Promise<Buffer> {
  const doc = new PDFDocument({
    size: A4,
    margins: MARGINS,
    bufferPages: true,
    autoFirstPage: true,
    lang: "fr-FR",
    displayTitle: true,
    info: {
      Title: catalogue.titre,
      Author: catalogue.owners.map((o) => o.name).join(", "),
      Subject: catalogue.description.slice(0, 500),
      Creator: "Wiki de la Solidarité numérique",
    },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  writeCover(doc, catalogue, options);
  const entries = tocEntries(catalogue);
  // The table of contents comes before the pages it numbers: reserve its pages, fill them at the end.
  const tocPages = countTocPages(doc, entries);
  const tocStart = doc.bufferedPageRange().count;
  for (let i = 0; i < tocPages; i++) {
    doc.addPage();
    if (i === 0) doc.outline.addItem("Sommaire");
  }
  const pages = new Map<string, number>();
  writeModules(doc, catalogue, options, pages);
  writeSources(doc, catalogue, options, pages);
  for (const entry of entries) entry.page = pages.get(entry.destination) ?? 0;
  writeToc(doc, entries, tocStart);
  writeFooters(doc, catalogue.titre);
  doc.end();
  return done;
}
