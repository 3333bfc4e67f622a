import { describe, expect, it } from "vitest";
import { PdfFile } from "@/e2e/pdf-objects";
import { flattenStructure, pdfStructureTree } from "@/e2e/pdf-structure";
import { TaggedPdf } from "./document";

/** The text of each paragraph of a one-paragraph document, as its structure tree gives it to a screen reader. */
async function paragraphs(text: string): Promise<string[]> {
  const pdf = new TaggedPdf({ title: "Essai", author: "Wiki", subject: "Essai" });
  pdf.text(pdf.root, "P", text, { size: 12 });
  const file = new PdfFile(await pdf.finish());
  return flattenStructure(pdfStructureTree(file))
    .filter((element) => element.type === "P")
    .map((element) => element.text);
}

describe("TaggedPdf", () => {
  // Documents share the parsed fonts; the order matters: this file's first document must hold « É » and no « E ».
  it("keeps every letter in the text layer, whatever documents came before", async () => {
    expect(await paragraphs("Été à la plage")).toEqual(["Été à la plage"]);
    expect(await paragraphs("Espace numérique Saint-Michel, à Bègles")).toEqual(["Espace numérique Saint-Michel, à Bègles"]);
    expect(await paragraphs("Éducation, emploi, santé")).toEqual(["Éducation, emploi, santé"]);
  });
});
