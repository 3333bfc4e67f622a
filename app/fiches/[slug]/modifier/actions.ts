"use server";

import { revalidatePath } from "next/cache";
import { getDb } from "@/db/client";
import type { Fiche } from "@/db/schema";
import type { ActionResult } from "@/lib/action-result";
import { setFicheFlagSchema, setFicheStatutSchema } from "@/lib/schemas/fiche";
import { setFicheAVerifier, setFicheStatut, setFicheVerrouillee } from "@/server/fiche";
import { formDataToObject, runMutation } from "@/server/mutation";

function done(result: ActionResult<Fiche>, message: (f: Fiche) => string): ActionResult<Fiche> {
  if (!result.ok) return result;
  revalidatePath(`/fiches/${result.data.slug}`);
  revalidatePath(`/fiches/${result.data.slug}/modifier`);
  revalidatePath("/fiches");
  return { ...result, message: message(result.data) };
}

const STATUT_MESSAGES = { brouillon: "La fiche est redevenue un brouillon.", publiee: "La fiche est publiée.", archivee: "La fiche est archivée." } as const;

export async function changeFicheStatut(_prev: ActionResult<Fiche> | null, form: FormData): Promise<ActionResult<Fiche>> {
  const result = await runMutation({
    schema: setFicheStatutSchema,
    input: formDataToObject(form),
    run: (viewer, data) => setFicheStatut(getDb(), viewer, data.ficheId, data.statut),
  });
  return done(result, (f) => STATUT_MESSAGES[f.statut]);
}

export async function changeFicheVerrouillee(_prev: ActionResult<Fiche> | null, form: FormData): Promise<ActionResult<Fiche>> {
  const result = await runMutation({
    schema: setFicheFlagSchema,
    input: formDataToObject(form),
    run: (viewer, data) => setFicheVerrouillee(getDb(), viewer, data.ficheId, data.value),
  });
  return done(result, (f) =>
    f.verrouillee ? "La fiche est verrouillée : seuls ses porteurs et les modérateurs peuvent la modifier." : "La fiche est déverrouillée.",
  );
}

export async function changeFicheAVerifier(_prev: ActionResult<Fiche> | null, form: FormData): Promise<ActionResult<Fiche>> {
  const result = await runMutation({
    schema: setFicheFlagSchema,
    input: formDataToObject(form),
    run: (viewer, data) => setFicheAVerifier(getDb(), viewer, data.ficheId, data.value),
  });
  return done(result, (f) => (f.aVerifier ? "La fiche est signalée comme à vérifier." : "Le signalement « à vérifier » est retiré."));
}
