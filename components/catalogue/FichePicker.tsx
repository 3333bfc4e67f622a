"use client";

import { useEffect, useState } from "react";
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
  const [options, setOptions] = useState<FicheSuggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [searched, setSearched] = useState("");

  useEffect(() => {
    const q = query.trim();
    if (q === "" || chosen !== "") {
      setOptions([]);
      setOpen(false);
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(async () => {
      try {
        const response = await fetch(`/api/fiches/suggestions?q=${encodeURIComponent(q)}`, { signal: controller.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const { fiches } = (await response.json()) as { fiches: FicheSuggestion[] };
        setOptions(fiches);
        setSearched(q);
        setActive(-1);
        setOpen(true);
        setAnnouncement(fiches.length === 0 ? "Aucune fiche trouvée." : `${fiches.length} fiche${fiches.length > 1 ? "s" : ""} trouvée${fiches.length > 1 ? "s" : ""}.`);
      } catch (failure) {
        if ((failure as Error).name !== "AbortError") setAnnouncement("La recherche de fiches a échoué ; réessayez.");
      }
    }, DEBOUNCE_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [query, chosen]);

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
          Aucune fiche publiée ne porte ce titre. <a href="/fiches/nouvelle">Écrire une nouvelle fiche</a>
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
