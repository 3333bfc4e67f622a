import type { Db } from "@/db/client";
import { taxonomyTerm } from "@/db/schema";

/**
 * SYNTHETIC fiches and acteurs for the search benchmark only: generated into a temporary
 * database, never shipped, never seeded. The French is plausible on purpose, so that word
 * frequencies look like a real wiki's: "numérique" is in about nine fiches out of ten,
 * "accompagnement" in most, and a few words ("braille", "fablab", "cryptoparty") in very few.
 */

/** Deterministic pseudo-random numbers (mulberry32), so that two runs measure the same corpus. */
export function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMUNES = [
  "Bordeaux", "Mérignac", "Pessac", "Talence", "Villenave-d'Ornon", "Saint-Médard-en-Jalles", "Bègles", "Le Bouscat",
  "Gradignan", "Cenon", "Lormont", "Eysines", "Blanquefort", "Bruges", "Floirac", "Le Haillan", "Bassens", "Carbon-Blanc",
  "Ambarès-et-Lagrave", "Artigues-près-Bordeaux", "Saint-Aubin-de-Médoc", "Le Taillan-Médoc", "Parempuyre", "Bouliac",
];
const SUBJECTS: [string, boolean][] = [
  ["Les bénévoles", true], ["Le centre social", false], ["La médiathèque", false], ["L'association", false],
  ["Les médiateurs numériques", true], ["Le CCAS", false], ["Une conseillère numérique", false], ["L'équipe de la maison de quartier", false],
  ["Les animatrices", true], ["La mairie de quartier", false], ["Les travailleurs sociaux", true], ["Un collectif d'habitants", false],
];
const VERBS: [string, string][] = [
  ["accompagne", "accompagnent"], ["forme", "forment"], ["aide", "aident"], ["initie", "initient"], ["oriente", "orientent"], ["sensibilise", "sensibilisent"],
];
const PUBLICS = [
  "les seniors", "les familles", "les jeunes", "les demandeurs d'emploi", "les personnes allophones", "les habitants du quartier",
  "les parents", "les personnes en situation de handicap", "les personnes âgées isolées", "les étudiants", "les aidants",
];
const TOPICS = [
  "dans leurs démarches administratives en ligne", "à l'usage de la tablette", "à la création d'une adresse électronique",
  "pour prendre un rendez-vous médical en ligne", "autour des outils numériques", "à la sécurité sur internet",
  "pour déclarer leurs impôts", "à l'utilisation du smartphone", "pour rechercher un emploi", "à la découverte des réseaux sociaux",
  "pour accéder à leurs droits", "à la prise en main de l'ordinateur", "pour suivre la scolarité des enfants", "aux visioconférences",
];
const WHEN = [
  "chaque mardi", "le samedi matin", "pendant les vacances scolaires", "deux fois par mois", "sur rendez-vous", "à la médiathèque",
  "au centre social", "dans un espace public numérique", "à la maison de quartier", "en itinérance dans les quartiers",
];
const NUMERIQUE = [
  "L'accompagnement numérique est gratuit et sans inscription.", "Les ateliers numériques se déroulent en petits groupes.",
  "Le numérique devient un outil de lien social.", "La fracture numérique touche d'abord les plus fragiles.",
  "Chacun repart avec un livret sur les usages du numérique.",
];
const OTHER = [
  "Un ordinateur et une connexion internet sont mis à disposition.", "Les participants apportent leur propre appareil.",
  "Une permanence téléphonique complète l'accueil.", "Les partenaires se retrouvent une fois par trimestre pour faire le bilan.",
  "Les supports sont traduits en plusieurs langues.", "Un goûter clôt chaque séance.", "Les inscriptions se font auprès de l'accueil.",
  "Les retours des participants guident les prochaines séances.", "Le projet est soutenu par la ville et le département.",
];
const ACCOMPAGNEMENT = [
  "L'accompagnement se fait individuellement ou en petit groupe.", "Un accompagnement personnalisé est proposé aux débutants.",
  "L'accompagnement dure le temps qu'il faut.",
];
/** Rare sentences, with the probability that a fiche holds each. */
const RARE: [string, number][] = [
  ["Un atelier braille est proposé aux personnes malvoyantes.", 0.002],
  ["Le fablab prête une imprimante 3D pour les projets des jeunes.", 0.004],
  ["Une cryptoparty sensibilise à la protection des données personnelles.", 0.001],
  ["Un bibliobus sillonne les communes rurales.", 0.01],
];
const HEADS = ["Atelier", "Permanence", "Initiation", "Formation", "Café numérique", "Point d'accès", "Parcours", "Rencontres", "Atelier numérique", "Découverte"];
const TITLE_TOPICS = ["tablette", "smartphone", "démarches en ligne", "réseaux sociaux", "sécurité sur internet", "emploi", "santé en ligne", "impôts", "messagerie", "visioconférence", "accès aux droits", "parentalité"];
const AUDIENCES = ["pour les seniors", "en famille", "pour les jeunes", "pour les demandeurs d'emploi", "pour tous", "pour les aidants", "pour les personnes allophones"];
const ACTEUR_KINDS = ["Association", "Centre social", "Médiathèque", "Espace public numérique", "CCAS", "Maison de quartier", "Collectif"];
const ACTEUR_NAMES = ["Les Liens", "Clic & Co", "Ordi Solidaire", "Passerelles", "Le Relais", "Connexions", "La Ruche", "Horizons", "Trait d'Union", "Les Capucins"];
const TYPES = ["pratique", "idee", "fiche_pratique"] as const;
const ETATS = ["en_projet", "en_cours", "terminee", null] as const;

export type Corpus = { fiches: number; acteurs: number };

/**
 * Adds `count` synthetic published fiches (and one acteur per fifty fiches, with a lieu), linked
 * to themes, publics and acteurs, straight into the tables; indexing is left to the caller.
 */
export function addSyntheticFiches(db: Db, count: number, seed: number): Corpus {
  const random = randomSource(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  // Squared draws favour the start of a list: a few subjects and topics are much more frequent.
  const pickSkewed = <T>(list: readonly T[]): T => list[Math.floor(random() * random() * list.length)];
  const terms = db.select({ id: taxonomyTerm.id, taxonomy: taxonomyTerm.taxonomy }).from(taxonomyTerm).all();
  const idsOf = (taxonomy: string) => terms.filter((t) => t.taxonomy === taxonomy).map((t) => t.id);
  const [themes, publics, enjeux] = [idsOf("theme"), idsOf("public"), idsOf("enjeu")];
  const sql = db.$client;
  const start = (sql.prepare("SELECT coalesce(max(id), 0) FROM fiche").pluck().get() as number) + 1;
  const insertFiche = sql.prepare(
    "INSERT INTO fiche (slug, type, statut, titre, texte, html, commune, etat, fields) VALUES (?, ?, 'publiee', ?, ?, '', ?, ?, '{}') RETURNING id",
  );
  const insertTerm = sql.prepare("INSERT OR IGNORE INTO fiche_term (fiche_id, term_id) VALUES (?, ?)");
  const insertActeur = sql.prepare("INSERT INTO acteur (slug, nom, categorie, typologie, description) VALUES (?, ?, ?, 'association', ?) RETURNING id");
  const insertLieu = sql.prepare("INSERT INTO lieu (acteur_id, nom, adresse, code_postal, commune) VALUES (?, ?, ?, '33000', ?)");
  const insertLink = sql.prepare("INSERT INTO fiche_acteur (fiche_id, acteur_id, role) VALUES (?, ?, 'porteur')");
  const acteurIds: number[] = [];
  sql.transaction(() => {
    for (let i = 0; i < count; i++) {
      const n = start + i;
      if (i % 50 === 0) {
        const commune = pickSkewed(COMMUNES);
        const nom = `${pick(ACTEUR_KINDS)} ${pick(ACTEUR_NAMES)} ${commune} ${n}`;
        const description = `${nom} accompagne ${pick(PUBLICS)} ${pick(TOPICS)}. ${pick(NUMERIQUE)}`;
        const id = (insertActeur.get(`synthetique-acteur-${n}`, nom, pick(["public", "prive", "non_lucratif"]), description) as { id: number }).id;
        insertLieu.run(id, `${pick(ACTEUR_KINDS)} de ${commune}`, `${1 + Math.floor(random() * 120)} rue de la République`, commune);
        acteurIds.push(id);
      }
      const sentences: string[] = [];
      const length = 4 + Math.floor(random() * 6);
      for (let s = 0; s < length; s++) {
        const [subject, plural] = pickSkewed(SUBJECTS);
        const verb = pick(VERBS)[plural ? 1 : 0];
        sentences.push(`${subject} ${verb} ${pickSkewed(PUBLICS)} ${pickSkewed(TOPICS)} ${pick(WHEN)}.`, pick(OTHER));
      }
      if (random() < 0.9) sentences.splice(Math.floor(random() * sentences.length), 0, pick(NUMERIQUE));
      if (random() < 0.6) sentences.push(pick(ACCOMPAGNEMENT));
      for (const [sentence, p] of RARE) if (random() < p) sentences.push(sentence);
      const commune = pickSkewed(COMMUNES);
      const titre = `${pickSkewed(HEADS)} ${pickSkewed(TITLE_TOPICS)} ${pick(AUDIENCES)}`;
      const { id } = insertFiche.get(`synthetique-${n}`, pick(TYPES), titre, sentences.join(" "), commune, pick(ETATS)) as { id: number };
      insertTerm.run(id, pickSkewed(themes));
      if (random() < 0.5) insertTerm.run(id, pick(themes));
      insertTerm.run(id, pickSkewed(publics));
      if (random() < 0.3) insertTerm.run(id, pick(enjeux));
      insertLink.run(id, acteurIds[Math.floor(random() * acteurIds.length)]);
    }
  })();
  return { fiches: count, acteurs: acteurIds.length };
}
