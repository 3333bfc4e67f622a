"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { toFormState, type FormState } from "@/lib/form-state";
import {
  addFicheSchema,
  moduleSchema,
  moveItemSchema,
  moveModuleSchema,
  removeItemSchema,
  removeModuleSchema,
  renameModuleSchema,
  updateItemSchema,
} from "@/lib/schemas/catalogue";
import { addFicheToModule, addModule, moveItem, moveModule, removeItem, removeModule, renameModule, updateItem } from "@/server/catalogue-module";
import { formDataToObject, runMutation } from "@/server/mutation";

// Modules and items of a catalogue. Forms get a FormState; the editor's buttons and drag and drop
// call the others directly and get an ActionResult. As in ./actions.ts, the domain calls check the
// bound catalogue id against its stored owners on every call, and that modules and items belong to it.
const refresh = () => revalidatePath("/catalogues", "layout");

/** Appends a module; the form is emptied after a success. */
export async function addModuleAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: moduleSchema,
    input,
    run: (viewer, data) => {
      addModule(getDb(), viewer, catalogueId, data);
      return data.titre;
    },
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  return toFormState({ ok: true, data: undefined, message: `Le module « ${result.data} » a été ajouté.` }, {}, previous);
}

/** Renames a module and updates its description. */
export async function renameModuleAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: renameModuleSchema,
    input,
    run: (viewer, data) => renameModule(getDb(), viewer, catalogueId, data.moduleId, data),
  });
  if (result.ok) refresh();
  return toFormState(result.ok ? { ...result, message: "Module enregistré." } : result, input, previous);
}

/** Deletes a module with its items (after the page's confirmation). */
export async function removeModuleAction(catalogueId: number, input: unknown): Promise<ActionResult<{ titre: string }>> {
  const result = await runMutation({
    schema: removeModuleSchema,
    input,
    run: (viewer, data) => removeModule(getDb(), viewer, catalogueId, data.moduleId),
  });
  if (result.ok) refresh();
  return result;
}

/** Adds a fiche the person may read at the end of a module, with their note and duration. */
export async function addFicheAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: addFicheSchema,
    input,
    run: (viewer, data) => addFicheToModule(getDb(), viewer, catalogueId, data),
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  // The module stays chosen, for the next fiche of the same module.
  return toFormState({ ok: true, data: undefined, message: `« ${result.data.titre} » a été ajoutée au module.` }, { moduleId: String(input.moduleId ?? "") }, previous);
}

/** Saves the trainer's note and duration of an item. */
export async function updateItemAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: updateItemSchema,
    input,
    run: (viewer, data) => updateItem(getDb(), viewer, catalogueId, data.itemId, data),
  });
  if (result.ok) refresh();
  return toFormState(result.ok ? { ...result, message: "Note enregistrée." } : result, input, previous);
}

/** Takes a fiche out of its module (after the page's confirmation); the fiche itself is untouched. */
export async function removeItemAction(catalogueId: number, input: unknown): Promise<ActionResult<{ titre: string }>> {
  const result = await runMutation({
    schema: removeItemSchema,
    input,
    run: (viewer, data) => removeItem(getDb(), viewer, catalogueId, data.itemId),
  });
  if (result.ok) refresh();
  return result;
}

/** Moves a module to a position (drag and drop, or its "Monter" and "Descendre" buttons). */
export async function moveModuleAction(catalogueId: number, input: unknown): Promise<ActionResult<{ position: number; count: number }>> {
  const result = await runMutation({
    schema: moveModuleSchema,
    input,
    run: (viewer, data) => moveModule(getDb(), viewer, catalogueId, data.moduleId, data.position),
  });
  if (result.ok) refresh();
  return result;
}

/** Moves an item to a position in a module, its own or another (drag and drop, buttons, or "Déplacer vers le module"). */
export async function moveItemAction(catalogueId: number, input: unknown): Promise<ActionResult<{ moduleId: number; moduleTitre: string; position: number; count: number }>> {
  const result = await runMutation({
    schema: moveItemSchema,
    input,
    run: (viewer, data) => moveItem(getDb(), viewer, catalogueId, data.itemId, data.moduleId, data.position),
  });
  if (result.ok) refresh();
  return result;
}
