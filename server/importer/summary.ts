import type { ImportOutcome } from "./apply";
import type { ImportPlan } from "./plan";
import type { ImportDocument } from "./read-file";
import type { ImportIssue } from "./types";

// English summaries of an import, for the CLI: counts, then the report's warnings one per line.

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function describeDocument(document: ImportDocument): string {
  const format = document.format === "livre-blanc" ? "Livre blanc text" : "Markdown";
  return `"${document.filename}" (${format}, ${document.encoding.toUpperCase()})`;
}

/** The report's warnings, one per line, with the line and fiche they are about; the count of notes after them. */
export function describeWarnings(report: ImportIssue[]): string[] {
  const warnings = report.filter((entry) => entry.severity === "warning");
  const notes = report.length - warnings.length;
  const lines = warnings.map((entry) => {
    const where = [entry.line ? `line ${entry.line}` : null, entry.ficheKey ?? null].filter(Boolean).join(", ");
    return `  ${where ? `${where}: ` : ""}${entry.messageEn}`;
  });
  return [
    warnings.length ? `${plural(warnings.length, "warning")} to review:` : "No warning.",
    ...lines,
    ...(notes ? [`(${plural(notes, "informational note")} not listed: acteur catégories guessed, acteurs found in the directory, merged copies and spellings.)`] : []),
  ];
}

/** What an import would do, fiche by fiche and acteur by acteur (--dry-run). */
export function describePlan(plan: ImportPlan): string {
  const count = (action: string) => plan.fiches.filter((f) => f.action === action).length;
  const acteurs = (action: string) => plan.acteurs.filter((a) => a.action === action).length;
  const lines = [
    `Plan for ${describeDocument(plan.document)}: ${plural(plan.fiches.length, "fiche")}.`,
    `Fiches: ${count("create")} to create, ${count("update")} to update, ${count("unchanged")} unchanged.`,
    ...plan.fiches.map((f) => {
      const detail = [
        f.action === "update" ? `writes ${f.changes.join(", ")}` : null,
        f.kept.length ? `keeps the wiki's ${f.kept.join(", ")}` : null,
        f.existing ? `/fiches/${f.existing.slug}` : null,
      ].filter(Boolean);
      return `  ${f.action.padEnd(9)} ${f.fiche.type.padEnd(8)} ${f.fiche.titre}${detail.length ? ` (${detail.join("; ")})` : ""}`;
    }),
    `Acteurs: ${acteurs("create")} to create, ${acteurs("reuse")} found in the directory, ${acteurs("skip")} skipped.`,
    ...plan.acteurs.map((a) => {
      const detail = a.existing ? `/acteurs/${a.existing.slug}` : `${a.categorie}, ${a.typologie}`;
      return `  ${a.action.padEnd(9)} ${a.nom} (${detail}; ${plural(a.fiches.length, "fiche")})`;
    }),
    ...describeWarnings(plan.report),
  ];
  return lines.join("\n");
}

/** What an import did. */
export function describeOutcome(outcome: ImportOutcome): string {
  return [
    `Imported ${describeDocument(outcome.document)} in one transaction.`,
    `Fiches: ${outcome.created.length} created (published, to be checked), ${outcome.updated.length} updated, ${outcome.unchanged.length} unchanged.`,
    `Acteurs: ${outcome.acteursCreated.length} created, ${outcome.acteursReused.length} found in the directory.`,
    ...describeWarnings(outcome.report),
  ].join("\n");
}
