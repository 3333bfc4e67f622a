"use client";

import { useEffect, useEffectEvent } from "react";

type Options<T> = {
  /** How long typing must pause before a request, in milliseconds. */
  delay: number;
  /** Fetches the suggestions for a term; the signal aborts it when the term changes or the combobox goes. */
  load: (term: string, signal: AbortSignal) => Promise<T[]>;
  onLoad: (found: T[], term: string) => void;
  /** When a request fails (an aborted one does not). */
  onError: (term: string) => void;
};

/**
 * Fetches a combobox's suggestions as one types: once typing pauses for `delay`, `load` runs for
 * the latest term, and the request for a term since replaced is aborted, so that its answer never
 * lands. An empty term (nothing to suggest) fetches nothing. `load` and the callbacks always see
 * the latest props: they need not be stable.
 */
export function useSuggestions<T>(term: string, { delay, load, onLoad, onError }: Options<T>): void {
  const fetchSuggestions = useEffectEvent(load);
  const show = useEffectEvent(onLoad);
  const fail = useEffectEvent(onError);

  useEffect(() => {
    if (term === "") return;
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const found = await fetchSuggestions(term, controller.signal);
        if (!controller.signal.aborted) show(found, term);
      } catch {
        if (!controller.signal.aborted) fail(term);
      }
    }, delay);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [term, delay]);
}

/** GETs a suggestions route's JSON body, throwing on an HTTP error. */
export async function getSuggestions<Body>(url: string, signal: AbortSignal): Promise<Body> {
  const response = await fetch(url, { signal });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Body;
}
