"use client";

import Link from "next/link";
import { useId, useState } from "react";
import { getSuggestions, useSuggestions } from "@/components/form/useSuggestions";
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
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [searched, setSearched] = useState("");

  const { options, setOptions, open, setOpen } = useSuggestions(query.trim(), {
    delay: DEBOUNCE_MS,
    load: async (q, signal) => {
      const { acteurs } = await getSuggestions<{ acteurs: ActeurSuggestion[] }>(`/api/acteurs/suggestions?q=${encodeURIComponent(q)}`, signal);
      return acteurs.filter((a) => !excludeIds.includes(a.id));
    },
    onLoad: (found, q) => {
      setSearched(q);
      setActive(-1);
      setAnnouncement(found.length === 0 ? "Aucun acteur trouvé." : `${found.length} acteur${found.length > 1 ? "s" : ""} trouvé${found.length > 1 ? "s" : ""}.`);
    },
    onError: () => setAnnouncement("La recherche d'acteurs a échoué ; réessayez."),
  });

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
          Aucun acteur ne porte ce nom. <Link href="/acteurs/nouveau">Présenter un nouvel acteur</Link>
        </p>
      )}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
