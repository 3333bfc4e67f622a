import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/action-result";
import { lieuSchema } from "./lieu";

const valid = {
  nom: "Médiathèque Flora Tristan",
  adresse: "8 rue Armand Gayral",
  codePostal: "33000",
  commune: "Bordeaux",
  services: ["Aide aux démarches administratives"],
};

function errorsFor(input: Record<string, unknown>) {
  const result = lieuSchema.safeParse({ ...valid, ...input });
  return result.success ? {} : fieldErrorsOf(result.error);
}

describe("lieuSchema", () => {
  it("accepts a full lieu and normalises its fields", () => {
    const lieu = lieuSchema.parse({
      ...valid,
      codePostal: "33 000",
      codeInsee: "33063",
      latitude: "44,8378",
      longitude: "-0.5792",
      telephone: "05 56 00 00 01",
      courriels: "accueil@bordeaux.fr\nmediation@bordeaux.fr",
      siteWeb: "bibliotheque.bordeaux.fr",
      horaires: "Mo-Fr 9:00-12:00,14:00-17:30; PH off",
      services: ["Maîtrise des outils numériques du quotidien", "Aide aux démarches administratives"],
      publicsSpecifiquementAdresses: "Seniors",
      fraisACharge: ["Gratuit"],
      modalitesAccompagnement: ["Dans un atelier collectif", "En autonomie"],
      presentationResume: "Ateliers numériques gratuits.",
    });
    expect(lieu).toMatchObject({
      codePostal: "33000",
      latitude: 44.8378,
      longitude: -0.5792,
      courriels: ["accueil@bordeaux.fr", "mediation@bordeaux.fr"],
      siteWeb: ["https://bibliotheque.bordeaux.fr"],
      horaires: "Mo-Fr 09:00-12:00,14:00-17:30; PH off",
      // The schema's order, whatever the order of the boxes ticked.
      services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"],
      publicsSpecifiquementAdresses: ["Seniors"],
      modalitesAccompagnement: ["En autonomie", "Dans un atelier collectif"],
      priseEnChargeSpecifique: [],
      itinerance: [],
      codeInsee: "33063",
    });
  });

  it("checks the postal code and the INSEE code", () => {
    expect(errorsFor({ codePostal: "3300" }).codePostal).toEqual(["Le code postal compte 5 chiffres, par exemple 33000."]);
    expect(errorsFor({ codePostal: "33OOO" }).codePostal).toBeDefined();
    expect(errorsFor({ codeInsee: "2a004" }).codeInsee).toBeUndefined();
    expect(errorsFor({ codeInsee: "2C004" }).codeInsee?.[0]).toMatch(/^Le code INSEE compte 5 caractères/);
    expect(errorsFor({ codeInsee: "330630" }).codeInsee).toBeDefined();
  });

  it("wants both coordinates or neither, each in its range", () => {
    expect(errorsFor({ latitude: "44.8" })).toEqual({ longitude: ["Indiquez aussi la longitude, ou effacez la latitude."] });
    expect(errorsFor({ longitude: "-0.57" })).toEqual({ latitude: ["Indiquez aussi la latitude, ou effacez la longitude."] });
    expect(errorsFor({ latitude: "95", longitude: "-0.57" })).toEqual({ latitude: ["La latitude est comprise entre -90 et 90."] });
    expect(errorsFor({ latitude: "44.8", longitude: "181" })).toEqual({ longitude: ["La longitude est comprise entre -180 et 180."] });
    expect(errorsFor({ latitude: "nord", longitude: "-0.57" }).latitude?.[0]).toMatch(/nombre décimal/);
    expect(errorsFor({ latitude: "", longitude: "" })).toEqual({});
  });

  it("reports the pair error together with the other errors of the form", () => {
    const errors = errorsFor({ nom: "", latitude: "44.8" });
    expect(Object.keys(errors).sort()).toEqual(["longitude", "nom"]);
  });

  it("stores opening hours typed in French in OSM syntax", () => {
    const lieu = lieuSchema.parse({ ...valid, horaires: "du lundi au vendredi de 9h à 12h et de 14h à 17h\nfermé les jours fériés" });
    expect(lieu.horaires).toBe("Mo-Fr 09:00-12:00,14:00-17:00; PH off");
  });

  it("explains wrong opening hours", () => {
    expect(errorsFor({ horaires: "du lundi au vendredi" }).horaires).toEqual([
      "Pour « du lundi au vendredi », indiquez les horaires (par exemple « de 9h à 12h ») ou « fermé ».",
    ]);
    expect(errorsFor({ horaires: "Mo-Fr 9h-12h" }).horaires).toEqual(["Horaire invalide « 9h-12h » : écrivez par exemple 09:00-12:00."]);
    expect(errorsFor({ horaires: "Mo-Fr 14:00-12:00" }).horaires?.[0]).toMatch(/l'heure de fin doit suivre/);
    expect(errorsFor({ horaires: "  " }).horaires).toBeUndefined();
  });

  it("keeps to the schema's labels and needs at least one service", () => {
    expect(errorsFor({ services: [] }).services).toEqual(["Choisissez au moins un service proposé dans ce lieu."]);
    expect(errorsFor({ services: ["Réparation de vélos"] }).services).toEqual([
      "« Réparation de vélos » ne fait pas partie des choix de « Services proposés ».",
    ]);
    expect(errorsFor({ fraisACharge: ["Gratuit", "Offert"] })).toEqual({
      fraisACharge: ["« Offert » ne fait pas partie des choix de « Frais à charge »."],
    });
  });

  it("limits the summary to 280 characters", () => {
    expect(errorsFor({ presentationResume: "a".repeat(280) }).presentationResume).toBeUndefined();
    expect(errorsFor({ presentationResume: "a".repeat(281) }).presentationResume).toEqual(["280 caractères au maximum."]);
  });
});
