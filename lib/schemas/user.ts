import { ROLES } from "@/lib/roles";
import { requiredText, z } from "./zod";

export const PASSWORD_MIN = 10;

const email = z.preprocess(
  (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
  z.email({ error: "Saisissez une adresse électronique valide, par exemple nom@exemple.fr." }).max(254),
);
const password = z
  .string({ error: "Le mot de passe est obligatoire." })
  .min(PASSWORD_MIN, `Le mot de passe doit contenir au moins ${PASSWORD_MIN} caractères.`)
  .max(200, "Le mot de passe doit contenir au plus 200 caractères.");

export const signUpSchema = z.object({
  name: requiredText("Le nom", 120),
  email,
  password,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Le mot de passe est obligatoire.").max(200),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Saisissez votre mot de passe actuel."),
    newPassword: password,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });

export const roleSchema = z.enum(ROLES, { error: "Rôle inconnu : choisissez contributeur, moderateur ou admin." });

export const setRoleSchema = z.object({
  userId: z.coerce.number().int().positive(),
  role: roleSchema,
});

export const setDisabledSchema = z.object({
  userId: z.coerce.number().int().positive(),
  disabled: z.preprocess((v) => v === true || v === "true" || v === "on", z.boolean()),
});
