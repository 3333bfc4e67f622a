"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import type { ActionResult } from "@/lib/action-result";
import { moderateCommentSchema } from "@/lib/comment/schema";
import type { Viewer } from "@/lib/policies/viewer";
import { hideComment, keepComment, publishComment } from "@/server/comment-moderation";
import { formDataToObject, runMutation } from "@/server/mutation";
import type { ModerationOutcome } from "./views";

/** One decision on a message; on success, back to the queue saying what was done (the message has left it). */
async function moderateComment(form: FormData, run: (viewer: Viewer | null, commentId: number) => unknown, outcome: ModerationOutcome): Promise<ActionResult> {
  const result = await runMutation({ schema: moderateCommentSchema, input: formDataToObject(form), run: (viewer, data) => void run(viewer, data.commentId) });
  if (!result.ok) return result;
  revalidatePath("/moderation");
  revalidatePath("/fiches/[slug]", "page");
  redirect(`/moderation?fait=${outcome}#titre-messages`);
}

export async function publishCommentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderateComment(form, (viewer, id) => publishComment(getDb(), viewer, id), "message-publie");
}

export async function hideCommentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderateComment(form, (viewer, id) => hideComment(getDb(), viewer, id), "message-masque");
}

export async function keepCommentAction(_previous: ActionResult | null, form: FormData): Promise<ActionResult> {
  return moderateComment(form, (viewer, id) => keepComment(getDb(), viewer, id), "message-garde");
}
