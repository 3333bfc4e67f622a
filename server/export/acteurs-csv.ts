import type { ExportActeurRow } from "@/db/queries/acteur-export";
import { ACTEUR_CATEGORIE_LABELS, typologieLabel } from "@/lib/acteur/labels";
import { licenceCitation } from "@/lib/licence";
import { joinValues, SPREADSHEET_BOM, toCsv } from "./csv";
import type { ExportContext } from "./fiche-record";

/** The columns of the acteurs CSV, one row per acteur. */
export const ACTEURS_CSV_COLUMNS = [
  "slug",
  "url",
  "nom",
  "categorie",
  "typologie",
  "description",
  "site_web",
  "courriel",
  "telephone",
  "siret",
  "rna",
  "themes",
  "lieux",
  "communes",
  "cree_le",
  "modifie_le",
  "licence",
] as const;

/** The directory as a CSV: the acteurs' public profile, labels for their catégorie, typologie and themes. */
export function renderActeursCsv(acteurs: ExportActeurRow[], context: ExportContext): string {
  const licence = licenceCitation(context.licence);
  const rows = acteurs.map((a) => [
    a.slug,
    `${context.siteUrl}/acteurs/${a.slug}`,
    a.nom,
    ACTEUR_CATEGORIE_LABELS[a.categorie],
    typologieLabel(a.typologie),
    a.description,
    a.siteWeb ?? "",
    a.courriel ?? "",
    a.telephone ?? "",
    a.siret ?? "",
    a.rna ?? "",
    joinValues(a.themes),
    joinValues(a.lieux.map((l) => l.nom)),
    joinValues([...new Set(a.lieux.map((l) => l.commune))]),
    a.createdAt.toISOString(),
    a.updatedAt.toISOString(),
    licence,
  ]);
  return SPREADSHEET_BOM + toCsv(ACTEURS_CSV_COLUMNS, rows);
}
