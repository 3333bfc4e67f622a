import { SIGNALEMENT_MOTIFS } from "@/lib/signalement/values";
import { SIGNALEMENT_COMMENTAIRE_MAX } from "@/lib/schemas/moderation";
import { optionalText, requiredText, z } from "@/lib/schemas/zod";

/** A comment's body, in characters: long enough for a real answer, short enough to stay a comment. */
export const COMMENT_BODY_MAX = 4000;
export const VISITOR_NAME_MAX = 80;
/** The passage quoted at the head of an anchored thread, as the person selected it. */
export const CITATION_MAX = 500;
// Two encoded Yjs relative positions are well under 200 characters each; anything longer is not one.
const ANCHOR_MAX = 600;

const id = (message: string) => z.coerce.number({ error: message }).int(message).positive(message);
const body = requiredText("Le message", COMMENT_BODY_MAX);

export const postCommentSchema = z.object({
  ficheId: id("Fiche inconnue."),
  body,
  anchor: optionalText(ANCHOR_MAX),
  citation: optionalText(CITATION_MAX),
});
export type PostCommentInput = z.infer<typeof postCommentSchema>;

export const replyCommentSchema = z.object({ threadId: id("Discussion inconnue."), body });
export type ReplyCommentInput = z.infer<typeof replyCommentSchema>;

export const editCommentSchema = z.object({ commentId: id("Message inconnu."), body });
export type EditCommentInput = z.infer<typeof editCommentSchema>;

export const resolveThreadSchema = z.object({
  threadId: id("Discussion inconnue."),
  resolved: z.enum(["1", "0"], { error: "Choisissez de résoudre ou de rouvrir la discussion." }).transform((v) => v === "1"),
});

export const visitorQuestionSchema = z.object({
  ficheId: id("Fiche inconnue."),
  visitorName: requiredText("Votre nom", VISITOR_NAME_MAX),
  visitorEmail: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : typeof v === "string" ? v.trim() : v),
    z.email("Saisissez une adresse électronique valide, par exemple nom@exemple.fr.").max(254, "254 caractères au maximum.").optional(),
  ),
  body: requiredText("Votre question", COMMENT_BODY_MAX),
});
export type VisitorQuestionInput = z.infer<typeof visitorQuestionSchema>;

export const moderateCommentSchema = z.object({ commentId: id("Message inconnu.") });

export const reportCommentSchema = z.object({
  commentId: id("Message inconnu."),
  motif: z.enum(SIGNALEMENT_MOTIFS, { error: "Choisissez la nature du problème." }),
  commentaire: optionalText(SIGNALEMENT_COMMENTAIRE_MAX),
});
export type ReportCommentInput = z.infer<typeof reportCommentSchema>;
