import { describe, expect, it } from "vitest";
import { moduleChoicesOf, sameModuleChoices, sameModuleTools, type ModuleToolsProps } from "./module-choices";

const modules = [
  { id: 2, titre: "Module 2", description: "Accueillir", items: [1, 2] },
  { id: 3, titre: "Module 3", description: "", items: [] },
];

describe("sameModuleChoices", () => {
  it("keeps a list built again from new module objects holding the same titles in the same order", () => {
    expect(sameModuleChoices(moduleChoicesOf(modules), moduleChoicesOf(modules.map((m) => ({ ...m, items: [] }))))).toBe(true);
  });

  it.each([
    ["a renamed module", [{ id: 2, titre: "Accueillir" }, { id: 3, titre: "Module 3" }]],
    ["the modules in another order", [{ id: 3, titre: "Module 3" }, { id: 2, titre: "Module 2" }]],
    ["one module fewer", [{ id: 2, titre: "Module 2" }]],
    ["one module more", [{ id: 2, titre: "Module 2" }, { id: 3, titre: "Module 3" }, { id: 4, titre: "Module 4" }]],
  ])("changes after %s", (_change, other) => {
    expect(sameModuleChoices(moduleChoicesOf(modules), other)).toBe(false);
  });
});

describe("sameModuleTools", () => {
  const onRemove = () => undefined;
  const props = (overrides: Partial<ModuleToolsProps["module"]> = {}, remove: unknown = onRemove): ModuleToolsProps => ({
    module: { id: 2, titre: "Module 2", description: "Accueillir", itemCount: 2, ...overrides },
    renameAction: async () => null,
    onRemove: remove,
  });

  it("keeps the tools of a module that only moved, whatever the action's reference", () => {
    expect(sameModuleTools(props(), props())).toBe(true);
  });

  it.each<[string, ModuleToolsProps]>([
    ["its title", props({ titre: "Accueillir" })],
    ["its description", props({ description: "" })],
    ["its number of fiches (said by the deletion's question)", props({ itemCount: 3 })],
    ["another module", props({ id: 3 })],
    ["another removal handler", props({}, () => undefined)],
  ])("re-renders them after a change of %s", (_change, other) => {
    expect(sameModuleTools(props(), other)).toBe(false);
  });
});
