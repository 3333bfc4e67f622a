import { describe, expect, it } from "vitest";
import { ACTEUR_CATEGORIES } from "@/lib/acteur/values";
import { ACTEUR_CATEGORIE_LABELS } from "@/lib/acteur/labels";
import { fieldErrorsOf } from "@/lib/action-result";
import { acteurSchema, addMemberSchema, formatSiret, isValidSiret } from "./acteur";

const valid = { nom: "  Emmaüs Connect Bordeaux ", categorie: "non_lucratif", typologie: "association" };

function errorsFor(input: Record<string, unknown>) {
  const result = acteurSchema.safeParse({ ...valid, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("acteurSchema", () => {
  it("accepts a minimal acteur, trims and normalises contact fields", () => {
    const result = acteurSchema.parse({
      ...valid,
      description: "   ",
      siteWeb: "www.emmaus-connect.org",
      courriel: " Bordeaux@Emmaus-Connect.org ",
      telephone: "+33 (0)5.56.12.34.56",
      siret: "732 829 320 00074",
      rna: "w332012345",
      themes: ["3", "1", "3"],
    });
    expect(result).toEqual({
      nom: "Emmaüs Connect Bordeaux",
      categorie: "non_lucratif",
      typologie: "association",
      description: undefined,
      siteWeb: "https://www.emmaus-connect.org",
      courriel: "bordeaux@emmaus-connect.org",
      telephone: "05 56 12 34 56",
      siret: "73282932000074",
      rna: "W332012345",
      themes: [3, 1],
    });
  });

  it("says in French which required field is missing", () => {
    expect(acteurSchema.safeParse({ nom: "", categorie: "", typologie: "" }).error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["nom", "Le nom de l'organisation est obligatoire."],
      ["categorie", "Choisissez une catégorie d'acteur."],
      ["typologie", "Choisissez un type d'organisation."],
    ]);
  });

  it("checks the SIRET's length and its Luhn key, allowing spaces", () => {
    expect(errorsFor({ siret: "732 829 320" }).siret?.[0]).toMatch(/^Le SIRET compte 14 chiffres/);
    expect(errorsFor({ siret: "73282932000075" }).siret?.[0]).toMatch(/clé de contrôle/);
    expect(errorsFor({ siret: "4430 6184 1000 47" }).siret).toBeUndefined();
  });

  it("accepts La Poste's offices by the sum of their digits", () => {
    expect(isValidSiret("35600000000001")).toBe(true);
    expect(isValidSiret("35600000000048")).toBe(true);
    expect(isValidSiret("35600000000002")).toBe(false);
    expect(isValidSiret("12345678900012")).toBe(false);
    expect(formatSiret("73282932000074")).toBe("732 829 320 00074");
  });

  it("checks the RNA number: W and nine digits", () => {
    expect(errorsFor({ rna: "W12345678" }).rna?.[0]).toMatch(/W suivi de 9 chiffres/);
    expect(errorsFor({ rna: "X332012345" }).rna).toBeDefined();
    expect(errorsFor({ rna: "W2A1001234" }).rna).toBeUndefined();
  });

  it("refuses wrong contact details with French messages", () => {
    const errors = errorsFor({ siteWeb: "ftp://exemple.fr", courriel: "pas-une-adresse", telephone: "12 34", typologie: "ovni", categorie: "mixte" });
    expect(errors.siteWeb?.[0]).toMatch(/adresse de site web valide/);
    expect(errors.courriel?.[0]).toMatch(/adresse électronique valide/);
    expect(errors.telephone?.[0]).toMatch(/numéro de téléphone français/);
    expect(errors.typologie).toEqual(["Choisissez un type d'organisation."]);
    expect(errors.categorie).toEqual(["Choisissez une catégorie d'acteur."]);
    expect(errorsFor({ themes: ["abc"] }).themes).toEqual(["Thème inconnu."]);
  });

  it("labels each of the three categories of the Livre blanc", () => {
    expect(Object.keys(ACTEUR_CATEGORIE_LABELS)).toEqual([...ACTEUR_CATEGORIES]);
  });
});

describe("addMemberSchema", () => {
  it("lower-cases the email and refuses a wrong one", () => {
    expect(addMemberSchema.parse({ email: " Alice@Exemple.FR " })).toEqual({ email: "alice@exemple.fr" });
    expect(addMemberSchema.safeParse({ email: "alice" }).success).toBe(false);
  });
});
