import type { FicheActeurRole } from "@/lib/fiche/values";
import { licenceCitation } from "@/lib/licence";
import { joinValues, SPREADSHEET_BOM, toCsv } from "./csv";
import type { ExportContext, ExportedFiche } from "./fiche-record";

/** The columns of the fiches CSV, one row per fiche; several values in a cell are separated by "|". */
export const FICHES_CSV_COLUMNS = [
  "slug",
  "url",
  "type",
  "titre",
  "statut",
  "etat",
  "ebauche",
  "commune",
  "quartier",
  "lien_web",
  "source",
  "porteurs",
  "partenaires",
  "financeurs",
  "acteurs_pressentis",
  "objectif",
  "themes",
  "themes_suggeres",
  "publics",
  "enjeux",
  "lieux",
  "texte",
  "cree_le",
  "modifie_le",
  "licence",
] as const;

const names = (fiche: ExportedFiche, role: FicheActeurRole) => joinValues(fiche.acteurs.filter((a) => a.role === role).map((a) => a.nom));

/** The fiches as a CSV for spreadsheets: flat columns, labels rather than slugs, every cell neutralised. */
export function renderFichesCsv(fiches: ExportedFiche[], context: ExportContext): string {
  const licence = licenceCitation(context.licence);
  const rows = fiches.map((f) => [
    f.slug,
    f.url,
    f.type,
    f.titre,
    f.statut,
    f.etat ?? "",
    f.ebauche ? "oui" : "",
    f.commune ?? "",
    f.quartier,
    f.lienWeb,
    f.source,
    names(f, "porteur"),
    names(f, "partenaire"),
    names(f, "financeur"),
    names(f, "pressenti"),
    f.objectif?.label ?? "",
    joinValues(f.themes.map((t) => t.label)),
    joinValues(f.themesSuggeres.map((t) => t.label)),
    joinValues(f.publics.map((t) => t.label)),
    joinValues(f.enjeux.map((t) => t.label)),
    joinValues(f.lieux.map((l) => `${l.nom}, ${l.adresse}, ${l.codePostal} ${l.commune}`)),
    f.texte,
    f.createdAt,
    f.contentUpdatedAt ?? f.updatedAt,
    licence,
  ]);
  return SPREADSHEET_BOM + toCsv(FICHES_CSV_COLUMNS, rows);
}
