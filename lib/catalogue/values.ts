/** Whether a catalogue is shown to everyone; db/schema's catalogue.statut column takes its values from here. */
export const CATALOGUE_STATUTS = ["brouillon", "public"] as const;
export type CatalogueStatut = (typeof CATALOGUE_STATUTS)[number];
