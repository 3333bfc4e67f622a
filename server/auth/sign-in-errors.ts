import type { OidcRefusal } from "@/server/user";

/** The `error` codes our signIn callback sends to /connexion, beside next-auth's own. */
export const OIDC_SIGN_IN_ERRORS: Record<OidcRefusal, string> = {
  email_unverified: "OidcEmailUnverified",
  email_linked_elsewhere: "OidcEmailLinked",
};
/** The provider gave no email or no subject. */
export const OIDC_NO_EMAIL = "OidcNoEmail";

const MESSAGES: Record<string, string> = {
  OidcEmailUnverified:
    "Votre fournisseur d'identité n'a pas confirmé votre adresse électronique, qui est celle d'un compte du wiki : ce compte ne peut pas y être relié. Faites confirmer votre adresse chez le fournisseur, ou connectez-vous avec votre mot de passe.",
  OidcEmailLinked:
    "Votre adresse électronique est celle d'un compte du wiki déjà relié à une autre identité chez le fournisseur. Connectez-vous avec celle-ci ou avec votre mot de passe.",
  OidcNoEmail: "Votre fournisseur d'identité n'a pas transmis d'adresse électronique : la connexion est impossible.",
  AccessDenied: "Ce compte ne peut pas se connecter. Il a peut-être été désactivé.",
};

/** The French message for the `error` code next-auth or our callbacks put in the sign-in page's address. */
export function signInErrorMessage(code: string): string {
  return Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : "La connexion a échoué. Réessayez.";
}
