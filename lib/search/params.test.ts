import { describe, expect, it } from "vitest";
import { emptyFilters, hasFilters, parseSearchParams, searchUrl, withoutFilter } from "./params";

describe("parseSearchParams", () => {
  it("reads the query, the page and repeated facet values", () => {
    const params = parseSearchParams({ q: "  ateliers  ", page: "3", theme: ["sante", "emploi", "sante"], type: "acteur" });
    expect(params.q).toBe("ateliers");
    expect(params.page).toBe(3);
    expect(params.filters.theme).toEqual(["sante", "emploi"]);
    expect(params.filters.type).toEqual(["acteur"]);
    expect(params.filters.commune).toEqual([]);
  });

  it("drops what makes no sense instead of failing", () => {
    const params = parseSearchParams({ q: ["a", "b"], page: "-2", theme: ["Santé !", "<x>", "sante"], etat: "" });
    expect(params).toEqual({ q: "a", page: 1, filters: { ...emptyFilters(), theme: ["sante"] } });
    expect(parseSearchParams({ page: "9999" }).page).toBe(1);
    expect(parseSearchParams({}).q).toBe("");
  });
});

describe("searchUrl", () => {
  it("builds a shareable URL that reads back the same", () => {
    const filters = { ...emptyFilters(), theme: ["sante", "emploi"], commune: ["merignac"] };
    const url = searchUrl({ q: "accès aux droits", filters, page: 2 });
    expect(url).toBe("/recherche?q=acc%C3%A8s+aux+droits&theme=sante&theme=emploi&commune=merignac&page=2");
    const back = new URLSearchParams(url.split("?")[1]);
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(back.keys())) raw[key] = back.getAll(key);
    expect(parseSearchParams(raw)).toEqual({ q: "accès aux droits", page: 2, filters });
  });

  it("removes one filter value and tells whether any is left", () => {
    const filters = { ...emptyFilters(), theme: ["sante"] };
    expect(hasFilters(filters)).toBe(true);
    expect(hasFilters(withoutFilter(filters, "theme", "sante"))).toBe(false);
    expect(searchUrl({ q: "" })).toBe("/recherche");
  });
});
