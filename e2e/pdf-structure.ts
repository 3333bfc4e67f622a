import { decodeText, nameOf, PdfFile, type PdfDict, type PdfValue } from "./pdf-objects";
import { pdfPageRuns } from "./pdf-text";

// What makes a PDF accessible, read back for tests: the structure tree with the text of each
// element, the bookmarks, the fonts and whether they are embedded, and the XMP metadata.

/** A structure element: its type (H1, P, L, Link…), its children in reading order, its text, and its annotations (links). */
export type StructNode = { type: string; children: StructNode[]; text: string; annotations: PdfDict[] };

/** The structure tree from /StructTreeRoot, each element's text gathered from its marked content. */
export function pdfStructureTree(pdf: Buffer | PdfFile): StructNode {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  const pages = file.pageNumbers();
  const runs = pdfPageRuns(file);
  const textOf = (page: number, mcid: number) =>
    runs[pages.indexOf(page)]
      .filter((run) => run.mcid === mcid && !run.artifact)
      .map((run) => run.text)
      .join(" ");
  const refOf = (value: PdfValue | undefined) => (value && typeof value === "object" && "ref" in value ? value.ref : -1);

  const visit = (value: PdfValue | undefined): StructNode => {
    const dict = file.resolve(value);
    if (!(dict instanceof Map)) throw new Error("A structure element is not a dictionary");
    const node: StructNode = { type: nameOf(dict.get("S")) ?? "StructTreeRoot", children: [], text: "", annotations: [] };
    const texts: string[] = [];
    const kids = file.resolve(dict.get("K"));
    for (const kid of Array.isArray(kids) ? kids : kids === undefined ? [] : [kids]) {
      const resolved = file.resolve(kid);
      if (typeof resolved === "number") texts.push(textOf(refOf(dict.get("Pg")), resolved));
      else if (resolved instanceof Map && nameOf(resolved.get("Type")) === "MCR") texts.push(textOf(refOf(resolved.get("Pg")), resolved.get("MCID") as number));
      else if (resolved instanceof Map && nameOf(resolved.get("Type")) === "OBJR") node.annotations.push(file.resolve(resolved.get("Obj")) as PdfDict);
      else {
        const child = visit(kid);
        node.children.push(child);
        texts.push(child.text);
      }
    }
    // Wrapped lines keep their trailing space: runs join with one space, whatever they end with.
    node.text = texts.join(" ").replace(/ +/g, " ").trim();
    return node;
  };
  return visit(file.catalog.get("StructTreeRoot"));
}

/** The elements of the tree, depth first, in reading order. */
export function flattenStructure(node: StructNode): StructNode[] {
  return [node, ...node.children.flatMap(flattenStructure)];
}

/** A bookmark: its title and the bookmarks nested under it. */
export type Bookmark = { title: string; children: Bookmark[] };

/** The document outline (bookmarks), from /Outlines. */
export function pdfOutline(pdf: Buffer | PdfFile): Bookmark[] {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  const siblings = (first: PdfValue | undefined): Bookmark[] => {
    const list: Bookmark[] = [];
    for (let item = file.resolve(first); item instanceof Map; item = file.resolve(item.get("Next"))) {
      list.push({ title: decodeText(file.resolve(item.get("Title"))!), children: siblings(item.get("First")) });
    }
    return list;
  };
  return siblings(file.get(file.catalog.get("Outlines"), "First"));
}

/** A font the document uses: its name, its type, and whether its program is embedded. */
export type FontInfo = { name: string; subtype: string; embedded: boolean };

/** Every font dictionary of the document (composite fonts by their descendant). */
export function pdfFontsInfo(pdf: Buffer | PdfFile): FontInfo[] {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  const fonts: FontInfo[] = [];
  for (const { value } of file.objects.values()) {
    if (!(value instanceof Map) || nameOf(value.get("Type")) !== "Font" || nameOf(value.get("Subtype")) === "Type0") continue;
    const descriptor = file.get(value, "FontDescriptor");
    const embedded = ["FontFile", "FontFile2", "FontFile3"].some((key) => file.get(descriptor, key) !== undefined);
    fonts.push({ name: nameOf(value.get("BaseFont")) ?? "", subtype: nameOf(value.get("Subtype")) ?? "", embedded });
  }
  return fonts;
}

/** The XMP metadata packet of the catalog, as text. */
export function pdfXmp(pdf: Buffer | PdfFile): string {
  const file = pdf instanceof PdfFile ? pdf : new PdfFile(pdf);
  const ref = file.catalog.get("Metadata");
  return ref && typeof ref === "object" && "ref" in ref ? (file.objects.get(ref.ref)?.stream?.toString("utf8") ?? "") : "";
}
