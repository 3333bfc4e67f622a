"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import { isModerator } from "@/lib/policies/viewer";
import { addOwnerSchema, catalogueSchema, removeOwnerSchema, setCatalogueStatutSchema } from "@/lib/schemas/catalogue";
import { z } from "@/lib/schemas/zod";
import {
  addCatalogueOwner,
  deleteCatalogue,
  duplicateCatalogue,
  removeCatalogueOwner,
  setCatalogueStatut,
  updateCatalogue,
} from "@/server/catalogue";
import { formDataToObject, runMutation } from "@/server/mutation";

// The catalogue id is bound by the page, but a bound argument comes back from the browser: the
// domain commands check the policy against the catalogue as stored, never trusting that the page was allowed.

const refresh = () => revalidatePath("/catalogues", "layout");

/** Saves the catalogue's title, description, public, objectives and duration. */
export async function updateCatalogueAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: catalogueSchema,
    input,
    run: (viewer, data) => {
      updateCatalogue(getDb(), viewer, catalogueId, data);
      return undefined;
    },
  });
  if (result.ok) refresh();
  return toFormState(result.ok ? { ...result, message: "Modifications enregistrées." } : result, input, previous);
}

/** Publishes the catalogue or takes it back to draft. */
export async function setCatalogueStatutAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: setCatalogueStatutSchema,
    input,
    run: (viewer, data) => setCatalogueStatut(getDb(), viewer, catalogueId, data.statut).statut,
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  const message =
    result.data === "public"
      ? "Le catalogue est publié : tout le monde peut le lire, l'imprimer et le dupliquer."
      : "Le catalogue est repassé en brouillon : seuls ses responsables le voient.";
  return toFormState({ ok: true, data: undefined, message }, {}, previous);
}

/** Adds a registered person to the catalogue's owners, by email. */
export async function addOwnerAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: addOwnerSchema,
    input,
    run: (viewer, data) => addCatalogueOwner(getDb(), viewer, catalogueId, data.email),
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  // The field is emptied after a success: the next person is typed from scratch.
  return toFormState({ ok: true, data: undefined, message: `${result.data.name} gère maintenant ce catalogue avec vous.` }, {}, previous);
}

/** Removes an owner; someone who removes themselves and is no moderator goes back to the catalogues. */
export async function removeOwnerAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  let leftOwnCatalogue = false;
  const result = await runMutation({
    schema: removeOwnerSchema,
    input,
    run: (viewer, data) => {
      const removed = removeCatalogueOwner(getDb(), viewer, catalogueId, data.userId);
      leftOwnCatalogue = data.userId === viewer!.id && !isModerator(viewer);
      return removed;
    },
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  if (leftOwnCatalogue) redirect("/catalogues?quitte=1");
  return toFormState({ ok: true, data: undefined, message: `${result.data.name} ne gère plus ce catalogue.` }, {}, previous);
}

/** "Dupliquer pour l'adapter": makes the signed-in person's own draft copy, then opens its editor to rename it. */
export async function duplicateCatalogueAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: z.object({}),
    input,
    run: (viewer) => duplicateCatalogue(getDb(), viewer, catalogueId),
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  redirect(`/catalogues/${result.data.catalogue.slug}/modifier?copie=1${result.data.skipped ? `&omises=${result.data.skipped}` : ""}`);
}

/** Deletes the catalogue, after the page's confirmation; its adaptations stay. */
export async function deleteCatalogueAction(catalogueId: number, previous: FormState<unknown> | null, form: FormData): Promise<FormState<unknown>> {
  const input = formDataToObject(form);
  const result = await runMutation({
    schema: z.object({}),
    input,
    run: (viewer) => deleteCatalogue(getDb(), viewer, catalogueId),
  });
  if (!result.ok) return toFormState(result, input, previous);
  refresh();
  redirect("/catalogues?supprime=1");
}
