import type { TextSegment } from "@/lib/diff/words";

/**
 * Text with its changes marked by <ins> and <del>, never by colour alone: underline and strike
 * through show them, and a visually hidden "ajout :" / "suppression :" announces them, since
 * screen readers mostly say nothing of <ins> and <del>. `side` keeps one side of the diff only.
 */
export function DiffText({ segments, side }: { segments: readonly TextSegment[]; side?: "before" | "after" }) {
  return (
    <>
      {segments.map((segment, i) => {
        if (segment.op === "equal") return <span key={i}>{segment.text}</span>;
        if (segment.op === "insert") {
          if (side === "before") return null;
          return (
            <ins key={i}>
              <span className="visually-hidden">ajout : </span>
              {segment.text}
              <span className="visually-hidden"> (fin de l&apos;ajout)</span>
            </ins>
          );
        }
        if (side === "after") return null;
        return (
          <del key={i}>
            <span className="visually-hidden">suppression : </span>
            {segment.text}
            <span className="visually-hidden"> (fin de la suppression)</span>
          </del>
        );
      })}
    </>
  );
}

/** What the marks mean, shown above every diff. */
export function DiffLegend() {
  return (
    <p className="diff-legend">
      Légende : <ins>texte ajouté</ins> (souligné, sur fond vert) ; <del>texte supprimé</del> (barré, sur fond rouge).
    </p>
  );
}
