import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getCurrentViewer } from "@/server/session";
import { SignUpForm } from "@/components/auth/SignUpForm";
import { RETURN_PARAM, firstSafeReturnPath, signInHref } from "@/lib/auth/return-path";

export const metadata: Metadata = { title: "Créer un compte" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = firstSafeReturnPath((await searchParams)[RETURN_PARAM]);
  if (await getCurrentViewer()) redirect(returnTo);
  return (
    <>
      <h1>Créer un compte</h1>
      <p>
        Un compte vous permet de présenter votre organisation, de rédiger des fiches et de les écrire à plusieurs. La
        lecture du wiki reste ouverte à toutes et à tous, sans compte.
      </p>
      <SignUpForm returnTo={returnTo} />
      <p>
        Déjà inscrit ? <Link href={signInHref(returnTo)}>Se connecter</Link>
      </p>
    </>
  );
}
