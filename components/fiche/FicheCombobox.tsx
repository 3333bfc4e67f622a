"use client";

import { useId, useState } from "react";
import { getSuggestions, useSuggestions } from "@/components/form/useSuggestions";
import type { FicheLinkSuggestion } from "@/db/queries/fiche-link-suggestion";
import { displayTitre, FICHE_STATUT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

const DEBOUNCE_MS = 200;

type Props = {
  label: string;
  hint?: string;
  /** With a name, the chosen fiche's id is submitted with the form; without, onSelect receives it. */
  name?: string;
  onSelect?: (fiche: FicheLinkSuggestion) => void;
  excludeIds?: number[];
  errors?: string[];
  autoFocus?: boolean;
  /** The id of the input, for an error summary's link. */
  inputId?: string;
};

/**
 * Picks a fiche by its title: an ARIA 1.2 combobox over /api/fiches/liens (published fiches and
 * one's own drafts). Arrow keys move through the list, Enter picks, Escape closes the list.
 */
export function FicheCombobox({ label, hint, name, onSelect, excludeIds = [], errors, autoFocus, inputId }: Props) {
  const id = useId();
  const input = inputId ?? `${id}-input`;
  const listId = `${id}-list`;
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(-1);
  const [announcement, setAnnouncement] = useState("");
  const [chosen, setChosen] = useState<FicheLinkSuggestion | null>(null);

  // Once a fiche is chosen its title fills the field: that is no query to suggest for.
  const { options, setOptions, open, setOpen } = useSuggestions(chosen ? "" : query.trim(), {
    delay: DEBOUNCE_MS,
    load: async (q, signal) => {
      const { fiches } = await getSuggestions<{ fiches: FicheLinkSuggestion[] }>(`/api/fiches/liens?q=${encodeURIComponent(q)}`, signal);
      return fiches.filter((f) => !excludeIds.includes(f.id));
    },
    onLoad: (found) => {
      setActive(found.length > 0 ? 0 : -1);
      setAnnouncement(found.length === 0 ? "Aucune fiche ne porte ce titre." : `${found.length} fiche${found.length > 1 ? "s" : ""} trouvée${found.length > 1 ? "s" : ""}.`);
    },
    onError: () => setAnnouncement("La recherche de fiches a échoué ; réessayez."),
  });

  const choose = (fiche: FicheLinkSuggestion) => {
    setOptions([]);
    setOpen(false);
    setActive(-1);
    if (name) {
      setChosen(fiche);
      setQuery(displayTitre(fiche.titre));
      setAnnouncement(`« ${displayTitre(fiche.titre)} » choisie.`);
    } else {
      setQuery("");
      setAnnouncement("");
    }
    onSelect?.(fiche);
  };

  const expanded = open && options.length > 0;
  const onKeyDown = (event: React.KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (options.length === 0) return;
      setOpen(true);
      setActive((i) => (event.key === "ArrowDown" ? (i + 1) % options.length : i <= 0 ? options.length - 1 : i - 1));
    } else if (event.key === "Enter") {
      // Enter never submits the form from here: it picks, or does nothing.
      event.preventDefault();
      if (open && active >= 0 && options[active]) choose(options[active]);
    } else if (event.key === "Escape" && expanded) {
      // The first Escape closes the list only; the next one reaches a surrounding dialog.
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
      setActive(-1);
    }
  };

  const describedBy = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="combobox field">
      <label htmlFor={input}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={input}
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={describedBy}
        aria-invalid={errors?.length ? true : undefined}
        autoComplete="off"
        autoFocus={autoFocus}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setChosen(null);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        onFocus={() => options.length > 0 && setOpen(true)}
      />
      {name && <input type="hidden" name={name} value={chosen?.id ?? ""} />}
      <ul id={listId} role="listbox" aria-label="Fiches trouvées" className="combobox__list" hidden={!expanded}>
        {options.map((option, i) => (
          <li
            key={option.id}
            id={`${listId}-${i}`}
            role="option"
            aria-selected={i === active}
            className="combobox__option"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(option)}
          >
            {displayTitre(option.titre)}{" "}
            <span className="muted">
              ({FICHE_TYPE_LABELS[option.type].singular}
              {option.statut !== "publiee" ? `, ${FICHE_STATUT_LABELS[option.statut].toLowerCase()}` : ""})
            </span>
          </li>
        ))}
      </ul>
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
