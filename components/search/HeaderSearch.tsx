"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { getSuggestions, useSuggestions } from "@/components/form/useSuggestions";
import { parseSearchQuery } from "@/lib/search/french";
import { highlightSegments } from "@/lib/search/highlight";
import { SUGGESTION_MIN_LENGTH, suggestionsUrl, type Suggestion } from "@/lib/search/suggestion";

const DEBOUNCE_MS = 150;

function Highlighted({ text, query }: { text: string; query: string }) {
  const parsed = useMemo(() => parseSearchQuery(query, { minPrefixLength: SUGGESTION_MIN_LENGTH }), [query]);
  return (
    <>
      {highlightSegments(text, parsed).map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}

/**
 * The header's search box: a plain GET form to /recherche, which works without JavaScript, made
 * an ARIA 1.2 combobox when it runs. Suggestions (fiche titles, acteur names) come as one types;
 * arrow keys move through them, Enter opens the one chosen or searches, Escape closes then clears.
 */
export function HeaderSearch() {
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");

  const trimmed = query.trim();
  const { options, setOptions, open, setOpen } = useSuggestions(trimmed.length < SUGGESTION_MIN_LENGTH ? "" : trimmed, {
    delay: DEBOUNCE_MS,
    load: async (q, signal) => (await getSuggestions<{ suggestions: Suggestion[] }>(suggestionsUrl(q), signal)).suggestions,
    onLoad: (suggestions) => {
      setActive(-1);
      setAnnouncement(
        suggestions.length === 0
          ? "Aucune suggestion : appuyez sur Entrée pour lancer la recherche."
          : `${suggestions.length} suggestion${suggestions.length > 1 ? "s" : ""}, parcourez-les avec les flèches haut et bas.`,
      );
    },
    // Suggestions are a convenience: the form still searches. (The return type breaks the cycle
    // TypeScript sees between setOptions and the call that returns it.)
    onError: (): void => setOptions([]),
  });

  const expanded = open && options.length > 0;

  const go = (suggestion: Suggestion) => {
    setOpen(false);
    setActive(-1);
    router.push(suggestion.href);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((i) => (i + 1) % options.length);
        break;
      case "ArrowUp":
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case "Enter":
        if (expanded && active >= 0 && options[active]) {
          event.preventDefault();
          go(options[active]);
        }
        break;
      case "Escape":
        if (expanded) {
          event.preventDefault();
          setOpen(false);
        } else {
          setQuery("");
        }
        setActive(-1);
        break;
    }
  };

  return (
    <form role="search" action="/recherche" method="get" className="header-search" aria-label="Rechercher dans le wiki">
      <label htmlFor={inputId} className="visually-hidden">
        Rechercher dans le wiki
      </label>
      <div className="header-search__field">
        <input
          id={inputId}
          name="q"
          type="search"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
          autoComplete="off"
          enterKeyHint="search"
          maxLength={200}
          placeholder="Fiche, acteur, commune…"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
          onFocus={() => options.length > 0 && setOpen(true)}
        />
        <ul id={listId} role="listbox" aria-label="Suggestions" className="header-search__list" hidden={!expanded}>
          {options.map((option, i) => (
            <li
              key={option.href}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="header-search__option"
              // Keep the focus in the input: a click must not blur it before it opens the page.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(option)}
            >
              <span className="header-search__label">
                <Highlighted text={option.label} query={query} />
              </span>
              <span className="header-search__kind">{option.typeLabel}</span>
            </li>
          ))}
        </ul>
      </div>
      <button type="submit">Rechercher</button>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </form>
  );
}
