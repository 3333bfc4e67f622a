import { describe, expect, it } from "vitest";
import { sameItemRow, type ItemRowHandlers, type ItemRowProps } from "./item-row-props";

const handlers = {} as ItemRowHandlers;
const updateAction = async () => null as never;

function props(overrides: Partial<ItemRowProps> = {}): ItemRowProps {
  return {
    item: { id: 7, titre: "Garage informatique", slug: "garage-informatique", note: "Pourquoi cette fiche.", duree: "30 min" },
    moduleId: 1,
    first: false,
    last: false,
    hintClass: "",
    toolsOpen: false,
    updateAction,
    handlers,
    ...overrides,
  };
}

describe("sameItemRow", () => {
  it("keeps a row whose props are new objects holding what it already shows (the page sent back after a move)", () => {
    const fresh = props({ item: { ...props().item }, updateAction: async () => null as never });
    expect(sameItemRow(props(), fresh)).toBe(true);
  });

  it.each<[string, Partial<ItemRowProps>]>([
    ["its title", { item: { ...props().item, titre: "Atelier vélo" } }],
    ["its fiche becoming unavailable", { item: { ...props().item, slug: null } }],
    ["its note", { item: { ...props().item, note: "Autre note." } }],
    ["its duration", { item: { ...props().item, duree: "1 h" } }],
    ["its module", { moduleId: 2 }],
    ["being first", { first: true }],
    ["being last", { last: true }],
    ["the drop hint", { hintClass: " is-drop-before" }],
    ["its tools being opened", { toolsOpen: true }],
    ["another handlers object", { handlers: {} as ItemRowHandlers }],
  ])("re-renders a row after a change of %s", (_change, overrides) => {
    expect(sameItemRow(props(), props(overrides))).toBe(false);
  });
});
