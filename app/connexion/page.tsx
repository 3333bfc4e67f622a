import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getCurrentViewer } from "@/server/session";
import { SignInForm } from "@/components/auth/SignInForm";
import { firstSafeReturnPath, signUpHref } from "@/lib/auth/return-path";
import { signInErrorMessage } from "@/server/auth/sign-in-errors";

export const metadata: Metadata = { title: "Se connecter" };

type SearchParams = { retour?: string | string[]; callbackUrl?: string | string[]; error?: string };

export default async function SignInPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { retour, callbackUrl, error } = await searchParams;
  // `callbackUrl` is next-auth's own name for it, which it adds when it sends someone here itself.
  const returnTo = firstSafeReturnPath(retour, callbackUrl);
  if (await getCurrentViewer()) redirect(returnTo);
  const oidcName = process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID ? process.env.OIDC_NAME || "ProConnect" : null;
  return (
    <>
      <h1>Se connecter</h1>
      <SignInForm returnTo={returnTo} oidcName={oidcName} initialError={error ? signInErrorMessage(error) : null} />
      <p>
        Pas encore de compte ? <Link href={signUpHref(returnTo)}>Créer un compte</Link>
      </p>
    </>
  );
}
