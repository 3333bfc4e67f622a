import { useCallback, useEffect, useRef, useState } from "react";
import type * as Y from "yjs";

/** Calls `refresh` whenever `source` changes; returns what stops it. */
export type Watch<S> = (source: S, refresh: () => void) => () => void;

function watchType(source: Y.AbstractType<unknown>, refresh: () => void): () => void {
  source.observe(refresh);
  return () => source.unobserve(refresh);
}

/**
 * A value of the fiche's document whose shared type may not exist yet: on the server, and in the
 * browser until Yjs has loaded. Until then it is the page's value, and a change is shown at once and
 * applied to the document as soon as it exists; afterwards it follows the document, peers' edits
 * included. `read` and `watch` must keep their identity across renders (module-level functions or
 * useCallback).
 */
export function useSharedValue<S, T>(
  source: S | null,
  read: (source: S) => T,
  initial: T,
  watch: Watch<S> = watchType as unknown as Watch<S>,
): [T, (apply: (source: S) => void, next: T) => void] {
  const [value, setValue] = useState(initial);
  const queued = useRef<((source: S) => void)[]>([]);

  useEffect(() => {
    if (!source) return;
    for (const apply of queued.current.splice(0)) apply(source);
    const refresh = () => setValue(read(source));
    refresh();
    return watch(source, refresh);
  }, [source, read, watch]);

  const change = useCallback(
    (apply: (source: S) => void, next: T) => {
      if (source) {
        apply(source);
        return;
      }
      queued.current.push(apply);
      setValue(next);
    },
    [source],
  );
  return [value, change];
}
