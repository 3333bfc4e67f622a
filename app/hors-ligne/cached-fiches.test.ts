import { describe, expect, it } from "vitest";
import { ficheTitleFromHtml } from "./cached-fiches";

const decode = (text: string) => text.replaceAll("&#x27;", "'").replaceAll("&amp;", "&");

describe("ficheTitleFromHtml", () => {
  it("reads the fiche's name from the page title, without the site's name", () => {
    const html = "<html><body><title>L&#x27;atelier &amp; la bibliothèque · Wiki de la Solidarité numérique</title></body></html>";
    expect(ficheTitleFromHtml(html, "/fiches/atelier", decode)).toBe("L'atelier & la bibliothèque");
  });

  it("falls back on the path when the page has no title", () => {
    expect(ficheTitleFromHtml("<html><body></body></html>", "/fiches/atelier", decode)).toBe("/fiches/atelier");
    expect(ficheTitleFromHtml("<title> </title>", "/fiches/atelier", decode)).toBe("/fiches/atelier");
  });
});
