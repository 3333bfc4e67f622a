import type { BodyBlockDiff } from "@/server/revision-diff";
import { DiffText } from "./DiffText";

const KIND_LABELS: Record<BodyBlockDiff["kind"], string> = {
  heading: "Intertitre",
  paragraph: "Paragraphe",
  item: "Élément de liste",
  row: "Ligne de tableau",
};

const OP_LABELS: Record<Exclude<BodyBlockDiff["op"], "equal">, string> = {
  change: "modifié",
  insert: "ajouté",
  delete: "supprimé",
};

/**
 * The body's blocks in order, each one kept, edited, added or removed. Intertitles are shown in
 * bold rather than as headings, so that the page's own outline stays in order.
 */
export function BodyDiff({ blocks }: { blocks: BodyBlockDiff[] }) {
  return (
    <ol className="diff-body">
      {blocks.map((block, i) => (
        <li key={i} className={`diff-block diff-block--${block.op} diff-block--${block.kind}`} style={block.depth ? { marginLeft: `${block.depth * 1.5}rem` } : undefined}>
          {block.op !== "equal" && (
            <span className="diff-block__what">
              {KIND_LABELS[block.kind]} {OP_LABELS[block.op]}
              <span className="visually-hidden"> :</span>
            </span>
          )}
          <span className="diff-block__text">
            {block.marker ? <span className="diff-block__marker">{block.marker} </span> : null}
            <DiffText segments={block.segments} />
          </span>
        </li>
      ))}
    </ol>
  );
}
