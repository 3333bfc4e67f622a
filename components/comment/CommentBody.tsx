import { Fragment } from "react";
import { commentSegments } from "@/lib/comment/format";

/**
 * A comment's body: every character is text for React to escape; only http(s) addresses become
 * links, marked as user content; mentions of known accounts show their current name.
 */
export function CommentBody({ body, names }: { body: string; names: ReadonlyMap<number, string> }) {
  return (
    <p className="comment__body">
      {commentSegments(body, names).map((segment, i) => {
        switch (segment.kind) {
          case "break":
            return <br key={i} />;
          case "link":
            return (
              <a key={i} href={segment.href} rel="nofollow ugc noopener" className="comment__link">
                {segment.text}
              </a>
            );
          case "mention":
            return (
              <strong key={i} className="comment__mention">
                @{segment.name}
              </strong>
            );
          default:
            return <Fragment key={i}>{segment.text}</Fragment>;
        }
      })}
    </p>
  );
}
