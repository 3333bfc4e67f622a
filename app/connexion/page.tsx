import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentViewer } from "@/server/session";
import { SignInForm } from "@/components/auth/SignInForm";
import { signInErrorMessage } from "@/server/auth/sign-in-errors";

export const metadata: Metadata = { title: "Se connecter" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  if (await getCurrentViewer()) redirect("/");
  const { callbackUrl, error } = await searchParams;
  const safeCallback = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const oidcName = process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID ? process.env.OIDC_NAME || "ProConnect" : null;
  return (
    <>
      <h1>Se connecter</h1>
      <SignInForm callbackUrl={safeCallback} oidcName={oidcName} initialError={error ? signInErrorMessage(error) : null} />
      <p>
        Pas encore de compte ? <Link href="/inscription">Créer un compte</Link>
      </p>
    </>
  );
}
