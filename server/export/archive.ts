import { strToU8, zipSync, type Zippable } from "fflate";
import { describeSkippedLieux, type LieuxCsvExport } from "./lieux-csv";
import type { ExportContext, ExportedFiche } from "./fiche-record";
import { FICHES_EXPORT_FORMAT, FICHES_EXPORT_VERSION } from "./fiche-record";

/** What goes into the archive besides the fiches: the other exports, already rendered. */
export type ArchiveParts = { fichesJson: string; fichesCsv: string; acteursCsv: string; lieux: LieuxCsvExport; markdown: Map<string, string> };

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const dateFr = (date: Date) =>
  date.toLocaleString("fr-FR", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Paris" });

/** The archive's README (in French, like the wiki): licence, date, contents, and the lieux left out of the standard CSV. */
export function renderArchiveReadme(fiches: ExportedFiche[], parts: ArchiveParts, context: ExportContext): string {
  const lines = [
    "# Contenu du wiki de la Solidarité numérique",
    "",
    `Exporté le ${dateFr(context.exportedAt)} (${context.exportedAt.toISOString()}) depuis ${context.siteUrl}.`,
    "",
    "## Licence",
    "",
    `Ce contenu est publié sous ${context.licence.name} : ${context.licence.url}`,
    "",
    `${context.licence.summary} Citez le wiki de la Solidarité numérique (${context.siteUrl}) comme source.`,
    "",
    "## Fichiers",
    "",
    `- \`fiches/\` : ${plural(fiches.length, "fiche publique", "fiches publiques")} (publiées ou archivées), une par fichier Markdown (en-tête YAML avec les champs, les acteurs, les termes et la licence).`,
    `- \`fiches.json\` : les mêmes fiches en JSON (format \`${FICHES_EXPORT_FORMAT}\`, version ${FICHES_EXPORT_VERSION}), avec le texte en JSON ProseMirror et en HTML ; il se réimporte dans un autre wiki.`,
    "- `fiches.csv` : une ligne par fiche, pour un tableur ; plusieurs valeurs d'une cellule sont séparées par « | ».",
    "- `acteurs.csv` : l'annuaire des acteurs (profil public, sans les membres).",
    `- \`lieux.csv\` : ${plural(parts.lieux.exported, "lieu", "lieux")} au format du schéma des lieux de médiation numérique v1.0.2 (https://schema.data.gouv.fr/LaMednum/standard-mediation-num/), séparateur « , », plusieurs valeurs séparées par « | », encodage UTF-8. Ce fichier ne contient pas de ligne de commentaire : sa licence est celle indiquée ci-dessus.`,
    "",
    "Les brouillons et les fiches masquées par la modération ne sont jamais exportés. Dans les CSV, une cellule qui commencerait par =, +, - ou @ est précédée d'une apostrophe, pour qu'un tableur ne l'exécute pas comme une formule.",
  ];
  if (parts.lieux.skipped.length) {
    lines.push("", "## Lieux non exportés", "", "Ces lieux ne peuvent pas être valides au regard du schéma national ; corrigez-les sur le wiki :", "");
    for (const s of parts.lieux.skipped) {
      lines.push(`- « ${s.nom} » (${s.acteurNom}, ${context.siteUrl}/acteurs/${s.acteurSlug}) : ${s.violations.map((v) => v.messageFr).join(" ; ")}.`);
    }
    lines.push("", "In English:", "", ...describeSkippedLieux(parts.lieux.skipped).map((line) => `- ${line}`));
  }
  return `${lines.join("\n")}\n`;
}

/** The whole export as one .zip: README, every fiche in Markdown, the fiches in JSON and CSV, the acteurs and the lieux CSV. */
export function buildArchive(fiches: ExportedFiche[], parts: ArchiveParts, context: ExportContext): Uint8Array {
  const mtime = context.exportedAt;
  const files: Zippable = {
    "README.md": [strToU8(renderArchiveReadme(fiches, parts, context)), { mtime }],
    "fiches.json": [strToU8(parts.fichesJson), { mtime }],
    "fiches.csv": [strToU8(parts.fichesCsv), { mtime }],
    "acteurs.csv": [strToU8(parts.acteursCsv), { mtime }],
    "lieux.csv": [strToU8(parts.lieux.csv), { mtime }],
  };
  const folder: Zippable = {};
  for (const [name, markdown] of parts.markdown) folder[name] = [strToU8(markdown), { mtime }];
  files.fiches = folder;
  return zipSync(files, { level: 6 });
}
