import { describe, expect, it } from "vitest";
import { answersExcept, orientationHref } from "@/lib/orientation/url";
import { parseNeed, parsePerson, parsePlace, readAnswers, requestedStep } from "./orientation";

const themes = [{ slug: "sante", label: "Santé" }];
const communes = ["Bègles", "Saint-Médard-en-Jalles"];

describe("the orientation's answers", () => {
  it("are read from the query string, repeated checkboxes included", () => {
    expect(readAnswers({ besoin: "theme-sante", public: ["Seniors", "Jeunes"], prise: "Surdité", commune: " Bègles ", lat: "", lon: "" })).toEqual({
      besoin: "theme-sante",
      public: ["Seniors", "Jeunes"],
      prise: ["Surdité"],
      commune: "Bègles",
      lat: undefined,
      lon: undefined,
      adresse: undefined,
    });
    expect(requestedStep({ etape: "lieu" })).toBe("lieu");
    expect(requestedStep({ etape: "n'importe" })).toBe("besoin");
  });

  it("need a known need, said in French when missing or unknown", () => {
    expect(parseNeed({ besoin: "theme-sante", public: [], prise: [] }, themes).need).toMatchObject({ kind: "theme", theme: "sante" });
    expect(parseNeed({ public: [], prise: [] }, themes).errors).toEqual({ besoin: ["Choisissez ce que la personne cherche à faire."] });
    expect(parseNeed({ besoin: "reparer-velo", public: [], prise: [] }, themes).errors.besoin[0]).toContain("« reparer-velo » n'existe pas");
  });

  it("accept only the national publics and supports", () => {
    expect(parsePerson({ public: ["Seniors"], prise: ["Surdité"] })).toEqual({ publics: ["Seniors"], supports: ["Surdité"], errors: {} });
    const refused = parsePerson({ public: ["Martiens"], prise: ["Télépathie"] });
    expect(refused.errors).toEqual({
      public: ["« Martiens » n'est pas un public de la liste nationale."],
      prise: ["« Télépathie » n'est pas une prise en charge de la liste nationale."],
    });
  });

  it("take a listed commune whatever its spelling, and a point given by both coordinates", () => {
    expect(parsePlace({ public: [], prise: [], commune: "saint medard en jalles", lat: "44,84", lon: "-0.57" }, communes, false)).toEqual({
      commune: "Saint-Médard-en-Jalles",
      point: { latitude: 44.84, longitude: -0.57 },
      adresse: undefined,
      errors: {},
    });
    expect(parsePlace({ public: [], prise: [] }, communes, false)).toEqual({ commune: undefined, point: undefined, adresse: undefined, errors: {} });
  });

  it("refuse an unknown commune, a lone or wrong coordinate, with a French message on the field", () => {
    expect(parsePlace({ public: [], prise: [], commune: "Atlantide" }, communes, false).errors.commune[0]).toContain("Aucun lieu d'accueil n'est connu à « Atlantide »");
    expect(parsePlace({ public: [], prise: [], lat: "44.8" }, communes, false).errors).toEqual({ lon: ["Indiquez aussi la longitude, ou effacez la latitude."] });
    expect(parsePlace({ public: [], prise: [], lat: "nord", lon: "200" }, communes, false).errors).toEqual({
      lat: ["La latitude est un nombre décimal, par exemple 44.8378."],
      lon: ["La longitude est comprise entre -180 et 180."],
    });
  });

  it("read an address only when geocoding is on, and not together with coordinates", () => {
    expect(parsePlace({ public: [], prise: [], adresse: "place de la Bourse" }, communes, false).adresse).toBeUndefined();
    expect(parsePlace({ public: [], prise: [], adresse: "place de la Bourse" }, communes, true).adresse).toBe("place de la Bourse");
    expect(parsePlace({ public: [], prise: [], adresse: "place", lat: "44.8", lon: "-0.5" }, communes, true).errors.adresse).toEqual([
      "Indiquez une adresse ou des coordonnées, pas les deux.",
    ]);
  });
});

describe("orientation links", () => {
  const answers = { besoin: "theme-sante", public: ["Seniors"], prise: ["Surdité"], commune: "Bègles" };

  it("carry the answers and the step", () => {
    expect(orientationHref(answers, "lieu")).toBe("/orientation?etape=lieu&besoin=theme-sante&public=Seniors&prise=Surdit%C3%A9&commune=B%C3%A8gles");
    expect(orientationHref({ public: [], prise: [] }, "besoin")).toBe("/orientation");
  });

  it("let a step's form carry every answer but its own", () => {
    expect(answersExcept(answers, "besoin")).toEqual({ ...answers, besoin: undefined });
    expect(answersExcept(answers, "personne")).toEqual({ ...answers, public: [], prise: [] });
    expect(answersExcept(answers, "lieu")).toEqual({ ...answers, commune: undefined, lat: undefined, lon: undefined, adresse: undefined });
  });
});
