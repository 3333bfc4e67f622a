import { describe, expect, it } from "vitest";
import { HALF_DAY_NOTE, parseFrenchHoraires } from "./horaires-fr";
import { readHorairesInput } from "./horaires-input";
import { openingHoursToFrench } from "./opening-hours";

function osmOf(text: string): string {
  const result = parseFrenchHoraires(text);
  if (!result.ok) throw new Error(`"${text}" was refused: ${result.error}`);
  return result.normalized;
}

function errorOf(text: string): string {
  const result = parseFrenchHoraires(text);
  if (result.ok) throw new Error(`"${text}" was read as ${result.normalized}`);
  return result.error;
}

describe("parseFrenchHoraires", () => {
  it.each([
    ["du lundi au vendredi de 9h à 12h et de 14h à 17h", "Mo-Fr 09:00-12:00,14:00-17:00"],
    ["Lundi au vendredi 9h-12h", "Mo-Fr 09:00-12:00"],
    ["lundi, mercredi et vendredi 14h-18h", "Mo,We,Fr 14:00-18:00"],
    ["le jeudi de 9h30 à 12h", "Th 09:30-12:00"],
    ["fermé les jours fériés", "PH off"],
    ["Du Lundi Au Vendredi De 9H À 12H.", "Mo-Fr 09:00-12:00"],
    ["lundi-vendredi : 9h00-12h00 / 14h00-17h30", "Mo-Fr 09:00-12:00,14:00-17:30"],
    ["mardi 09:00-12:30", "Tu 09:00-12:30"],
    ["du lundi au vendredi de 9 h à midi", "Mo-Fr 09:00-12:00"],
    ["mercredi de midi à 14 h", "We 12:00-14:00"],
    ["samedi de 20h à minuit", "Sa 20:00-24:00"],
    ["entre 9h et 12h le lundi", "Mo 09:00-12:00"],
    ["de 9 à 12h le lundi", "Mo 09:00-12:00"],
    ["les lundis et jeudis de 10 heures à 12 heures", "Mo,Th 10:00-12:00"],
    ["lun. 9h-12h ; ven. 14h-16h", "Mo 09:00-12:00; Fr 14:00-16:00"],
    ["tous les jours de 8h à 20h", "Mo-Su 08:00-20:00"],
    ["en semaine 9h-17h ; le week-end 10h-12h", "Mo-Fr 09:00-17:00; Sa-Su 10:00-12:00"],
    ["mercredi de 14h jusqu'à 18h", "We 14:00-18:00"],
    ["du lundi au vendredi de 9h à 12h sauf le mercredi", "Mo-Fr 09:00-12:00; We off"],
    ["mardi sur rendez-vous", 'Tu "sur rendez-vous"'],
    ["mardi de 14h à 17h sur rendez vous", 'Tu 14:00-17:00 "sur rendez-vous"'],
    ["vendredi au lundi 10h-12h", "Fr-Mo 10:00-12:00"],
  ])("reads « %s » as %s", (french, osm) => {
    expect(osmOf(french)).toBe(osm);
  });

  it("reads several clauses separated by new lines, semicolons or commas, closures last", () => {
    expect(osmOf("Lundi au vendredi : 9h-12h et 14h-17h\nSamedi 10h-12h\nFermé les jours fériés")).toBe(
      "Mo-Fr 09:00-12:00,14:00-17:00; Sa 10:00-12:00; PH off",
    );
    expect(osmOf("lundi 9h-12h, mardi 14h-17h, fermé le dimanche")).toBe("Mo 09:00-12:00; Tu 14:00-17:00; Su off");
    // In OSM a later rule wins for its days: the closure must follow the opening it restricts.
    expect(osmOf("fermé le mercredi ; du lundi au vendredi 9h-12h")).toBe("Mo-Fr 09:00-12:00; We off");
    expect(osmOf("le dimanche fermé, lundi 14h-17h")).toBe("Mo 14:00-17:00; Su off");
    expect(osmOf("lundi 9h-12h ; lundi 14h-17h")).toBe("Mo 09:00-12:00,14:00-17:00");
  });

  it("reads half days with the documented convention, and says so", () => {
    expect(parseFrenchHoraires("samedi matin")).toEqual({ ok: true, normalized: "Sa 09:00-12:00", notes: [HALF_DAY_NOTE] });
    expect(parseFrenchHoraires("mardi après-midi")).toEqual({ ok: true, normalized: "Tu 14:00-17:00", notes: [HALF_DAY_NOTE] });
    expect(osmOf("l'après midi du jeudi")).toBe("Th 14:00-17:00");
    expect(osmOf("lundi matin et après-midi")).toBe("Mo 09:00-12:00,14:00-17:00");
    expect(parseFrenchHoraires("lundi 9h-12h")).toMatchObject({ notes: [] });
  });

  it("refuses what it does not understand, naming it in French", () => {
    expect(errorOf("lundi soir")).toMatch(/^« soir » n'est pas compris\. Écrivez par exemple « du lundi au vendredi/);
    expect(errorOf("Lu-Ve 9h-12h")).toMatch(/^« Lu » n'est pas compris/);
    expect(errorOf("du lundi au vendredi")).toBe("Pour « du lundi au vendredi », indiquez les horaires (par exemple « de 9h à 12h ») ou « fermé ».");
    expect(errorOf("lundi 9h-12h, mardi")).toMatch(/^Pour « mardi », indiquez les horaires/);
    expect(errorOf("lundi 9h")).toBe("Après « 9h », indiquez l'heure de fin, par exemple « de 9h à 12h ».");
    expect(errorOf("le lundi de 14h à 12h")).toMatch(/^De 14h à 12h : l'heure de fin doit suivre l'heure de début/);
    expect(errorOf("le lundi 25h-26h")).toBe("L'heure « 25h » n'existe pas.");
    expect(errorOf("lundi 9h60-12h")).toBe("L'heure « 9h60 » n'existe pas.");
    expect(errorOf("lundi 9-12")).toMatch(/^« 9 à 12 » n'est pas compris : écrivez les heures avec « h »/);
    expect(errorOf("fermé")).toMatch(/^« fermé » : précisez quels jours/);
    expect(errorOf("fermé le lundi matin")).toMatch(/^« fermé » et des horaires se suivent pour lundi/);
    expect(errorOf("sauf le lundi 9h-12h")).toMatch(/^« sauf » doit suivre des jours/);
    expect(errorOf("lundi 9h-12h + mardi")).toMatch(/^Le signe « \+ » n'est pas compris/);
    expect(errorOf("  ")).toBe("Les horaires sont vides.");
  });

  it("refuses two opening rules for the same day rather than letting the later one win", () => {
    expect(errorOf("du lundi au vendredi 9h-12h, mercredi 14h-17h")).toMatch(
      /^Deux règles donnent des horaires pour le mercredi \(« du lundi au vendredi » et « mercredi »\)/,
    );
    expect(errorOf("9h-12h ; samedi 10h-12h")).toMatch(/^Deux règles donnent des horaires pour le samedi/);
  });

  it("gives text that reads back as the French it came from", () => {
    const lines = openingHoursToFrench(osmOf("du lundi au vendredi de 9h à 12h et de 14h à 17h, fermé les jours fériés"));
    expect(lines?.map((l) => l.replace(/\u00a0/g, " "))).toEqual(["Lundi au vendredi : 9 h – 12 h, 14 h – 17 h", "Jours fériés : fermé"]);
  });
});

describe("readHorairesInput", () => {
  it("keeps OSM syntax as the expert option, normalised", () => {
    expect(readHorairesInput("mo-fr 9:00-12:00; PH off")).toEqual({ ok: true, normalized: "Mo-Fr 09:00-12:00; PH off", format: "osm", notes: [] });
    expect(readHorairesInput("24/7")).toMatchObject({ ok: true, normalized: "24/7", format: "osm" });
  });

  it("reads French when the text is not OSM", () => {
    expect(readHorairesInput("du lundi au vendredi de 9h à 12h")).toEqual({ ok: true, normalized: "Mo-Fr 09:00-12:00", format: "francais", notes: [] });
    expect(readHorairesInput("9:00-12:00 le lundi")).toMatchObject({ ok: true, normalized: "Mo 09:00-12:00", format: "francais" });
  });

  it("answers with the OSM error when the text starts as OSM, the French one otherwise", () => {
    expect(readHorairesInput("Mo-Fr 9h-12h")).toEqual({ ok: false, format: "osm", error: "Horaire invalide « 9h-12h » : écrivez par exemple 09:00-12:00." });
    expect(readHorairesInput("Mo-Fr 09:00-12:00 Sa 10:00-12:00")).toMatchObject({ ok: false, format: "osm" });
    expect(readHorairesInput("lundi soir")).toMatchObject({ ok: false, format: "francais", error: expect.stringMatching(/^« soir »/) });
    expect(readHorairesInput("")).toEqual({ ok: false, format: "francais", error: "Les horaires sont vides." });
  });
});
