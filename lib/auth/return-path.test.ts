import { describe, expect, it } from "vitest";
import { firstSafeReturnPath, safeReturnPath, signInHref, signUpHref } from "./return-path";

describe("safeReturnPath", () => {
  it.each(["/", "/fiches/garage-informatique", "/fiches/garage-informatique/modifier", "/recherche?q=atelier%20num%C3%A9rique&type=fiche", "/acteurs/ouishare#membres", "/fiches/caf%C3%A9-num%C3%A9rique"])(
    "keeps the path of this site %s",
    (path) => {
      expect(safeReturnPath(path)).toBe(path);
    },
  );

  it.each([
    ["a protocol-relative URL", "//evil.example"],
    ["a protocol-relative URL with a path", "//evil.example/fiches/x"],
    ["three slashes", "///evil.example"],
    ["a backslash browsers read as a slash", "/\\evil.example"],
    ["two backslashes", "\\\\evil.example"],
    ["a backslash further on", "/fiches\\..\\..\\evil"],
    ["a tab browsers drop", "/\t/evil.example"],
    ["a newline browsers drop", "/\n/evil.example"],
    ["a carriage return", "/fiches\r\nLocation: https://evil.example"],
    ["a NUL byte", "/fiches\u0000"],
    ["DEL", "/fiches\u007f"],
    ["an absolute https URL", "https://evil.example/"],
    ["an absolute URL of this very site", "http://localhost:3000/fiches/x"],
    ["a javascript: URL", "javascript:alert(1)"],
    ["a data: URL", "data:text/html,<script>alert(1)</script>"],
    ["a relative path", "fiches/x"],
    ["a dot path", "./fiches"],
    ["an empty string", ""],
    ["a path that is far too long", `/${"a".repeat(3000)}`],
    ["the sign-in page", "/connexion"],
    ["the sign-in page with its own return", "/connexion?retour=%2Ffiches%2Fx"],
    ["the sign-up page", "/inscription/"],
  ])("sends %s home", (_label, value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it.each([undefined, null, 42, ["/fiches/x"], { href: "/fiches/x" }])("sends a value that is not a string (%j) home", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });
});

describe("firstSafeReturnPath", () => {
  it("takes the first candidate that is a path of this site, looking into repeated parameters", () => {
    expect(firstSafeReturnPath(undefined, "/fiches/x")).toBe("/fiches/x");
    expect(firstSafeReturnPath("//evil.example", "/fiches/x")).toBe("/fiches/x");
    expect(firstSafeReturnPath(["//evil.example", "/fiches/y"], "/fiches/x")).toBe("/fiches/y");
  });

  it("falls back to home when none is", () => {
    expect(firstSafeReturnPath()).toBe("/");
    expect(firstSafeReturnPath(undefined, "https://evil.example", ["/\\evil.example"])).toBe("/");
  });
});

describe("signInHref and signUpHref", () => {
  it("carry an encoded return path", () => {
    expect(signInHref("/fiches/garage-informatique")).toBe("/connexion?retour=%2Ffiches%2Fgarage-informatique");
    expect(signUpHref("/recherche?q=a&b=c")).toBe("/inscription?retour=%2Frecherche%3Fq%3Da%26b%3Dc");
  });

  it("carry nothing for home or a path that is not safe", () => {
    expect(signInHref("/")).toBe("/connexion");
    expect(signInHref("//evil.example")).toBe("/connexion");
    expect(signUpHref("/connexion")).toBe("/inscription");
  });
});
