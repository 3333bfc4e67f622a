import { describe, expect, it } from "vitest";
import { listValue, textValue, toFormState } from "./form-state";

describe("toFormState", () => {
  it("keeps what was typed, counts submissions and gathers nested errors on their field", () => {
    const state = toFormState(
      { ok: false, message: "Certains champs sont à corriger.", fieldErrors: { "services.0": ["Inconnu."], "services.2": ["Inconnu."], nom: ["Obligatoire."] } },
      { nom: "", services: ["a", "b"], fichier: 42 },
      { submission: 3 },
    );
    expect(state).toEqual({
      ok: false,
      message: "Certains champs sont à corriger.",
      fieldErrors: { services: ["Inconnu."], nom: ["Obligatoire."] },
      values: { nom: "", services: ["a", "b"] },
      submission: 4,
    });
    expect(textValue(state.values, "nom")).toBe("");
    expect(textValue(state.values, "absent")).toBe("");
    expect(listValue(state.values, "services")).toEqual(["a", "b"]);
    expect(listValue({ seul: "x" }, "seul")).toEqual(["x"]);
  });

  it("starts counting at 1 and passes successes through", () => {
    expect(toFormState({ ok: true, data: 7 }, { nom: "A" }, null)).toEqual({ ok: true, data: 7, values: { nom: "A" }, submission: 1 });
  });
});
