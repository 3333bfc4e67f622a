import { describe, expect, it } from "vitest";
import { FICHES_EXPORT_FORMAT } from "../export/fiche-record";
import { readFichesJson } from "./fiches-json";

const utf8 = (text: string) => new TextEncoder().encode(text);
const fiche = (overrides: Record<string, unknown> = {}) => ({
  slug: "cafe",
  type: "pratique",
  titre: "Café numérique",
  statut: "publiee",
  acteurs: [],
  body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Un café." }] }] },
  ...overrides,
});
const exportOf = (...fiches: unknown[]) => JSON.stringify({ format: FICHES_EXPORT_FORMAT, version: 1, fiches }, null, 2);

function refusal(text: string | Uint8Array) {
  const read = readFichesJson(typeof text === "string" ? utf8(text) : text, "fiches.json");
  if (read.ok) throw new Error("expected a refusal");
  return read.error;
}

describe("readFichesJson", () => {
  it("reads an export of fiches, body checked against the fiche schema", () => {
    const read = readFichesJson(utf8(exportOf(fiche())), "fiches.json");
    expect(read.ok && read.document.fiches[0]).toMatchObject({ titre: "Café numérique", commune: "", etat: null, themes: [] });
  });

  it("names a truncated file", () => {
    const text = exportOf(fiche());
    expect(refusal(text.slice(0, text.length / 2))).toMatchObject({ code: "truncated_file" });
  });

  it("refuses a JSON that is not an export of fiches, or another version", () => {
    expect(refusal(JSON.stringify({ hello: "world" })).message).toBe('"fiches.json" is not an export of fiches of this wiki (its "format" is null, expected "wiki-solidarite-numerique/fiches").');
    expect(refusal(JSON.stringify({ format: FICHES_EXPORT_FORMAT, version: 2, fiches: [] })).message).toContain("version: expected one of 1");
  });

  it("says which fiche and which field are wrong", () => {
    const error = refusal(exportOf(fiche(), fiche({ type: "recette", titre: "" })));
    expect(error.code).toBe("invalid_document");
    expect(error.message).toContain('fiches[1].type: expected one of "pratique", "idee", "fiche_pratique"');
    expect(error.message).toContain("fiches[1].titre: must not be empty");
    expect(error.messageFr).toContain("fiches[1].titre : ne doit pas être vide");
  });

  it("refuses a body that does not fit the fiche schema", () => {
    const error = refusal(exportOf(fiche({ body: { type: "doc", content: [{ type: "listItem", content: [{ type: "paragraph" }] }] } })));
    expect(error).toMatchObject({ code: "invalid_body" });
    expect(error.message).toContain('fiches[0].body ("Café numérique") is not a valid fiche body');
  });

  it("refuses a wrong encoding", () => {
    expect(refusal(new Uint8Array([0xfe, 0xff, 0x00, 0x7b]))).toMatchObject({ code: "utf16_not_supported" });
  });
});
