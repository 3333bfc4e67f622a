import type { FieldDiff, SetItem } from "@/server/revision-diff";
import { DiffText } from "./DiffText";

function SetList({ items, side }: { items: SetItem[]; side: "before" | "after" }) {
  if (items.length === 0) return <span className="muted">(vide)</span>;
  return (
    <ul className="diff-set">
      {items.map((item) => (
        <li key={`${item.change}-${item.label}`}>
          {item.change === "kept" && item.label}
          {item.change === "removed" && side === "before" && (
            <del>
              <span className="visually-hidden">suppression : </span>
              {item.label}
            </del>
          )}
          {item.change === "added" && side === "after" && (
            <ins>
              <span className="visually-hidden">ajout : </span>
              {item.label}
            </ins>
          )}
        </li>
      ))}
    </ul>
  );
}

function Side({ diff, side }: { diff: FieldDiff; side: "before" | "after" }) {
  if (diff.kind === "set") return <SetList items={side === "before" ? diff.before : diff.after} side={side} />;
  const empty = diff.segments.every((s) => s.op === (side === "before" ? "insert" : "delete"));
  return empty ? <span className="muted">(vide)</span> : <DiffText segments={diff.segments} side={side} />;
}

/** The fields that changed between two versions: old value, new value. */
export function FieldDiffTable({ fields, before, after }: { fields: FieldDiff[]; before: string; after: string }) {
  return (
    <div className="table-wrap">
      <table className="diff-fields">
        <caption>Champs modifiés</caption>
        <thead>
          <tr>
            <th scope="col">Champ</th>
            <th scope="col">{before}</th>
            <th scope="col">{after}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((diff) => (
            <tr key={diff.field}>
              <th scope="row">{diff.label}</th>
              <td data-label={before}>
                <Side diff={diff} side="before" />
              </td>
              <td data-label={after}>
                <Side diff={diff} side="after" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
