import type { Taxonomy } from "@/lib/taxonomy/values";

export type TermSeed = { slug: string; label: string; description: string };

/** The taxonomies the Livre blanc de la Solidarité numérique (Bordeaux, 2016) is organised by. */
export const TAXONOMY_SEED: Record<Taxonomy, TermSeed[]> = {
  theme: [
    { slug: "e-inclusion", label: "E-inclusion", description: "Donner à chacun l'accès au numérique et l'autonomie pour s'en servir." },
    { slug: "lien-social", label: "Lien social", description: "Le numérique pour se rencontrer, s'entraider et rompre l'isolement." },
    { slug: "citoyennete", label: "Citoyenneté", description: "Participer à la vie de la cité, s'informer et faire valoir ses droits en ligne." },
    { slug: "education", label: "Éducation", description: "Apprendre avec et sur le numérique, à l'école et tout au long de la vie." },
    { slug: "culture", label: "Culture", description: "Accéder aux savoirs, créer et partager grâce au numérique." },
    { slug: "service-public", label: "Service public", description: "Accompagner les démarches administratives en ligne et l'accès aux droits." },
    { slug: "emploi", label: "Emploi", description: "Chercher un emploi, se former et s'insérer avec le numérique." },
    { slug: "intergenerationnel", label: "Intergénérationnel", description: "Faire se rencontrer les générations autour des usages numériques." },
    { slug: "sante", label: "Santé", description: "Prévenir, se soigner et garder le lien avec les soignants grâce au numérique." },
  ],
  public: [
    { slug: "seniors", label: "Seniors", description: "Personnes âgées, à domicile ou en établissement." },
    { slug: "jeunes", label: "Jeunes", description: "Enfants, adolescents et jeunes adultes." },
    { slug: "familles", label: "Familles", description: "Parents et enfants ensemble." },
    { slug: "personnes-handicap", label: "Personnes en situation de handicap", description: "Personnes vivant avec un handicap moteur, sensoriel, mental ou psychique." },
    { slug: "personnes-precarite", label: "Personnes en précarité", description: "Personnes aux faibles ressources ou en grande précarité." },
    { slug: "personnes-allophones-migrantes", label: "Personnes allophones ou migrantes", description: "Personnes qui ne parlent pas ou peu le français, personnes migrantes." },
    { slug: "gens-du-voyage", label: "Gens du voyage", description: "Familles itinérantes et gens du voyage." },
    { slug: "demandeurs-emploi", label: "Demandeurs d'emploi", description: "Personnes en recherche d'emploi ou en insertion." },
    { slug: "professionnels-aidants", label: "Professionnels et aidants", description: "Médiateurs, travailleurs sociaux, bénévoles et aidants." },
    { slug: "tout-public", label: "Tout public", description: "Toute personne, sans condition." },
  ],
  enjeu: [
    { slug: "aller-a-la-rencontre-des-publics", label: "Aller à la rencontre des publics", description: "Repérer les personnes éloignées du numérique là où elles sont." },
    { slug: "former-les-mediateurs", label: "Former les médiateurs", description: "Outiller celles et ceux qui accompagnent les publics." },
    { slug: "stimuler-les-synergies", label: "Stimuler les synergies", description: "Faire se connaître et travailler ensemble les acteurs du territoire." },
  ],
  // The five objectives of Mathilde Herrero's fiches pratiques (Enssib, 2018). The fifth keeps its
  // first slug: it still says what the objective covers (its fiches mutualise and evaluate the service).
  objectif: [
    { slug: "sensibiliser", label: "Sensibiliser", description: "Faire connaître les enjeux de l'inclusion numérique." },
    { slug: "analyser", label: "Analyser", description: "Comprendre les besoins du territoire et des publics." },
    { slug: "concevoir-organiser-service", label: "Concevoir et organiser le service", description: "Définir l'offre, les lieux, les horaires et les partenariats." },
    { slug: "accompagner-equipes", label: "Accompagner les équipes", description: "Former et soutenir les professionnels et les bénévoles." },
    {
      slug: "mettre-en-oeuvre-evaluer",
      label: "Mettre en œuvre la politique publique d'accompagnement aux démarches administratives : renforcer la visibilité et financer",
      description: "Faire connaître le service, le mutualiser avec les autres acteurs, le financer et l'évaluer.",
    },
  ],
};

/** A seed term's label or description that an earlier version of the seed wrote otherwise. */
export type TermSeedFix = { taxonomy: Taxonomy; slug: string; field: "label" | "description"; from: string };

/**
 * What earlier seeds wrote and the current one corrects. An install that still shows the old text
 * gets the current one at start (db/seed.ts); a term an admin has since edited keeps the admin's text.
 */
export const TERM_SEED_FIXES: TermSeedFix[] = [
  { taxonomy: "objectif", slug: "mettre-en-oeuvre-evaluer", field: "label", from: "Mettre en œuvre et évaluer" },
  { taxonomy: "objectif", slug: "mettre-en-oeuvre-evaluer", field: "description", from: "Lancer l'action, la suivre et en mesurer les effets." },
];

export const TAXONOMY_LABELS: Record<Taxonomy, { singular: string; plural: string }> = {
  theme: { singular: "Thème", plural: "Thèmes" },
  public: { singular: "Public cible", plural: "Publics cibles" },
  enjeu: { singular: "Enjeu", plural: "Enjeux" },
  objectif: { singular: "Objectif", plural: "Objectifs des fiches pratiques" },
};
