import type { LieuxImportOutcome } from "./apply";
import type { LieuxImportPlan } from "./plan";

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function rowLines(plan: LieuxImportPlan): string[] {
  const lines: string[] = [];
  for (const row of plan.lieux) {
    if (row.action === "skip") lines.push(`Line ${row.line}: skipped "${row.nom}": ${row.problems.map((p) => p.messageEn).join("; ")}.`);
    else if (row.action === "update") lines.push(`Line ${row.line}: update "${row.nom}" (${row.changes.join(", ")}).`);
    else if (row.action === "create") lines.push(`Line ${row.line}: create "${row.nom}" for acteur "${plan.acteurs[row.acteur!].nom}".`);
    else lines.push(`Line ${row.line}: "${row.nom}" is unchanged.`);
  }
  for (const note of plan.notes) lines.push(`${note.line ? `Line ${note.line}: ` : ""}Note: ${note.messageEn}`);
  return lines;
}

/** What an import would do, in English (the CLI's --dry-run). */
export function describeLieuxPlan(plan: LieuxImportPlan): string {
  const count = (action: string) => plan.lieux.filter((l) => l.action === action).length;
  const acteurs = (action: string) => plan.acteurs.filter((a) => a.action === action).length;
  return [
    `${plan.filename}: ${plural(plan.lieux.length, "row")}.`,
    `Lieux: ${count("create")} to create, ${count("update")} to update, ${count("unchanged")} unchanged, ${count("skip")} skipped.`,
    `Acteurs: ${acteurs("create")} to create, ${acteurs("update")} to complete with their SIRET or RNA, ${acteurs("reuse")} reused.`,
    ...rowLines(plan),
  ].join("\n");
}

/** What an import did, in English (the CLI). */
export function describeLieuxOutcome(outcome: LieuxImportOutcome): string {
  const { plan } = outcome;
  return [
    `Imported ${plan.filename} in one transaction.`,
    `Lieux: ${outcome.lieuxCreated.length} created, ${outcome.lieuxUpdated.length} updated, ${plan.lieux.filter((l) => l.action === "unchanged").length} unchanged, ${plan.lieux.filter((l) => l.action === "skip").length} skipped.`,
    `Acteurs: ${outcome.acteursCreated.length} created, ${outcome.acteursUpdated.length} completed with their SIRET or RNA, ${plan.acteurs.filter((a) => a.action === "reuse").length} reused.`,
    ...rowLines(plan),
  ].join("\n");
}
