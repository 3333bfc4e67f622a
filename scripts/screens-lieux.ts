/*
 * Six lieux d'accueil around Bordeaux, in the national schema of lieux de médiation numérique, so
 * that the map and the orientation of `npm run screens` show markers and results: the Livre blanc
 * seeds acteurs, not places. Invented names at real streets of the Bordeaux area.
 */

const HEADER = [
  "id", "pivot", "nom", "commune", "code_postal", "code_insee", "adresse", "complement_adresse", "latitude", "longitude",
  "typologie", "telephone", "courriels", "site_web", "horaires", "presentation_resume", "presentation_detail", "source",
  "itinerance", "structure_parente", "date_maj", "services", "publics_specifiquement_adresses", "prise_en_charge_specifique",
  "frais_a_charge", "dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "modalites_acces",
  "modalites_accompagnement", "fiche_acces_libre", "prise_rdv",
];

type Lieu = {
  id: string;
  nom: string;
  commune: string;
  codePostal: string;
  adresse: string;
  latitude: string;
  longitude: string;
  typologie: string;
  telephone: string;
  resume: string;
  structure: string;
  services: string[];
  publics: string[];
};

const LIEUX: Lieu[] = [
  {
    id: "screens-1", nom: "Espace numérique de la Bastide", commune: "Bordeaux", codePostal: "33100", adresse: "12 avenue Thiers",
    latitude: "44.8431", longitude: "-0.5583", typologie: "CS", telephone: "+33556000001",
    resume: "Aide aux démarches en ligne, sans rendez-vous le mardi matin.", structure: "Centre social de la Bastide",
    services: ["Aide aux démarches administratives", "Maîtrise des outils numériques du quotidien"], publics: ["Seniors"],
  },
  {
    id: "screens-2", nom: "Atelier clic des Chartrons", commune: "Bordeaux", codePostal: "33300", adresse: "40 quai des Chartrons",
    latitude: "44.8590", longitude: "-0.5650", typologie: "ASSO", telephone: "+33556000002",
    resume: "Ateliers pour apprendre à se servir d'un ordinateur et d'un téléphone.", structure: "Association Clic Chartrons",
    services: ["Maîtrise des outils numériques du quotidien", "Loisirs et créations numériques"], publics: ["Familles et/ou enfants"],
  },
  {
    id: "screens-3", nom: "Médiathèque de Mériadeck", commune: "Bordeaux", codePostal: "33000", adresse: "85 cours du Maréchal Juin",
    latitude: "44.8370", longitude: "-0.5870", typologie: "BIB", telephone: "+33556000003",
    resume: "Postes en accès libre, wifi et permanences d'un conseiller numérique.", structure: "Bibliothèques de Bordeaux",
    services: ["Accès internet et matériel informatique", "Aide aux démarches administratives"], publics: [],
  },
  {
    id: "screens-4", nom: "Point numérique de Bègles", commune: "Bègles", codePostal: "33130", adresse: "3 place du Marché",
    latitude: "44.8086", longitude: "-0.5478", typologie: "MUNI", telephone: "+33556000004",
    resume: "Accompagnement aux démarches de la CAF, de la CPAM et de France Travail.", structure: "Ville de Bègles",
    services: ["Aide aux démarches administratives", "Insertion professionnelle via le numérique"], publics: ["Jeunes"],
  },
  {
    id: "screens-5", nom: "Repair café de Talence", commune: "Talence", codePostal: "33400", adresse: "20 rue Peydavant",
    latitude: "44.8060", longitude: "-0.5900", typologie: "ASSO", telephone: "+33556000005",
    resume: "Ordinateurs reconditionnés à petit prix et aide à la réparation.", structure: "Talence Solidaire",
    services: ["Acquisition de matériel informatique à prix solidaire"], publics: ["Étudiants"],
  },
  {
    id: "screens-6", nom: "Maison France services de Mérignac", commune: "Mérignac", codePostal: "33700", adresse: "60 avenue du Maréchal de Lattre de Tassigny",
    latitude: "44.8386", longitude: "-0.6436", typologie: "MUNI", telephone: "+33556000006",
    resume: "Un guichet pour les démarches administratives, avec ou sans rendez-vous.", structure: "Ville de Mérignac",
    services: ["Aide aux démarches administratives", "Utilisation sécurisée du numérique"], publics: ["Seniors", "Femmes"],
  },
];

function cell(value: string): string {
  return /[",\n|]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The CSV file of the six lieux, ready for `npm run wiki -- import-lieux`. */
export function screensLieuxCsv(): string {
  const rows = LIEUX.map((l) => {
    const values: Record<string, string> = {
      id: l.id, nom: l.nom, commune: l.commune, code_postal: l.codePostal, adresse: l.adresse, latitude: l.latitude,
      longitude: l.longitude, typologie: l.typologie, telephone: l.telephone, presentation_resume: l.resume,
      horaires: "Mo-Fr 09:00-12:00,14:00-17:30",
      source: "Captures d'écran", structure_parente: l.structure, date_maj: "2026-01-15", services: l.services.join("|"),
      publics_specifiquement_adresses: l.publics.join("|"),
    };
    return HEADER.map((column) => cell(values[column] ?? "")).join(",");
  });
  return `${HEADER.join(",")}\n${rows.join("\n")}\n`;
}
