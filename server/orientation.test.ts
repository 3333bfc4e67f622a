import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildActeur, buildLieu } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { fiche, ficheTerm, taxonomyTerm } from "@/db/schema";
import type { FicheStatut } from "@/lib/fiche/values";
import { findNeed, SERVICE_NEEDS, type Need } from "@/lib/orientation/needs";
import { orient, type OrientationQuery } from "./orientation";

const db = getTestDb();
// Monday 6 January 2025, 10:00 in Paris.
const MONDAY_10H = new Date("2025-01-06T09:00:00Z");
const need = (service: string): Need => SERVICE_NEEDS.find((n) => n.kind === "service" && n.service === service)!;
const LOISIRS = need("Loisirs et créations numériques");
const PARENTALITE = need("Parentalité et éducation avec le numérique");
const SECURITE = need("Utilisation sécurisée du numérique");

// Place de la Bourse, Bordeaux; the lieux below are placed east of it along the same parallel.
const BOURSE = { latitude: 44.8412, longitude: -0.5699 };
const eastOfBourse = (km: number) => ({ latitude: BOURSE.latitude, longitude: BOURSE.longitude + km / 78.9 });

function names(query: OrientationQuery, now = MONDAY_10H): string[] {
  return orient(db, query, now).matches.map((m) => m.lieu.nom);
}

function buildFiche(titre: string, terms: { theme?: string[]; public?: string[] }, statut: FicheStatut = "publiee", masquee = false) {
  const created = db.insert(fiche).values({ slug: titre.toLowerCase().replace(/\W+/g, "-"), type: "pratique", titre, statut, masquee }).returning().get();
  for (const [taxonomy, slugs] of Object.entries(terms) as ["theme" | "public", string[]][]) {
    for (const slug of slugs) {
      const term = db.select().from(taxonomyTerm).where(and(eq(taxonomyTerm.taxonomy, taxonomy), eq(taxonomyTerm.slug, slug))).get()!;
      db.insert(ficheTerm).values({ ficheId: created.id, termId: term.id }).run();
    }
  }
  return created;
}

describe("orient", () => {
  const acteur = buildActeur({ nom: "Centre social", themes: ["culture"] });

  it("keeps only the lieux that offer the service, and those that receive people", () => {
    buildLieu(acteur.id, { nom: "Ludothèque", services: ["Loisirs et créations numériques"] });
    buildLieu(acteur.id, { nom: "Guichet", services: ["Aide aux démarches administratives"] });
    buildLieu(acteur.id, { nom: "Bureau fermé au public", services: ["Loisirs et créations numériques"], modalitesAcces: ["Ce lieu n'accueille pas de public"] });
    expect(names({ need: LOISIRS, publics: [], supports: [] })).toEqual(["Ludothèque"]);
    const [match] = orient(db, { need: LOISIRS, publics: [], supports: [] }, MONDAY_10H).matches;
    expect(match.reasons).toEqual(["Propose : Loisirs et créations numériques"]);
    expect(match.lieu.acteur.nom).toBe("Centre social");
  });

  it("puts the fit before the distance: the lieu that handles deafness comes first even when farther", () => {
    buildLieu(acteur.id, { nom: "Proche sans surdité", services: ["Parentalité et éducation avec le numérique"], ...eastOfBourse(1) });
    buildLieu(acteur.id, { nom: "Loin avec surdité", services: ["Parentalité et éducation avec le numérique"], priseEnChargeSpecifique: ["Surdité"], ...eastOfBourse(8) });
    const answer = orient(db, { need: PARENTALITE, publics: [], supports: ["Surdité"], point: BOURSE }, MONDAY_10H);
    expect(answer.matches.map((m) => m.lieu.nom)).toEqual(["Loin avec surdité", "Proche sans surdité"]);
    expect(answer.matches[0].reasons).toEqual(["Propose : Parentalité et éducation avec le numérique", "Accueille : Surdité", "à 8,0\u00a0km"]);
    expect(answer.matches[1].missing).toEqual(["Surdité"]);
    expect(answer.matches[1].distanceKm).toBeCloseTo(1, 1);
    expect(answer.distanceFrom).toBe("point");
  });

  it("breaks ties by distance, and puts lieux without coordinates last", () => {
    const securite = "Utilisation sécurisée du numérique";
    buildLieu(acteur.id, { nom: "A sans coordonnées", services: [securite] });
    buildLieu(acteur.id, { nom: "B à 3 km", services: [securite], ...eastOfBourse(3) });
    buildLieu(acteur.id, { nom: "C à 12 km", services: [securite], ...eastOfBourse(12) });
    buildLieu(acteur.id, { nom: "D à 0,5 km", services: [securite], ...eastOfBourse(0.5) });
    expect(names({ need: SECURITE, publics: [], supports: [], point: BOURSE })).toEqual(["D à 0,5 km", "B à 3 km", "C à 12 km", "A sans coordonnées"]);
    // Within 5 km is near: C, farther, loses that bonus but stays in the list.
    const scores = orient(db, { need: SECURITE, publics: [], supports: [], point: BOURSE }, MONDAY_10H).matches.map((m) => m.score);
    expect(scores).toEqual([2, 2, 0, 0]);
  });

  it("gives a bonus to the lieux open now, read in Paris time", () => {
    const service = "Acquisition de matériel informatique à prix solidaire";
    buildLieu(acteur.id, { nom: "Ouvert le matin", services: [service], horaires: "Mo-Fr 09:00-12:00" });
    buildLieu(acteur.id, { nom: "Ouvert l'après-midi", services: [service], horaires: "Mo-Fr 14:00-18:00" });
    buildLieu(acteur.id, { nom: "Sur rendez-vous", services: [service], horaires: 'Mo "sur rendez-vous"' });
    const query = { need: need(service), publics: [], supports: [] };
    const morning = orient(db, query, MONDAY_10H).matches;
    expect(morning.map((m) => [m.lieu.nom, m.opening])).toEqual([
      ["Ouvert le matin", "open"],
      ["Ouvert l'après-midi", "closed"],
      ["Sur rendez-vous", "unknown"],
    ]);
    expect(morning[0].reasons).toContain("Ouvert maintenant");
    // Monday 15:00 in Paris.
    expect(names(query, new Date("2025-01-06T14:00:00Z"))[0]).toBe("Ouvert l'après-midi");
  });

  it("scores each public and each specific support the lieu welcomes, and lists the support it lacks", () => {
    const service = "Compréhension du monde numérique";
    buildLieu(acteur.id, { nom: "Tout public", services: [service] });
    buildLieu(acteur.id, { nom: "Seniors", services: [service], publicsSpecifiquementAdresses: ["Seniors"] });
    buildLieu(acteur.id, {
      nom: "Seniors, surdité et langues",
      services: [service],
      publicsSpecifiquementAdresses: ["Seniors", "Jeunes"],
      priseEnChargeSpecifique: ["Surdité", "Langues étrangères (autres)"],
    });
    const matches = orient(db, { need: need(service), publics: ["Seniors"], supports: ["Surdité", "Langues étrangères (autres)"] }, MONDAY_10H).matches;
    expect(matches.map((m) => [m.lieu.nom, m.score])).toEqual([
      ["Seniors, surdité et langues", 9],
      ["Seniors", 3],
      ["Tout public", 0],
    ]);
    expect(matches[0].reasons[1]).toBe("Accueille : Seniors, Surdité, Langues étrangères (autres)");
    expect(matches[0].missing).toEqual([]);
    expect(matches[1].missing).toEqual(["Surdité", "Langues étrangères (autres)"]);
  });

  it("favours the chosen commune, then the nearest to its lieux", () => {
    const service = "Accès internet et matériel informatique";
    buildLieu(acteur.id, { nom: "À Cenon", commune: "Cenon", services: [service], latitude: 44.857, longitude: -0.532 });
    buildLieu(acteur.id, { nom: "À Bègles", commune: "Bègles", services: [service], latitude: 44.808, longitude: -0.548 });
    buildLieu(acteur.id, { nom: "À Talence", commune: "Talence", services: [service], latitude: 44.808, longitude: -0.588 });
    buildLieu(acteur.id, { nom: "À Pessac", commune: "Pessac", services: [service], latitude: 44.806, longitude: -0.631 });
    const answer = orient(db, { need: need(service), publics: [], supports: [], commune: "begles" }, MONDAY_10H);
    expect(answer.matches.map((m) => m.lieu.nom)).toEqual(["À Bègles", "À Talence", "À Cenon", "À Pessac"]);
    expect(answer.matches[0].reasons).toContain("À Bègles");
    expect(answer.matches[0].sameCommune).toBe(true);
    expect(answer.distanceFrom).toBe("commune");
  });

  it("matches a theme need through the acteur's themes", () => {
    const theme = findNeed("theme-sante", [{ slug: "sante", label: "Santé" }])!;
    const sante = buildActeur({ nom: "Maison de santé", themes: ["sante"] });
    buildLieu(sante.id, { nom: "Cabinet numérique" });
    expect(names({ need: theme, publics: [], supports: [] })).toEqual(["Cabinet numérique"]);
    expect(orient(db, { need: theme, publics: [], supports: [] }, MONDAY_10H).matches[0].reasons[0]).toBe("Thème : Santé");
  });

  it("gives each lieu a way to be reached: its phone, else its acteur's, and never a call without a number", () => {
    const service = "Maîtrise des outils numériques du quotidien";
    const standard = buildActeur({ nom: "Réseau des entreprises", telephone: "05 56 00 00 00", courriel: "contact@reseau.fr" });
    const silent = buildActeur({ nom: "Acteur sans contact" });
    buildLieu(standard.id, { nom: "Avec son numéro", services: [service], telephone: "05 56 11 22 33" });
    buildLieu(standard.id, { nom: "Sans numéro", services: [service] });
    buildLieu(silent.id, { nom: "Sans rien", services: [service], horaires: "Mo-Fr 09:00-12:00" });
    const contacts = new Map(orient(db, { need: need(service), publics: [], supports: [] }, MONDAY_10H).matches.map((m) => [m.lieu.nom, m.contact]));
    expect(contacts.get("Avec son numéro")?.sentence).toBe("Téléphonez au 05 56 11 22 33 avant de vous déplacer.");
    expect(contacts.get("Sans numéro")?.telephone).toEqual({ number: "05 56 00 00 00", from: "acteur" });
    expect(contacts.get("Sans numéro")?.courriels).toEqual({ addresses: ["contact@reseau.fr"], from: "acteur" });
    expect(contacts.get("Sans numéro")?.sentence).toBe("Téléphonez à Réseau des entreprises au 05 56 00 00 00 avant de vous déplacer.");
    expect(contacts.get("Sans rien")?.sentence).toBe("Présentez-vous aux horaires d'ouverture.");
  });

  it("shows the published fiches of the need's themes first, then those about the person's public", () => {
    buildFiche("Atelier jeux vidéo en famille", { theme: ["culture"], public: ["familles"] });
    buildFiche("Club photo des seniors", { theme: ["culture"], public: ["seniors"] });
    buildFiche("Tablettes en EHPAD", { public: ["seniors"] });
    buildFiche("Brouillon culturel", { theme: ["culture"] }, "brouillon");
    buildFiche("Fiche masquée", { theme: ["culture"] }, "publiee", true);
    buildFiche("Démarches CAF", { theme: ["service-public"], public: ["jeunes"] });
    const answer = orient(db, { need: LOISIRS, publics: ["Seniors"], supports: [] }, MONDAY_10H);
    expect(answer.fiches.map((f) => f.titre)).toEqual(["Club photo des seniors", "Atelier jeux vidéo en famille", "Tablettes en EHPAD"]);
    expect(answer.fiches[0].themes).toEqual([{ slug: "culture", label: "Culture", suggested: false }]);
    // No public given and no fiche on the theme: none.
    expect(orient(db, { need: need("Insertion professionnelle via le numérique"), publics: [], supports: [] }, MONDAY_10H).fiches).toEqual([]);
  });

  it("writes nothing: the database has the same changes count before and after", () => {
    const before = db.$client.prepare("select total_changes() as n").get() as { n: number };
    orient(db, { need: PARENTALITE, publics: ["Seniors"], supports: ["Surdité"], commune: "Bordeaux", point: BOURSE }, MONDAY_10H);
    const after = db.$client.prepare("select total_changes() as n").get() as { n: number };
    expect(after.n).toBe(before.n);
  });
});
