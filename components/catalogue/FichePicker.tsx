"use client";

import Link from "next/link";
import { useState } from "react";
import { getSuggestions, useSuggestions } from "@/components/form/useSuggestions";
import type { FicheSuggestion } from "@/db/queries/fiche-suggestion";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

const DEBOUNCE_MS = 200;

/**
 * An ARIA 1.2 combobox that searches the published fiches as one types and puts the chosen one's id
 * in a hidden `ficheId` field. Arrow keys move through the suggestions, Enter picks one, Escape
 * closes the list then clears the input; typing again forgets the choice.
 */
export function FichePicker({
  id,
  initial,
  error,
}: {
  id: string;
  /** What was chosen and typed before a refused submission. */
  initial: { ficheId: string; titre: string };
  error?: string[];
}) {
  const listId = `${id}-liste`;
  const [query, setQuery] = useState(initial.titre);
  const [chosen, setChosen] = useState(initial.ficheId);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [searched, setSearched] = useState("");

  // Once a fiche is chosen, nothing more is suggested until the input changes.
  const { options, setOptions, open, setOpen } = useSuggestions(chosen === "" ? query.trim() : "", {
    delay: DEBOUNCE_MS,
    load: async (q, signal) => (await getSuggestions<{ fiches: FicheSuggestion[] }>(`/api/fiches/suggestions?q=${encodeURIComponent(q)}`, signal)).fiches,
    onLoad: (fiches, q) => {
      setSearched(q);
      setActive(-1);
      setAnnouncement(fiches.length === 0 ? "Aucune fiche trouvée." : `${fiches.length} fiche${fiches.length > 1 ? "s" : ""} trouvée${fiches.length > 1 ? "s" : ""}.`);
    },
    onError: () => setAnnouncement("La recherche de fiches a échoué ; réessayez."),
  });

  const choose = (fiche: FicheSuggestion) => {
    setChosen(String(fiche.id));
    setQuery(displayTitre(fiche.titre));
    setOptions([]);
    setOpen(false);
    setActive(-1);
    setAnnouncement(`Fiche choisie : ${displayTitre(fiche.titre)}.`);
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
        // Enter picks the highlighted suggestion; it never submits the form from the search field.
        if (open && active >= 0 && options[active]) {
          event.preventDefault();
          choose(options[active]);
        } else if (chosen === "") event.preventDefault();
        break;
      case "Escape":
        if (open) setOpen(false);
        else {
          setQuery("");
          setChosen("");
        }
        setActive(-1);
        break;
    }
  };

  const expanded = open && options.length > 0;
  const describedBy = [`${id}-hint`, error?.length ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field combobox">
      <label htmlFor={id}>Fiche à ajouter (obligatoire)</label>
      <p id={`${id}-hint`} className="hint">
        Tapez quelques mots de son titre, puis choisissez-la dans la liste avec les flèches et Entrée. Seules les fiches
        publiées sont proposées.
      </p>
      <input type="hidden" name="ficheId" value={chosen} />
      <input
        id={id}
        name="ficheTitre"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={error?.length ? true : undefined}
        autoComplete="off"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setChosen("");
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && setOpen(true)}
      />
      <ul id={listId} role="listbox" aria-label="Fiches suggérées" className="combobox__list" hidden={!expanded}>
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
            {displayTitre(option.titre)} <span className="muted">({FICHE_TYPE_LABELS[option.type].singular})</span>
          </li>
        ))}
      </ul>
      {chosen === "" && searched !== "" && searched === query.trim() && options.length === 0 && (
        <p className="hint">
          Aucune fiche publiée ne porte ce titre. <Link href="/fiches/nouvelle">Écrire une nouvelle fiche</Link>
        </p>
      )}
      {error?.length ? (
        <p id={`${id}-error`} className="field-error">
          {error.join(" ")}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
