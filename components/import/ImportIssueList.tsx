import type { PreviewIssue } from "@/lib/import/preview";

/** Entries of an import report, each with the line and the fiche it is about. */
export function ImportIssueList({ issues }: { issues: PreviewIssue[] }) {
  return (
    <ul className="import-report">
      {issues.map((entry, index) => (
        <li key={index}>
          {entry.line !== null || entry.fiche ? (
            <span className="import-report__where">
              {[entry.line !== null ? `Ligne ${entry.line}` : null, entry.fiche ? `« ${entry.fiche} »` : null].filter(Boolean).join(", ")} :{" "}
            </span>
          ) : null}
          {entry.message}
        </li>
      ))}
    </ul>
  );
}
