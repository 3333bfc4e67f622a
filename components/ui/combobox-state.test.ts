import { describe, expect, it } from "vitest";
import { comboboxReducer, escapeEffect, initialComboboxState, searchTerm, type ComboboxAction, type ComboboxState } from "./combobox-state";

type S = ComboboxState<string>;
const run = (actions: ComboboxAction<string>[], state: S = initialComboboxState<string>()) => actions.reduce(comboboxReducer<string>, state);
const typed = (text: string): ComboboxAction<string> => ({ type: "input", text, term: searchTerm(text) });
const loaded = (term: string, options: string[], autoHighlight = false, focused = true): ComboboxAction<string> => ({
  type: "loaded",
  term,
  options,
  announcement: `${options.length} résultats`,
  autoHighlight,
  focused,
});
const fail = (term: string): ComboboxAction<string> => ({ type: "failed", term, announcement: "La recherche a échoué.", focused: true });

describe("searchTerm", () => {
  it("trims, and gives nothing to search below the minimum length", () => {
    expect(searchTerm("  atelier ")).toBe("atelier");
    expect(searchTerm("   ")).toBe("");
    expect(searchTerm("a", 2)).toBe("");
    expect(searchTerm(" ab ", 2)).toBe("ab");
  });
});

describe("comboboxReducer", () => {
  it("opens the list with the options loaded for the current term, none highlighted", () => {
    const state = run([typed("ate"), loaded("ate", ["Atelier", "Atelier CV"])]);
    expect(state).toMatchObject({ text: "ate", term: "ate", options: ["Atelier", "Atelier CV"], status: "ready", open: true, active: -1, announcement: "2 résultats" });
  });

  it("highlights the first option when asked to, and none when nothing was found", () => {
    expect(run([typed("ate"), loaded("ate", ["Atelier"], true)]).active).toBe(0);
    expect(run([typed("zz"), loaded("zz", [], true)])).toMatchObject({ active: -1, status: "ready", open: true, options: [] });
  });

  it("ignores an answer for a term that has since changed, whichever comes last", () => {
    const state = run([typed("at"), typed("ate"), loaded("ate", ["Atelier"]), loaded("at", ["Atelier", "Attente"])]);
    expect(state.options).toEqual(["Atelier"]);
    expect(state.announcement).toBe("1 résultats");
    expect(run([typed("at"), typed("ate"), fail("at")]).status).toBe("loading");
  });

  it("keeps the previous options while the next ones load, and empties the list when nothing is left to search", () => {
    const loading = run([typed("ate"), loaded("ate", ["Atelier"]), typed("atel")]);
    expect(loading).toMatchObject({ status: "loading", options: ["Atelier"], active: -1 });
    expect(run([typed("   ")], loading)).toMatchObject({ text: "   ", term: "", options: [], status: "idle", open: false });
  });

  it("moves through the options with wrap-around, and to the first and last", () => {
    const ready = run([typed("a"), loaded("a", ["A", "B", "C"])]);
    const down = (n: number) => Array.from({ length: n }, () => ({ type: "move", to: "next" }) as const);
    expect(run(down(1), ready).active).toBe(0);
    expect(run(down(3), ready).active).toBe(2);
    expect(run(down(4), ready).active).toBe(0);
    expect(run([{ type: "move", to: "previous" }], ready).active).toBe(2);
    expect(run([...down(1), { type: "move", to: "last" }], ready).active).toBe(2);
    expect(run([...down(2), { type: "move", to: "first" }], ready).active).toBe(0);
  });

  it("reopens a closed list from its start, and does nothing without options", () => {
    const ready = run([typed("a"), loaded("a", ["A", "B", "C"]), { type: "move", to: "next" }, { type: "move", to: "next" }, { type: "blur" }]);
    expect(run([{ type: "move", to: "next" }], ready)).toMatchObject({ open: true, active: 0 });
    const empty = run([typed("zz"), loaded("zz", [])]);
    expect(run([{ type: "move", to: "next" }], empty)).toBe(empty);
  });

  it("highlights the option under the pointer, within the list only", () => {
    const ready = run([typed("a"), loaded("a", ["A", "B"])]);
    expect(run([{ type: "hover", index: 1 }], ready).active).toBe(1);
    expect(run([{ type: "hover", index: 2 }], ready).active).toBe(-1);
  });

  it("a choice fills the input, empties the list and searches nothing until one types again", () => {
    const chosen = run([typed("ate"), loaded("ate", ["Atelier"]), { type: "move", to: "next" }, { type: "select", text: "Atelier", announcement: "Atelier choisi." }]);
    expect(chosen).toMatchObject({ text: "Atelier", term: "", options: [], status: "idle", open: false, active: -1, announcement: "Atelier choisi." });
    expect(run([loaded("ate", ["Atelier"])], chosen)).toBe(chosen);
  });

  it("Escape closes the list first, then clears the input, then does nothing", () => {
    const ready = run([typed("ate"), loaded("ate", ["Atelier"]), { type: "move", to: "next" }]);
    expect(escapeEffect(ready, false)).toBe("close");
    const closed = run([{ type: "escape", floating: false }], ready);
    expect(closed).toMatchObject({ text: "ate", open: false, active: -1, options: ["Atelier"] });
    expect(escapeEffect(closed, false)).toBe("clear");
    const cleared = run([{ type: "escape", floating: false }], closed);
    expect(cleared).toMatchObject({ text: "", term: "", options: [], status: "idle", open: false });
    expect(escapeEffect(cleared, false)).toBe("none");
    expect(run([{ type: "escape", floating: false }], cleared)).toBe(cleared);
  });

  it("Escape closes a floating « nothing found » first, but clears at once when that message sits in the page", () => {
    const empty = run([typed("zz"), loaded("zz", [])]);
    expect(run([{ type: "escape", floating: true }], empty)).toMatchObject({ text: "zz", open: false });
    expect(run([{ type: "escape", floating: false }], empty)).toMatchObject({ text: "", status: "idle" });
    const failed = run([typed("zz"), fail("zz")]);
    expect(escapeEffect(failed, true)).toBe("close");
    expect(escapeEffect(failed, false)).toBe("clear");
  });

  it("a failed load shows its message in place of the options", () => {
    const failed = run([typed("ate"), loaded("ate", ["Atelier"]), typed("atel"), fail("atel")]);
    expect(failed).toMatchObject({ status: "failed", options: [], open: true, announcement: "La recherche a échoué." });
  });

  it("an answer that comes after the person left the input stays closed until they come back", () => {
    const away = run([typed("ate"), { type: "blur" }, loaded("ate", ["Atelier"], false, false)]);
    expect(away).toMatchObject({ status: "ready", options: ["Atelier"], open: false });
    expect(run([{ type: "focus" }], away).open).toBe(true);
  });

  it("blur closes; focus reopens what was found, but never an idle list", () => {
    const ready = run([typed("a"), loaded("a", ["A"]), { type: "blur" }]);
    expect(ready.open).toBe(false);
    expect(run([{ type: "focus" }], ready).open).toBe(true);
    expect(run([{ type: "focus" }]).open).toBe(false);
  });
});
