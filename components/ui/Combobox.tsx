"use client";

import { useEffect, useReducer, useRef, type KeyboardEvent, type ReactNode } from "react";
import { comboboxReducer, escapeEffect, initialComboboxState, searchTerm, type ComboboxState } from "./combobox-state";
import { Field } from "./Field";
import { useSuggestions } from "./useSuggestions";
import styles from "./Combobox.module.css";

type Props<T> = {
  /** The input's id, unique in the page; the list and its options take it as a prefix. */
  id: string;
  label: ReactNode;
  labelHidden?: boolean;
  hint?: ReactNode;
  errors?: string[];
  required?: boolean;
  /** The shell's class, "field combobox" by default. */
  className?: string;
  /** Submits what is typed with the form. */
  name?: string;
  type?: "text" | "search";
  defaultValue?: string;
  placeholder?: string;
  maxLength?: number;
  enterKeyHint?: "search" | "done" | "go";
  autoFocus?: boolean;
  /** Fewer typed characters than this suggest nothing. */
  minLength?: number;
  /** How long typing must pause before suggestions are fetched, in milliseconds. */
  delay?: number;
  /** Fetches the options for a term; the signal aborts a request whose answer is no longer wanted. */
  load: (term: string, signal: AbortSignal) => Promise<T[]>;
  optionKey: (option: T) => string | number;
  renderOption: (option: T, term: string) => ReactNode;
  /** Acts on the chosen option and returns what the input shows afterwards ("" to clear it; `text` to keep it). */
  onSelect: (option: T, text: string) => string;
  /** What the live region says once an option is chosen. */
  selectedAnnouncement?: (option: T) => string;
  /** Each change of the input's text by the person (typing, or clearing it with Escape). */
  onTextChange?: (text: string) => void;
  /** The listbox's accessible name. */
  listLabel: string;
  /** What the live region says of the options found. */
  foundAnnouncement?: (count: number) => string;
  /** Shown and announced when nothing matches, with `emptyAction` (a link onwards) after it. */
  emptyText?: string;
  emptyAction?: ReactNode;
  errorText?: string;
  /** Highlights the first option as soon as the options come, so that Enter picks it. */
  autoHighlight?: boolean;
  /** Lets Enter submit the form when no option is highlighted; otherwise Enter only ever picks. */
  submitOnEnter?: boolean;
  /** The list and messages float over the page below the input instead of pushing it down. */
  floating?: boolean;
};

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

/**
 * A combobox with a listbox popup (ARIA 1.2): the focus stays in the input while arrow keys, Home
 * and End move through the options (aria-activedescendant), Enter picks one, Escape closes the list
 * and then clears the input, Tab leaves. Options are fetched as one types, debounced; a live
 * region says how many were found, that none was, or that the search failed.
 */
export function Combobox<T>({
  id,
  label,
  labelHidden,
  hint,
  errors,
  required,
  className = "field combobox",
  name,
  type = "text",
  defaultValue = "",
  placeholder,
  maxLength,
  enterKeyHint,
  autoFocus,
  minLength = 1,
  delay = 200,
  load,
  optionKey,
  renderOption,
  onSelect,
  selectedAnnouncement,
  onTextChange,
  listLabel,
  foundAnnouncement = (count) => plural(count, "résultat") + ".",
  emptyText = "Aucun résultat.",
  emptyAction,
  errorText = "La recherche a échoué ; réessayez.",
  autoHighlight = false,
  submitOnEnter = false,
  floating = false,
}: Props<T>) {
  const [state, dispatch] = useReducer(comboboxReducer<T>, defaultValue, initialComboboxState<T>);
  const { text, term, options, status, open, active, announcement }: ComboboxState<T> = state;
  const listId = `${id}-liste`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const expanded = open && options.length > 0;
  const input = useRef<HTMLInputElement>(null);
  const focused = () => input.current !== null && document.activeElement === input.current;

  useSuggestions(term, {
    delay,
    load,
    onLoad: (found, searched) =>
      dispatch({
        type: "loaded",
        term: searched,
        options: found,
        autoHighlight,
        focused: focused(),
        announcement: found.length === 0 ? emptyText : foundAnnouncement(found.length),
      }),
    onError: (searched) => dispatch({ type: "failed", term: searched, announcement: errorText, focused: focused() }),
  });

  useEffect(() => {
    if (expanded && active >= 0) document.getElementById(`${id}-option-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [expanded, active, id]);

  const choose = (option: T) => dispatch({ type: "select", text: onSelect(option, text), announcement: selectedAnnouncement?.(option) ?? "" });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.nativeEvent.isComposing) return;
    switch (event.key) {
      case "ArrowDown":
      case "ArrowUp":
        if (options.length === 0) return;
        event.preventDefault();
        if (event.altKey) dispatch({ type: event.key === "ArrowDown" ? "focus" : "blur" });
        else dispatch({ type: "move", to: event.key === "ArrowDown" ? "next" : "previous" });
        break;
      case "Home":
      case "End":
        // Only while an option is highlighted: otherwise they move the caret in the text, as usual.
        if (!expanded || active < 0) return;
        event.preventDefault();
        dispatch({ type: "move", to: event.key === "Home" ? "first" : "last" });
        break;
      case "Enter":
        if (expanded && active >= 0) {
          event.preventDefault();
          choose(options[active]);
        } else if (!submitOnEnter) event.preventDefault();
        break;
      case "Escape": {
        // Each Escape undoes one thing; with nothing left to undo it reaches a surrounding dialog.
        const effect = escapeEffect(state, floating);
        if (effect === "none") return;
        event.preventDefault();
        event.stopPropagation();
        if (effect === "clear") onTextChange?.("");
        dispatch({ type: "escape", floating });
        break;
      }
    }
  };

  const showEmpty = status === "ready" && options.length === 0;
  const showError = status === "failed";
  const message = (showEmpty || showError) && (open || !floating) && (
    <p className={[styles.message, showError ? styles.error : "", floating ? styles.popup : ""].join(" ")}>
      {showError ? errorText : emptyText}
      {showEmpty && emptyAction ? <> {emptyAction}</> : null}
    </p>
  );

  return (
    <Field id={id} label={label} labelHidden={labelHidden} hint={hint} errors={errors} required={required} className={className}>
      {(control) => (
        <>
          <div className={styles.anchor}>
            <input
              {...control}
              ref={input}
              className={styles.input}
              name={name}
              type={type}
              role="combobox"
              aria-autocomplete="list"
              aria-expanded={expanded}
              aria-controls={listId}
              aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
              autoComplete="off"
              autoFocus={autoFocus}
              enterKeyHint={enterKeyHint}
              maxLength={maxLength}
              placeholder={placeholder}
              value={text}
              onChange={(event) => {
                const value = event.target.value;
                dispatch({ type: "input", text: value, term: searchTerm(value, minLength) });
                onTextChange?.(value);
              }}
              onKeyDown={onKeyDown}
              onFocus={() => dispatch({ type: "focus" })}
              onBlur={() => dispatch({ type: "blur" })}
            />
            <ul id={listId} role="listbox" aria-label={listLabel} className={[styles.list, floating ? styles.popup : ""].join(" ")} hidden={!expanded}>
              {options.map((option, index) => (
                <li
                  key={optionKey(option)}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={styles.option}
                  // Keep the focus in the input: pressing an option must not blur it before it is chosen.
                  onMouseDown={(event) => event.preventDefault()}
                  onPointerMove={() => index !== active && dispatch({ type: "hover", index })}
                  onClick={() => choose(option)}
                >
                  {renderOption(option, term)}
                </li>
              ))}
            </ul>
            {message}
          </div>
          <p role="status" className="visually-hidden">
            {announcement}
          </p>
        </>
      )}
    </Field>
  );
}
