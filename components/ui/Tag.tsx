/** theme: a confirmed term; suggested: proposed by the classifier, not confirmed yet; neutral: a quiet note such as « À vérifier ». */
export type TagTone = "theme" | "suggested" | "neutral";

const TONE_CLASSES: Record<TagTone, string> = { theme: "tag", suggested: "tag tag--suggere", neutral: "tag tag--neutre" };

/** One tag of a Tags list. */
export function Tag({ tone = "theme", title, children }: { tone?: TagTone; title?: string; children: React.ReactNode }) {
  return (
    <li className={TONE_CLASSES[tone]} title={title}>
      {children}
    </li>
  );
}

/** A labelled list of tags; nothing when there is none. */
export function Tags({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <ul className="tags" aria-label={label}>
      {children}
    </ul>
  );
}
