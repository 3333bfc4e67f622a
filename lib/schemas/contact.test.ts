import { describe, expect, it } from "vitest";
import { emailListSchema, normalizePhoneFr, normalizeWebsite, websiteListSchema } from "./contact";

describe("normalizePhoneFr", () => {
  it("reads the usual French writings into 05 56 12 34 56", () => {
    for (const input of ["0556123456", "05.56.12.34.56", "05-56-12-34-56", "+33 5 56 12 34 56", "+33 (0)5 56 12 34 56", "0033556123456"]) {
      expect(normalizePhoneFr(input)).toBe("05 56 12 34 56");
    }
    expect(normalizePhoneFr("+262 692 12 34 56")).toBe("06 92 12 34 56");
  });

  it("refuses what is not a French number", () => {
    for (const input of ["3939", "0056123456", "+44 20 7946 0958", "05 56 12 34 5", "00 56 12 34 56", "abc"]) {
      expect(normalizePhoneFr(input)).toBeNull();
    }
  });
});

describe("normalizeWebsite", () => {
  it("adds https when missing and keeps what was typed", () => {
    expect(normalizeWebsite("www.bordeaux.fr")).toBe("https://www.bordeaux.fr");
    expect(normalizeWebsite("http://exemple.org/contact?x=1")).toBe("http://exemple.org/contact?x=1");
  });

  it("refuses other schemes, hosts without a dot, credentials and spaces", () => {
    for (const input of ["javascript:alert(1)", "mailto:a@b.fr", "localhost", "https://user:pw@exemple.fr", "exemple .fr"]) {
      expect(normalizeWebsite(input)).toBeNull();
    }
  });
});

describe("list fields", () => {
  it("splits emails on commas, semicolons or lines, deduplicated and lower-cased", () => {
    expect(emailListSchema.parse("a@exemple.fr, B@exemple.fr\nc@exemple.fr;a@exemple.fr")).toEqual(["a@exemple.fr", "b@exemple.fr", "c@exemple.fr"]);
    expect(emailListSchema.parse("")).toEqual([]);
  });

  it("names each wrong entry", () => {
    const result = emailListSchema.safeParse("a@exemple.fr, nimporte-quoi");
    expect(result.error?.issues.map((i) => i.message)).toEqual(["« nimporte-quoi » n'est pas une adresse électronique valide."]);
    const sites = websiteListSchema.safeParse("www.a.fr\nnope");
    expect(sites.error?.issues.map((i) => i.message)).toEqual(["« nope » n'est pas une adresse de site web valide (par exemple https://www.exemple.fr)."]);
    expect(websiteListSchema.parse(["www.a.fr", "https://b.fr"])).toEqual(["https://www.a.fr", "https://b.fr"]);
  });
});
