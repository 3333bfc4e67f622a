/**
 * The state of a combobox with a listbox popup, as a pure reducer: what the input shows, what the
 * suggestions answer, whether the list is open and which option is highlighted.
 */
export type ComboboxState<T> = {
  /** What the input shows. */
  text: string;
  /** What suggestions are wanted for: the typed text, or "" after a choice or when too short. */
  term: string;
  options: T[];
  /** "ready" once the options answer `term`; "failed" when loading them did. */
  status: "idle" | "loading" | "ready" | "failed";
  open: boolean;
  /** The highlighted option's index, -1 for none. */
  active: number;
  /** The live region's text. */
  announcement: string;
};

export type ComboboxAction<T> =
  | { type: "input"; text: string; term: string }
  | { type: "loaded"; term: string; options: T[]; announcement: string; autoHighlight: boolean; focused: boolean }
  | { type: "failed"; term: string; announcement: string; focused: boolean }
  | { type: "move"; to: "next" | "previous" | "first" | "last" }
  | { type: "hover"; index: number }
  | { type: "select"; text: string; announcement: string }
  | { type: "escape"; floating: boolean }
  | { type: "focus" }
  | { type: "blur" };

export function initialComboboxState<T>(text = ""): ComboboxState<T> {
  return { text, term: "", options: [], status: "idle", open: false, active: -1, announcement: "" };
}

/** The term to search for: the trimmed text, or "" when it is shorter than `minLength`. */
export function searchTerm(text: string, minLength = 1): string {
  const trimmed = text.trim();
  return trimmed.length < minLength ? "" : trimmed;
}

/**
 * What Escape does: close what pops up below the input (the options, or the floating message that
 * none was found), else clear the input, else nothing, and then a surrounding dialog may have it.
 */
export function escapeEffect<T>(state: ComboboxState<T>, floating: boolean): "close" | "clear" | "none" {
  const messageShown = floating && (state.status === "ready" || state.status === "failed");
  if (state.open && (state.options.length > 0 || messageShown)) return "close";
  return state.text === "" ? "none" : "clear";
}

function moveIndex(active: number, count: number, to: "next" | "previous" | "first" | "last"): number {
  switch (to) {
    case "next":
      return (active + 1) % count;
    case "previous":
      return active <= 0 ? count - 1 : active - 1;
    case "first":
      return 0;
    case "last":
      return count - 1;
  }
}

export function comboboxReducer<T>(state: ComboboxState<T>, action: ComboboxAction<T>): ComboboxState<T> {
  switch (action.type) {
    case "input":
      // Until the new suggestions come, the previous ones stay: the list does not flicker as one types.
      if (action.term === "") return { ...state, text: action.text, term: "", options: [], status: "idle", open: false, active: -1 };
      return { ...state, text: action.text, term: action.term, status: "loading", active: -1 };
    case "loaded":
      // A late answer for a term since replaced must not overwrite the current one.
      if (action.term !== state.term) return state;
      return {
        ...state,
        options: action.options,
        status: "ready",
        // An answer that comes once the person has left the input waits for them to come back.
        open: action.focused,
        active: action.autoHighlight && action.options.length > 0 ? 0 : -1,
        announcement: action.announcement,
      };
    case "failed":
      if (action.term !== state.term) return state;
      return { ...state, options: [], status: "failed", open: action.focused, active: -1, announcement: action.announcement };
    case "move":
      if (state.options.length === 0) return state;
      return { ...state, open: true, active: moveIndex(state.open ? state.active : -1, state.options.length, action.to) };
    case "hover":
      if (action.index < 0 || action.index >= state.options.length) return state;
      return { ...state, active: action.index };
    case "select":
      return { ...initialComboboxState<T>(action.text), announcement: action.announcement };
    case "escape":
      switch (escapeEffect(state, action.floating)) {
        case "close":
          return { ...state, open: false, active: -1 };
        case "clear":
          return { ...initialComboboxState<T>(), announcement: state.announcement };
        case "none":
          return state;
      }
    case "focus":
      // Back in the input, what was found (or the message that nothing was) shows again.
      return state.status === "idle" ? state : { ...state, open: true };
    case "blur":
      return { ...state, open: false, active: -1 };
  }
}
