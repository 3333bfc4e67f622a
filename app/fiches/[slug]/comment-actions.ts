"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import type { z } from "zod";
import { getDb } from "@/db/client";
import { toFormState, type FormState } from "@/lib/form-state";
import {
  editCommentSchema,
  postCommentSchema,
  replyCommentSchema,
  reportCommentSchema,
  resolveThreadSchema,
  visitorQuestionSchema,
} from "@/lib/comment/schema";
import { CLIENT_IP_HEADER } from "@/server/auth/client-ip";
import { askQuestion, editComment, postComment, replyToThread, setThreadResolved } from "@/server/comment";
import { getFicheDiscussion, type Discussion } from "@/server/comment-discussion";
import { reportComment } from "@/server/comment-moderation";
import { formDataToObject, runMutation } from "@/server/mutation";
import { getCurrentViewer } from "@/server/session";

type Result = FormState<{ commentId: number }>;

function refreshFiche(): void {
  revalidatePath("/fiches/[slug]", "page");
}

async function commentMutation<S extends z.ZodType>(
  previous: Result | null,
  form: FormData,
  schema: S,
  run: (viewer: Parameters<typeof postComment>[1], data: z.infer<S>) => { id: number },
  message: string,
): Promise<Result> {
  const input = formDataToObject(form);
  const result = await runMutation({ schema, input, run: (viewer, data) => ({ commentId: run(viewer, data).id }) });
  if (result.ok) refreshFiche();
  return toFormState(result.ok ? { ...result, message } : result, input, previous);
}

/** Opens a thread on the fiche, or on a passage of it from the editor. */
export async function postCommentAction(previous: Result | null, form: FormData): Promise<Result> {
  return commentMutation(previous, form, postCommentSchema, (viewer, data) => postComment(getDb(), viewer, data), "Votre message est publié.");
}

export async function replyCommentAction(previous: Result | null, form: FormData): Promise<Result> {
  return commentMutation(previous, form, replyCommentSchema, (viewer, data) => replyToThread(getDb(), viewer, data), "Votre réponse est publiée.");
}

export async function editCommentAction(previous: Result | null, form: FormData): Promise<Result> {
  return commentMutation(previous, form, editCommentSchema, (viewer, data) => editComment(getDb(), viewer, data), "Votre message est modifié.");
}

export async function resolveThreadAction(previous: Result | null, form: FormData): Promise<Result> {
  const resolved = form.get("resolved") === "1";
  return commentMutation(
    previous,
    form,
    resolveThreadSchema,
    (viewer, data) => setThreadResolved(getDb(), viewer, data),
    resolved ? "La discussion est marquée comme résolue." : "La discussion est rouverte.",
  );
}

/** A visitor's question: counted per client address, which server/index.ts sets and a client cannot forge. */
export async function askQuestionAction(previous: Result | null, form: FormData): Promise<Result> {
  const address = (await headers()).get(CLIENT_IP_HEADER) ?? "unknown";
  return commentMutation(
    previous,
    form,
    visitorQuestionSchema,
    (viewer, data) => askQuestion(getDb(), viewer, address, data),
    "Merci ! Votre question sera publiée après relecture par un modérateur.",
  );
}

export async function reportCommentAction(previous: FormState | null, form: FormData): Promise<FormState> {
  const input = formDataToObject(form);
  const result = await runMutation({ schema: reportCommentSchema, input, run: (viewer, data) => reportComment(getDb(), viewer, data) });
  if (!result.ok) return toFormState(result, input, previous);
  revalidatePath("/moderation");
  const message = result.data.created
    ? "Merci, votre signalement a été transmis aux modérateurs."
    : "Merci, votre signalement remplace celui que vous aviez déjà envoyé sur ce message.";
  return toFormState({ ok: true, data: undefined, message }, input, previous);
}

/** The discussion as the editor's side list shows it, fetched once the editor is open. */
export async function loadDiscussionAction(ficheId: number): Promise<Discussion | null> {
  if (!Number.isSafeInteger(ficheId) || ficheId <= 0) return null;
  return getFicheDiscussion(getDb(), await getCurrentViewer(), ficheId);
}
