import PDFDocument from "pdfkit";
import { pdfFonts, type FontStyle } from "./fonts";
import { foldToGlyphs } from "./glyphs";

/** A node of the structure tree: where headings, paragraphs, lists and links are added. */
export type StructElement = PDFKit.PDFStructureElement;

/** How a run of text looks. `gap` is the space after it; `indent` shifts it from the left margin. */
export type TextStyle = {
  font?: FontStyle;
  size: number;
  color?: string;
  indent?: number;
  gap?: number;
  lineGap?: number;
  /** A named destination on this text, for links and the table of contents. */
  destination?: string;
};

/** Where a link leads: a web address, or a named destination of the same document. */
export type LinkTarget = { url: string } | { destination: string };

// A4 in points, with 2 cm side margins and room for the footer.
const A4 = { width: 595.28, height: 841.89 };
const MARGINS = { top: 62, bottom: 68, left: 57, right: 57 };
const TEXT_COLOR = "#161616";
export const GREY = "#3a3a3a";
export const BLUE = "#000091";

// pdfkit's typings leave out the PDF/UA subset, and take font sources as paths only (Buffers work).
type TaggedOptions = Omit<PDFKit.PDFDocumentOptions, "subset"> & { subset: "PDF/UA" };
// The fontkit font pdfkit embeds: its cmap says which characters have a glyph.
type FontkitGlyph = { codePoints: number[] };
type FontkitFont = {
  layout: unknown;
  hasGlyphForCodePoint(codePoint: number): boolean;
  getGlyph(id: number, codePoints?: number[]): FontkitGlyph | null;
};
type WithFontkit = { _font: { font: FontkitFont } };
const STYLES = ["regular", "bold", "italic"] as const;

// Handed bytes, fontkit parses every table again for each document; handed the parsed font, pdfkit
// reuses it (with a new subset per document). Parsing was half of a 100-page catalogue's time.
let parsedFonts: Record<FontStyle, FontkitFont> | null = null;

/**
 * fontkit caches each glyph with the characters of its first request. Drawing or embedding « É »
 * asks for its component « E » with none; a shared font then kept « E » without characters, and
 * every later document's text layer lost its « E » (pdfkit writes a glyph's characters into the
 * ToUnicode map that screen readers, search and copy read). Fills them in on the next request.
 */
function keepGlyphsCodePoints(font: FontkitFont): FontkitFont {
  const getGlyph = font.getGlyph.bind(font);
  font.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (glyph && glyph.codePoints.length === 0 && codePoints.length > 0) glyph.codePoints = codePoints;
    return glyph;
  };
  return font;
}

/**
 * A tagged PDF/UA document in the wiki's embedded face: every piece of text is written into a
 * structure element (or marked as an artifact), so that screen readers read it in order, with its
 * headings, lists and links, in French.
 */
export class TaggedPdf {
  readonly doc: PDFKit.PDFDocument;
  /** The Document element every other element descends from. */
  readonly root: StructElement;
  readonly left = MARGINS.left;
  readonly width = A4.width - MARGINS.left - MARGINS.right;
  readonly bottom = A4.height - MARGINS.bottom;
  readonly top = MARGINS.top;
  private readonly done: Promise<Buffer>;
  private readonly covers: (codePoint: number) => boolean;

  constructor(info: { title: string; author: string; subject: string }) {
    const fonts = parsedFonts ?? pdfFonts();
    const options: TaggedOptions = {
      size: [A4.width, A4.height],
      margins: MARGINS,
      bufferPages: true,
      pdfVersion: "1.7",
      tagged: true,
      subset: "PDF/UA",
      lang: "fr-FR",
      displayTitle: true,
      // Without it pdfkit would open Helvetica, a standard font it cannot embed.
      font: fonts.regular as unknown as string,
      info: { Title: info.title, Author: info.author, Subject: info.subject, Creator: "Wiki de la Solidarité numérique" },
    };
    this.doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
    for (const style of STYLES) this.doc.registerFont(style, fonts[style] as unknown as string);
    if (!parsedFonts) {
      const parsed: Partial<Record<FontStyle, FontkitFont>> = {};
      // Opening a font only parses it: pdfkit embeds the fonts a page uses.
      for (const style of STYLES) parsed[style] = keepGlyphsCodePoints((this.doc.font(style) as unknown as WithFontkit)._font.font);
      parsedFonts = parsed as Record<FontStyle, FontkitFont>;
      this.doc.font("regular");
    }
    const font = (this.doc as unknown as WithFontkit)._font.font;
    // Every character of every text is checked: fontkit's cmap lookup is asked once per code point.
    const known = new Map<number, boolean>();
    this.covers = (codePoint) => {
      let covered = known.get(codePoint);
      if (covered === undefined) known.set(codePoint, (covered = font.hasGlyphForCodePoint(codePoint)));
      return covered;
    };

    const chunks: Buffer[] = [];
    this.done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on("data", (chunk: Buffer) => chunks.push(chunk));
      this.doc.on("end", () => resolve(Buffer.concat(chunks)));
      this.doc.on("error", reject);
    });
    this.root = this.doc.struct("Document");
    this.doc.addStructure(this.root);
  }

  /** The text as the embedded face can show it. */
  fold(text: string): string {
    return foldToGlyphs(text, this.covers);
  }

  /** Sets the font, size and colour of a style: what measures and writes use next. */
  useStyle(style: TextStyle): void {
    this.doc.font(style.font ?? "regular").fontSize(style.size).fillColor(style.color ?? TEXT_COLOR);
  }

  /** Writes text at the cursor in a style, outside any structure: callers wrap it in an element. */
  write(text: string, style: TextStyle, width = this.width - (style.indent ?? 0)): void {
    this.useStyle(style);
    this.doc.text(this.fold(text), this.left + (style.indent ?? 0), undefined, {
      width,
      paragraphGap: style.gap ?? 0,
      lineGap: style.lineGap ?? 0,
      destination: style.destination,
    });
  }

  /** The height the text takes in a style, with its gap. */
  heightOf(text: string, style: TextStyle, width = this.width - (style.indent ?? 0)): number {
    this.useStyle(style);
    return this.doc.heightOfString(this.fold(text), { width, lineGap: style.lineGap ?? 0 }) + (style.gap ?? 0);
  }

  /** A container element (Sect, L, LI, TOC…) added under `parent`, in reading order. */
  element(parent: StructElement, tag: string): StructElement {
    const element = this.doc.struct(tag);
    parent.add(element);
    return element;
  }

  /** Writes text as one element (P, H1, Lbl…) under `parent`. */
  text(parent: StructElement, tag: string, text: string, style: TextStyle): StructElement {
    return this.runs(parent, tag, [[text, style]]);
  }

  /** Writes several runs, one under the other, as one element: a heading with its kicker reads as one. */
  runs(parent: StructElement, tag: string, runs: [string, TextStyle][]): StructElement {
    const element = this.doc.struct(tag, {}, () => runs.forEach(([text, style]) => this.write(text, style)));
    parent.add(element);
    return element;
  }

  /**
   * Writes a Link element under `parent`: what `draw` writes, covered by one link annotation that
   * carries `description` for assistive technologies, as PDF/UA requires.
   */
  link(parent: StructElement, target: LinkTarget, description: string, draw: () => { x: number; width: number }): void {
    const element = this.doc.struct("Link");
    parent.add(element);
    element.add(() => {
      const y = this.doc.y;
      const { x, width } = draw();
      // Contents is a String object: pdfkit writes a primitive string as a PDF name.
      const options = { structParent: element, Contents: new String(description) } as unknown as PDFKit.Mixins.AnnotationOption;
      const height = this.doc.y - y;
      if ("url" in target) this.doc.link(x, y, width, height, target.url, options);
      else this.doc.goTo(x, y, width, height, target.destination, options);
    });
    element.end();
  }

  /** Writes a line of text as a Link element under `parent`; the link covers the text it shows. */
  linkText(parent: StructElement, target: LinkTarget, description: string, text: string, style: TextStyle): void {
    this.keepRoom(this.heightOf(text, style));
    this.link(parent, target, description, () => {
      this.useStyle(style);
      const available = this.width - (style.indent ?? 0);
      const measured = Math.min(available, this.doc.widthOfString(this.fold(text)));
      this.write(text, { ...style, gap: 0 });
      return { x: this.left + (style.indent ?? 0), width: measured };
    });
    this.doc.y += style.gap ?? 0;
  }

  /**
   * Writes a list item under `list`: its label (Lbl, a bullet, a number or a term) and its body
   * (LBody), side by side when `labelWidth` is given, else one under the other. The body is text in
   * a style, or written by a function (links…). Returns the body, where more of the item goes.
   */
  item(list: StructElement, label: [string, TextStyle] | null, body: [string, TextStyle] | ((body: StructElement) => void), labelWidth?: number): StructElement {
    const firstStyle = typeof body === "function" ? label?.[1] : body[1];
    if (firstStyle) this.useStyle(firstStyle);
    this.keepRoom(this.doc.currentLineHeight(true) * 2);
    const li = this.element(list, "LI");
    const top = this.doc.y;
    let labelEnd = top;
    if (label) {
      const [labelText, labelStyle] = label;
      this.text(li, "Lbl", labelText, labelWidth === undefined ? labelStyle : { ...labelStyle, gap: 0 });
      labelEnd = this.doc.y;
      if (labelWidth !== undefined) this.doc.y = top;
    }
    const lbody = this.element(li, "LBody");
    if (typeof body === "function") body(lbody);
    else {
      const [text, style] = body;
      const bodyStyle = labelWidth === undefined ? style : { ...style, indent: (style.indent ?? 0) + labelWidth };
      lbody.add(() => this.write(text, bodyStyle));
    }
    // A label longer than its body (a wrapped term) must not be overwritten by what follows.
    if (labelWidth !== undefined && this.doc.y < labelEnd) this.doc.y = labelEnd;
    return lbody;
  }

  /** Draws page furniture (running headers, footers, page numbers) that readers skip. */
  artifact(draw: () => void): void {
    this.doc.markContent("Artifact", { type: "Pagination" });
    draw();
    this.doc.endMarkedContent();
  }

  /** Starts a new page when fewer than `room` points are left, so that a heading is never orphaned. */
  keepRoom(room: number): void {
    if (this.doc.y + room > this.bottom) this.doc.addPage();
  }

  /** The 1-based number of the page being written; pages are only ever appended while writing. */
  currentPage(): number {
    const { start, count } = this.doc.bufferedPageRange();
    return start + count;
  }

  /** Writes `footer(page, count)` at the foot of every page from `from` (0-based), as an artifact. */
  writeFooters(footer: (page: number, count: number) => string, from = 0): void {
    const { start, count } = this.doc.bufferedPageRange();
    for (let i = start + from; i < start + count; i++) {
      this.doc.switchToPage(i);
      // Writing below the bottom margin would make pdfkit start a new page: lift the margin meanwhile.
      this.doc.page.margins.bottom = 0;
      this.artifact(() => {
        this.useStyle({ size: 8.5, color: GREY });
        this.doc.text(this.fold(footer(i + 1, count)), this.left, A4.height - 40, { width: this.width, align: "center", lineBreak: false });
      });
      this.doc.page.margins.bottom = MARGINS.bottom;
    }
  }

  /** Ends the document and resolves to its bytes. */
  finish(): Promise<Buffer> {
    this.root.end();
    this.doc.end();
    return this.done;
  }
}
