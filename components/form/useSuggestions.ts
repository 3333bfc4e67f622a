"use client";

import { useEffect, useEffectEvent, useState } from "react";

type Options<T> = {
  /** How long typing must pause before a request, in milliseconds. */
  delay: number;
  /** Fetches the suggestions for a term; the signal aborts it when the term changes or the combobox goes. */
  load: (term: string, signal: AbortSignal) => Promise<T[]>;
  /** Once the suggestions for `term` are in the list, which is open: where a combobox highlights one and announces them. */
  onLoad?: (found: T[], term: string) => void;
  /** When a request fails (an aborted one does not). */
  onError?: () => void;
};

/**
 * A combobox's suggestions, fetched as one types. Once typing pauses for `delay`, the suggestions
 * for the latest term replace the list and open it; until they come, the previous ones stay. An
 * empty term (the caller passes "" when nothing is to be suggested) empties and closes the list.
 * `load` and the callbacks always see the latest props: they need not be stable.
 */
export function useSuggestions<T>(term: string, { delay, load, onLoad, onError }: Options<T>) {
  const [options, setOptions] = useState<T[]>([]);
  const [open, setOpen] = useState(false);

  // The list is emptied while rendering the empty term, rather than by an effect one render later.
  const [previousTerm, setPreviousTerm] = useState(term);
  if (term !== previousTerm) {
    setPreviousTerm(term);
    if (term === "") {
      setOptions([]);
      setOpen(false);
    }
  }

  const fetchSuggestions = useEffectEvent(load);
  const show = useEffectEvent((found: T[], searched: string) => {
    setOptions(found);
    setOpen(true);
    onLoad?.(found, searched);
  });
  const fail = useEffectEvent(() => onError?.());

  useEffect(() => {
    if (term === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const found = await fetchSuggestions(term, controller.signal);
        if (!controller.signal.aborted) show(found, term);
      } catch {
        if (!controller.signal.aborted) fail();
      }
    }, delay);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [term, delay]);

  return { options, setOptions, open, setOpen };
}

/** GETs a suggestions route's JSON body, throwing on an HTTP error. */
export async function getSuggestions<Body>(url: string, signal: AbortSignal): Promise<Body> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Body;
}
