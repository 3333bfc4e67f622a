import { diffArraysBounded } from "./arrays";

type DiffOp = "equal" | "delete" | "insert";

/** A piece of text in a readable diff: kept, deleted or inserted. */
export type TextSegment = { op: DiffOp; text: string };

// Words (letters, digits and combining marks), runs of spaces, and every other character alone.
const TOKEN = /[\p{L}\p{N}\p{M}]+|\s+|[^\s\p{L}\p{N}\p{M}]/gu;

/** Splits a text into words, spaces and punctuation; joining the tokens gives the text back. */
export function tokenizeWords(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * A word-level diff meant for people: each changed stretch reads as the whole old wording, then
 * the whole new one. A lone space kept between two changes is folded into them, so that replacing
 * a sentence does not come out as alternating word-by-word marks.
 */
export function diffWords(before: string, after: string): TextSegment[] {
  const segments: TextSegment[] = diffArraysBounded(tokenizeWords(before), tokenizeWords(after)).map((change) => ({
    op: change.added ? "insert" : change.removed ? "delete" : "equal",
    text: change.value.join(""),
  }));
  const folded: TextSegment[] = [];
  segments.forEach((segment, i) => {
    const between = i > 0 && i < segments.length - 1 && segments[i - 1].op !== "equal" && segments[i + 1].op !== "equal";
    if (segment.op === "equal" && between && /^\s+$/.test(segment.text)) {
      folded.push({ op: "delete", text: segment.text }, { op: "insert", text: segment.text });
    } else folded.push(segment);
  });
  return groupChanges(folded);
}

/** Merges consecutive changes into one deletion followed by one insertion, and adjacent equal runs. */
function groupChanges(segments: TextSegment[]): TextSegment[] {
  const out: TextSegment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) out.push({ op: "delete", text: deleted });
    if (inserted) out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  for (const segment of segments) {
    if (segment.op === "delete") deleted += segment.text;
    else if (segment.op === "insert") inserted += segment.text;
    else {
      flush();
      const last = out.at(-1);
      if (last?.op === "equal") last.text += segment.text;
      else if (segment.text) out.push({ ...segment });
    }
  }
  flush();
  return out;
}

/** The text on one side of a diff: "before" keeps equal and deleted parts, "after" equal and inserted ones. */
export function sideOf(segments: readonly TextSegment[], side: "before" | "after"): string {
  const skip: DiffOp = side === "before" ? "insert" : "delete";
  return segments
    .filter((s) => s.op !== skip)
    .map((s) => s.text)
    .join("");
}
