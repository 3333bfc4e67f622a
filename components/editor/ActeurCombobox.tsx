"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { ActeurSuggestion } from "@/db/queries/acteur-suggestion";
import { typologieLabel } from "@/lib/acteur/labels";

const DEBOUNCE_MS = 200;

/**
 * "Ajouter un acteur": an ARIA 1.2 combobox that searches the directory as one types. Arrow keys
 * move through the suggestions, Enter picks one, Escape closes the list then clears the input.
 */
export function ActeurCombobox({ excludeIds, onSelect }: { excludeIds: number[]; onSelect: (acteur: ActeurSuggestion) => void }) {
  const id = useId();
  const inputId = `${id}-input`;
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [options, setOptions] = useState<ActeurSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [searched, setSearched] = useState("");
  const excluded = useRef(excludeIds);
  useEffect(() => {
    excluded.current = excludeIds;
  }, [excludeIds]);

  useEffect(() => {
    const q = query.trim();
    if (q === "") {
      setOptions([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/acteurs/suggestions?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { acteurs } = (await response.json()) as { acteurs: ActeurSuggestion[] };
        const found = acteurs.filter((a) => !excluded.current.includes(a.id));
        setOptions(found);
        setSearched(q);
        setActive(-1);
        setOpen(true);
        setAnnouncement(found.length === 0 ? "Aucun acteur trouvé." : `${found.length} acteur${found.length > 1 ? "s" : ""} trouvé${found.length > 1 ? "s" : ""}.`);
      } catch (error) {
        if ((error as Error).name !== "AbortError") setAnnouncement("La recherche d'acteurs a échoué ; réessayez.");
      }
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query]);

  const choose = (acteur: ActeurSuggestion) => {
    onSelect(acteur);
    setQuery("");
    setOptions([]);
    setSearched("");
    setOpen(false);
    setActive(-1);
    setAnnouncement(`${acteur.nom} ajouté.`);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (options.length === 0) return;
        setOpen(true);
        setActive((i) => (i + 1) % options.length);
        break;
      case "ArrowUp":
        event.preventDefault();
        if (options.length === 0) return;
        setOpen(true);
        setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case "Enter":
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        }
        break;
      case "Escape":
        if (open) setOpen(false);
        else setQuery("");
        setActive(-1);
        break;
    }
  };

  const expanded = open && options.length > 0;
  return (
    <div className="combobox">
      <label htmlFor={inputId}>Ajouter un acteur</label>
      <p id={`${id}-hint`} className="hint">
        Tapez une partie de son nom, puis choisissez-le dans la liste avec les flèches et Entrée.
      </p>
      <input
        id={inputId}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        autoComplete="off"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Acteurs suggérés" className="combobox__list" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="combobox__option"
            // Keep the focus in the input: a click must not blur it before it selects.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
          >
            {option.nom} <span className="muted">({typologieLabel(option.typologie)})</span>
          </li>
        ))}
      </ul>
      {searched !== "" && searched === query.trim() && options.length === 0 && (
        <p className="hint">
          Aucun acteur ne porte ce nom. <a href="/acteurs/nouveau">Présenter un nouvel acteur</a>
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
