import { describe, expect, it } from "vitest";
import { contactAdvice, type ContactActeur, type ContactLieu } from "./contact";

const bareLieu: ContactLieu = { telephone: null, courriels: [], siteWeb: [], horaires: null };
const bareActeur: ContactActeur = { nom: "Maison des services", telephone: null, courriel: null, siteWeb: null };
const fullActeur: ContactActeur = { nom: "Maison des services", telephone: "05 56 00 00 00", courriel: "contact@maison.fr", siteWeb: "https://maison.fr" };

describe("contactAdvice", () => {
  it("gives the lieu's own phone first, even when its acteur has one", () => {
    const advice = contactAdvice({ ...bareLieu, telephone: "05 56 11 22 33", courriels: ["accueil@lieu.fr"] }, fullActeur);
    expect(advice.means).toBe("telephone");
    expect(advice.telephone).toEqual({ number: "05 56 11 22 33", from: "lieu" });
    expect(advice.courriels).toEqual({ addresses: ["accueil@lieu.fr"], from: "lieu" });
    expect(advice.siteWeb).toEqual({ url: "https://maison.fr", from: "acteur" });
    expect(advice.sentence).toBe("Téléphonez au 05 56 11 22 33 avant de vous déplacer.");
    expect(advice.clause).toBe("téléphonez au 05 56 11 22 33 avant de vous déplacer");
  });

  it("falls back to the acteur's phone, and names the acteur", () => {
    const advice = contactAdvice({ ...bareLieu, courriels: ["accueil@lieu.fr"] }, fullActeur);
    expect(advice.means).toBe("telephone");
    expect(advice.telephone).toEqual({ number: "05 56 00 00 00", from: "acteur" });
    expect(advice.sentence).toBe("Téléphonez à Maison des services au 05 56 00 00 00 avant de vous déplacer.");
  });

  it("takes a blank phone for none", () => {
    const advice = contactAdvice({ ...bareLieu, telephone: "  " }, { ...bareActeur, telephone: "" });
    expect(advice.telephone).toBeNull();
    expect(advice.sentence).not.toMatch(/téléphon/i);
  });

  it("asks to write when there is only an email, the lieu's or else the acteur's", () => {
    const lieuOnly = contactAdvice({ ...bareLieu, courriels: ["accueil@lieu.fr", "autre@lieu.fr"] }, bareActeur);
    expect(lieuOnly.means).toBe("courriel");
    expect(lieuOnly.courriels).toEqual({ addresses: ["accueil@lieu.fr", "autre@lieu.fr"], from: "lieu" });
    expect(lieuOnly.sentence).toBe("Écrivez à accueil@lieu.fr avant de vous déplacer.");

    const acteurOnly = contactAdvice(bareLieu, { ...bareActeur, courriel: "contact@maison.fr" });
    expect(acteurOnly.courriels).toEqual({ addresses: ["contact@maison.fr"], from: "acteur" });
    expect(acteurOnly.telephone).toBeNull();
    expect(acteurOnly.sentence).toBe("Écrivez à contact@maison.fr (Maison des services) avant de vous déplacer.");
  });

  it("points to the website when there is nothing else", () => {
    const lieuSite = contactAdvice({ ...bareLieu, siteWeb: ["https://lieu.fr"] }, { ...bareActeur, siteWeb: "https://maison.fr" });
    expect(lieuSite.means).toBe("site");
    expect(lieuSite.siteWeb).toEqual({ url: "https://lieu.fr", from: "lieu" });
    expect(lieuSite.sentence).toBe("Consultez le site lieu.fr avant de vous déplacer.");

    const acteurSite = contactAdvice(bareLieu, { ...bareActeur, siteWeb: "https://www.maison.fr/" });
    expect(acteurSite.siteWeb).toEqual({ url: "https://www.maison.fr/", from: "acteur" });
    expect(acteurSite.sentence).toBe("Consultez le site www.maison.fr (Maison des services) avant de vous déplacer.");
  });

  it("sends the person to the address when no way to reach the lieu is known", () => {
    const withHours = contactAdvice({ ...bareLieu, horaires: "Mo-Fr 09:00-12:00" }, bareActeur);
    expect(withHours).toEqual({
      means: "sur-place",
      telephone: null,
      courriels: null,
      siteWeb: null,
      clause: "présentez-vous aux horaires d'ouverture",
      sentence: "Présentez-vous aux horaires d'ouverture.",
    });
    expect(contactAdvice(bareLieu, bareActeur).sentence).toBe("Présentez-vous à l'adresse indiquée.");
  });
});
