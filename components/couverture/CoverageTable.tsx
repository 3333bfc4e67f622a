import type { CoverageCell, CoverageMatrix } from "@/server/couverture";

function count(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

function Cell({ cell }: { cell: CoverageCell }) {
  if (!cell.fiches && !cell.lieux) {
    return (
      <td className="coverage-gap">
        <span>aucun</span>
      </td>
    );
  }
  return (
    <td>
      <span className={cell.fiches ? undefined : "coverage-zero"}>{count(cell.fiches, "fiche", "fiches")}</span>
      <br />
      <span className={cell.lieux ? undefined : "coverage-zero"}>{count(cell.lieux, "lieu", "lieux")}</span>
    </td>
  );
}

type Props = { id: string; caption: string; matrix: CoverageMatrix; rowHeader: string };

/**
 * A coverage table: a header for each row and column, counts in every cell, and the empty cells
 * written "aucun" (never marked by colour alone). It scrolls sideways inside a focusable region.
 */
export function CoverageTable({ id, caption, matrix, rowHeader }: Props) {
  const groups = [...new Set(matrix.rows.map((r) => r.group))];
  return (
    <div className="table-wrap coverage-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table className="coverage" id={id}>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{rowHeader}</th>
            {matrix.columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((group) => (
          <tbody key={group ?? "tout"}>
            {group && groups.length > 1 && (
              <tr className="coverage-group">
                <th scope="rowgroup" colSpan={matrix.columns.length + 1}>
                  {group}
                </th>
              </tr>
            )}
            {matrix.rows.map((row, r) =>
              row.group === group ? (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {matrix.cells[r].map((cell, c) => (
                    <Cell key={matrix.columns[c].key} cell={cell} />
                  ))}
                </tr>
              ) : null,
            )}
          </tbody>
        ))}
      </table>
    </div>
  );
}
