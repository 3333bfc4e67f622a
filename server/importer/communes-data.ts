/*
 * Communes the importer recognises in a fiche, matched with accents and hyphens folded.
 *
 * GIRONDE: the 534 current communes of the département (code 33), from the Code officiel
 * géographique as shipped by the npm package @etalab/decoupage-administratif 6.0.0 (data/communes.json,
 * type "commune-actuelle"). Communes merged since 2016 are therefore listed under their new name.
 * ELSEWHERE: communes outside the Gironde that the Livre blanc names as places where actions happen.
 * Kept as data here so that the importer never reads a file at run time.
 */

/** The communes of the Gironde, as the COG spells them. */
export const GIRONDE_COMMUNES: readonly string[] = [
  "Abzac", "Aillas", "Ambarès-et-Lagrave", "Ambès", "Andernos-les-Bains", "Anglade", "Arbanats", "Arcachon",
  "Arcins", "Arès", "Arsac", "Artigues-près-Bordeaux", "Arveyres", "Asques", "Aubiac", "Audenge", "Auriolles",
  "Auros", "Avensan", "Ayguemorte-les-Graves", "Bagas", "Baigneaux", "Balizac", "Barie", "Baron", "Barsac",
  "Bassanne", "Bassens", "Baurech", "Bayas", "Bayon-sur-Gironde", "Bazas", "Beautiran", "Bégadan", "Bègles",
  "Béguey", "Belin-Béliet", "Bellebat", "Bellefond", "Belvès-de-Castillon", "Bernos-Beaulac", "Berson", "Berthez",
  "Beychac-et-Caillau", "Bieujac", "Biganos", "Birac", "Blaignac", "Blaignan-Prignac", "Blanquefort", "Blasimon",
  "Blaye", "Blésignac", "Bommes", "Bonnetan", "Bonzac", "Bordeaux", "Bossugan", "Bouliac", "Bourdelles", "Bourg",
  "Bourideys", "Brach", "Branne", "Brannens", "Braud-et-Saint-Louis", "Brouqueyran", "Bruges", "Budos",
  "Cabanac-et-Villagrains", "Cabara", "Cadarsac", "Cadaujac", "Cadillac-en-Fronsadais", "Cadillac-sur-Garonne",
  "Camarsac", "Cambes", "Camblanes-et-Meynac", "Camiac-et-Saint-Denis", "Camiran", "Camps-sur-l'Isle", "Campugnan",
  "Canéjan", "Capian", "Caplong", "Captieux", "Carbon-Blanc", "Carcans", "Cardan", "Carignan-de-Bordeaux", "Cars",
  "Cartelègue", "Casseuil", "Castelmoron-d'Albret", "Castelnau-de-Médoc", "Castelviel", "Castets et Castillon",
  "Castillon-la-Bataille", "Castres-Gironde", "Caudrot", "Caumont", "Cauvignac", "Cavignac", "Cazalis", "Cazats",
  "Cazaugitat", "Cénac", "Cenon", "Cérons", "Cessac", "Cestas", "Cézac", "Chamadelle", "Cissac-Médoc",
  "Civrac-de-Blaye", "Civrac-en-Médoc", "Civrac-sur-Dordogne", "Cleyrac", "Coimères", "Coirac", "Comps", "Coubeyrac",
  "Couquèques", "Courpiac", "Cours-de-Monségur", "Cours-les-Bains", "Coutras", "Coutures", "Créon", "Croignon",
  "Cubnezais", "Cubzac-les-Ponts", "Cudos", "Cursan", "Cussac-Fort-Médoc", "Daignac", "Dardenac", "Daubèze",
  "Dieulivol", "Donnezac", "Donzac", "Doulezon", "Escaudes", "Escoussans", "Espiet", "Étauliers", "Eynesse",
  "Eyrans", "Eysines", "Faleyras", "Fargues", "Fargues-Saint-Hilaire", "Flaujagues", "Floirac", "Floudès", "Fontet",
  "Fossès-et-Baleyssac", "Fours", "Francs", "Fronsac", "Frontenac", "Gabarnac", "Gaillan-en-Médoc", "Gajac",
  "Galgon", "Gans", "Gardegan-et-Tourtirac", "Gauriac", "Gauriaguet", "Générac", "Génissac", "Gensac",
  "Gironde-sur-Dropt", "Giscos", "Gornac", "Goualade", "Gours", "Gradignan", "Grayan-et-l'Hôpital", "Grézillac",
  "Grignols", "Guillac", "Guillos", "Guîtres", "Gujan-Mestras", "Haux", "Hostens", "Hourtin", "Hure", "Illats",
  "Isle-Saint-Georges", "Izon", "Jau-Dignac-et-Loirac", "Jugazan", "Juillac", "La Brède", "La Lande-de-Fronsac",
  "La Réole", "La Rivière", "La Roquille", "La Sauve", "La Teste-de-Buch", "Labarde", "Labescau", "Lacanau",
  "Ladaux", "Lados", "Lagorce", "Lalande-de-Pomerol", "Lamarque", "Lamothe-Landerron", "Landerrouat",
  "Landerrouet-sur-Ségur", "Landiras", "Langoiran", "Langon", "Lansac", "Lanton", "Lapouyade", "Laroque", "Lartigue",
  "Laruscade", "Latresne", "Lavazan", "Le Barp", "Le Bouscat", "Le Fieu", "Le Haillan", "Le Nizan", "Le Pian-Médoc",
  "Le Pian-sur-Garonne", "Le Porge", "Le Pout", "Le Puy", "Le Taillan-Médoc", "Le Teich", "Le Temple", "Le Tourne",
  "Le Tuzan", "Le Verdon-sur-Mer", "Lège-Cap-Ferret", "Léogeats", "Léognan", "Lerm-et-Musset",
  "Les Artigues-de-Lussac", "Les Billaux", "Les Églisottes-et-Chalaures", "Les Esseintes",
  "Les Lèves-et-Thoumeyragues", "Les Peintures", "Les Salles-de-Castillon", "Lesparre-Médoc", "Lestiac-sur-Garonne",
  "Libourne", "Lignan-de-Bazas", "Lignan-de-Bordeaux", "Ligueux", "Listrac-de-Durèze", "Listrac-Médoc", "Lormont",
  "Loubens", "Louchats", "Loupes", "Loupiac", "Loupiac-de-la-Réole", "Lucmau", "Ludon-Médoc", "Lugaignac",
  "Lugasson", "Lugon-et-l'Île-du-Carnay", "Lugos", "Lussac", "Macau", "Madirac", "Maransin", "Marcenais",
  "Marcheprime", "Margaux-Cantenac", "Margueron", "Marimbault", "Marions", "Marsas", "Martignas-sur-Jalle",
  "Martillac", "Martres", "Masseilles", "Massugas", "Mauriac", "Mazères", "Mazion", "Mérignac", "Mérignas",
  "Mesterrieux", "Mios", "Mombrier", "Mongauzy", "Monprimblanc", "Monségur", "Montagne", "Montagoudin", "Montignac",
  "Montussan", "Morizès", "Mouillac", "Mouliets-et-Villemartin", "Moulis-en-Médoc", "Moulon", "Mourens",
  "Naujac-sur-Mer", "Naujan-et-Postiac", "Néac", "Nérigean", "Neuffons", "Noaillac", "Noaillan", "Omet", "Ordonnac",
  "Origne", "Paillet", "Parempuyre", "Pauillac", "Pellegrue", "Périssac", "Pessac", "Pessac-sur-Dordogne",
  "Petit-Palais-et-Cornemps", "Peujard", "Pineuilh", "Plassac", "Pleine-Selve", "Podensac", "Pomerol", "Pompéjac",
  "Pompignac", "Pondaurat", "Porchères", "Porte-de-Benauge", "Portets", "Préchac", "Preignac", "Prignac-et-Marcamps",
  "Pugnac", "Puisseguin", "Pujols", "Pujols-sur-Ciron", "Puybarban", "Puynormand", "Queyrac", "Quinsac", "Rauzan",
  "Reignac", "Rimons", "Riocaud", "Rions", "Roaillan", "Romagne", "Roquebrune", "Ruch", "Sablons", "Sadirac",
  "Saillans", "Saint-Aignan", "Saint-André-de-Cubzac", "Saint-André-du-Bois", "Saint-André-et-Appelles",
  "Saint-Androny", "Saint-Antoine-du-Queyret", "Saint-Antoine-sur-l'Isle", "Saint-Aubin-de-Blaye",
  "Saint-Aubin-de-Branne", "Saint-Aubin-de-Médoc", "Saint-Avit-de-Soulège", "Saint-Avit-Saint-Nazaire",
  "Saint-Brice", "Saint-Caprais-de-Bordeaux", "Saint-Christoly-de-Blaye", "Saint-Christoly-Médoc",
  "Saint-Christophe-de-Double", "Saint-Christophe-des-Bardes", "Saint-Cibard", "Saint-Ciers-d'Abzac",
  "Saint-Ciers-de-Canesse", "Saint-Ciers-sur-Gironde", "Saint-Côme", "Saint-Denis-de-Pile", "Saint-Émilion",
  "Saint-Estèphe", "Saint-Étienne-de-Lisse", "Saint-Exupéry", "Saint-Félix-de-Foncaude", "Saint-Ferme",
  "Saint-Genès-de-Blaye", "Saint-Genès-de-Castillon", "Saint-Genès-de-Fronsac", "Saint-Genès-de-Lombaud",
  "Saint-Germain-d'Esteuil", "Saint-Germain-de-Grave", "Saint-Germain-de-la-Rivière", "Saint-Germain-du-Puch",
  "Saint-Gervais", "Saint-Girons-d'Aiguevives", "Saint-Hilaire-de-la-Noaille", "Saint-Hilaire-du-Bois",
  "Saint-Hippolyte", "Saint-Jean-d'Illac", "Saint-Jean-de-Blaignac", "Saint-Julien-Beychevelle",
  "Saint-Laurent-d'Arce", "Saint-Laurent-des-Combes", "Saint-Laurent-du-Bois", "Saint-Laurent-du-Plan",
  "Saint-Laurent-Médoc", "Saint-Léger-de-Balson", "Saint-Léon", "Saint-Loubert", "Saint-Loubès",
  "Saint-Louis-de-Montferrand", "Saint-Macaire", "Saint-Magne", "Saint-Magne-de-Castillon", "Saint-Maixant",
  "Saint-Mariens", "Saint-Martial", "Saint-Martin-de-Laye", "Saint-Martin-de-Lerm", "Saint-Martin-de-Sescas",
  "Saint-Martin-du-Bois", "Saint-Martin-du-Puy", "Saint-Martin-Lacaussade", "Saint-Médard-d'Eyrans",
  "Saint-Médard-de-Guizières", "Saint-Médard-en-Jalles", "Saint-Michel-de-Castelnau", "Saint-Michel-de-Fronsac",
  "Saint-Michel-de-Lapujade", "Saint-Michel-de-Rieufret", "Saint-Morillon", "Saint-Palais",
  "Saint-Pardon-de-Conques", "Saint-Paul", "Saint-Pey-d'Armens", "Saint-Pey-de-Castets", "Saint-Philippe-d'Aiguilhe",
  "Saint-Philippe-du-Seignal", "Saint-Pierre-d'Aurillac", "Saint-Pierre-de-Bat", "Saint-Pierre-de-Mons",
  "Saint-Quentin-de-Baron", "Saint-Quentin-de-Caplong", "Saint-Romain-la-Virvée", "Saint-Sauveur",
  "Saint-Sauveur-de-Puynormand", "Saint-Savin", "Saint-Selve", "Saint-Seurin-de-Bourg", "Saint-Seurin-de-Cadourne",
  "Saint-Seurin-de-Cursac", "Saint-Seurin-sur-l'Isle", "Saint-Sève", "Saint-Sulpice-de-Faleyrens",
  "Saint-Sulpice-de-Guilleragues", "Saint-Sulpice-de-Pommiers", "Saint-Sulpice-et-Cameyrac", "Saint-Symphorien",
  "Saint-Trojan", "Saint-Vincent-de-Paul", "Saint-Vincent-de-Pertignas", "Saint-Vivien-de-Blaye",
  "Saint-Vivien-de-Médoc", "Saint-Vivien-de-Monségur", "Saint-Yzan-de-Soudiac", "Saint-Yzans-de-Médoc",
  "Sainte-Colombe", "Sainte-Croix-du-Mont", "Sainte-Eulalie", "Sainte-Florence", "Sainte-Foy-la-Grande",
  "Sainte-Foy-la-Longue", "Sainte-Gemme", "Sainte-Hélène", "Sainte-Radegonde", "Sainte-Terre", "Salaunes",
  "Sallebœuf", "Salles", "Samonac", "Saucats", "Saugon", "Saumos", "Sauternes", "Sauveterre-de-Guyenne", "Sauviac",
  "Savignac", "Savignac-de-l'Isle", "Semens", "Sendets", "Sigalens", "Sillas", "Soulac-sur-Mer", "Soulignac",
  "Soussac", "Soussans", "Tabanac", "Taillecavat", "Talais", "Talence", "Targon", "Tarnès", "Tauriac", "Tayac",
  "Teuillac", "Tizac-de-Curton", "Tizac-de-Lapouyade", "Toulenne", "Tresses", "Uzeste", "Val de Virvée",
  "Val-de-Livenne", "Valeyrac", "Vayres", "Vendays-Montalivet", "Vensac", "Vérac", "Verdelais", "Vertheuil",
  "Vignonet", "Villandraut", "Villegouge", "Villenave-d'Ornon", "Villenave-de-Rions", "Villeneuve", "Virelade",
  "Virsac", "Yvrac",
];

/** Communes of the rest of France that fiches of the Livre blanc name. */
export const OTHER_COMMUNES: readonly string[] = ["Brest", "Lille", "Paris", "Rennes", "Nantes", "Lyon", "Toulouse", "Marseille", "Roubaix"];

/** The 28 communes of Bordeaux Métropole (2016 and now). */
export const BORDEAUX_METROPOLE_COMMUNES: readonly string[] = ["Ambarès-et-Lagrave","Ambès","Artigues-près-Bordeaux","Bassens","Bègles","Blanquefort","Bordeaux","Bouliac","Bruges","Carbon-Blanc","Cenon","Eysines","Floirac","Gradignan","Le Bouscat","Le Haillan","Le Taillan-Médoc","Lormont","Martignas-sur-Jalle","Mérignac","Parempuyre","Pessac","Saint-Aubin-de-Médoc","Saint-Louis-de-Montferrand","Saint-Médard-en-Jalles","Saint-Vincent-de-Paul","Talence","Villenave-d'Ornon"];

/**
 * Neighbourhoods of Bordeaux the fiches name instead of the commune ("habitants de Bacalan"): they
 * say the action is Bordeaux's as surely as "Mairie de Bordeaux" does.
 */
export const BORDEAUX_QUARTIERS: readonly string[] = [
  "Bacalan", "Aubiers", "Grand Parc", "Bastide", "Benauge", "Chartrons", "Belcier", "Saint-Michel", "Saint Michel",
  "Caudéran", "Ginko", "Saint-Augustin", "Bordeaux Nord", "Bordeaux-Nord", "Les Aubiers", "Bordeaux Maritime",
];
