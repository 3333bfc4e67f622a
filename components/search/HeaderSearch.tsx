"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo } from "react";
import { Combobox } from "@/components/ui/Combobox";
import { getSuggestions } from "@/components/ui/useSuggestions";
import { parseSearchQuery } from "@/lib/search/french";
import { highlightSegments } from "@/lib/search/highlight";
import { SUGGESTION_MIN_LENGTH, suggestionsUrl, type Suggestion } from "@/lib/search/suggestion";

function Highlighted({ text, query }: { text: string; query: string }) {
  const parsed = useMemo(() => parseSearchQuery(query, { minPrefixLength: SUGGESTION_MIN_LENGTH }), [query]);
  return (
    <>
      {highlightSegments(text, parsed).map((segment, i) => (segment.mark ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>))}
    </>
  );
}

const plural = (count: number) => (count > 1 ? "s" : "");

/**
 * The header's search box: a plain GET form to /recherche, which works without JavaScript, made a
 * combobox when it runs. Suggestions (fiche titles, acteur names) come as one types; Enter opens
 * the highlighted one, or else searches for what is typed.
 */
export function HeaderSearch() {
  const router = useRouter();
  const id = useId();
  return (
    <form role="search" action="/recherche" method="get" className="header-search" aria-label="Rechercher dans le wiki">
      <Combobox<Suggestion>
        id={`${id}-input`}
        label="Rechercher dans le wiki"
        labelHidden
        className="header-search__field"
        name="q"
        type="search"
        maxLength={200}
        enterKeyHint="search"
        placeholder="Fiche, acteur, commune…"
        minLength={SUGGESTION_MIN_LENGTH}
        delay={150}
        load={async (term, signal) => (await getSuggestions<{ suggestions: Suggestion[] }>(suggestionsUrl(term), signal)).suggestions}
        optionKey={(suggestion) => suggestion.href}
        renderOption={(suggestion, term) => (
          <>
            <span className="header-search__label">
              <Highlighted text={suggestion.label} query={term} />
            </span>
            <span className="header-search__kind">{suggestion.typeLabel}</span>
          </>
        )}
        onSelect={(suggestion, text) => {
          router.push(suggestion.href);
          return text;
        }}
        listLabel="Suggestions"
        foundAnnouncement={(count) => `${count} suggestion${plural(count)}, parcourez-les avec les flèches haut et bas.`}
        emptyText="Aucune suggestion : appuyez sur Entrée pour lancer la recherche."
        errorText="Les suggestions sont indisponibles : appuyez sur Entrée pour lancer la recherche."
        submitOnEnter
        floating
      />
      <button type="submit">Rechercher</button>
    </form>
  );
}
