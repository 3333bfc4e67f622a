import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getCurrentViewer } from "@/server/session";
import { SignUpForm } from "@/components/auth/SignUpForm";

export const metadata: Metadata = { title: "Créer un compte" };

export default async function SignUpPage() {
  if (await getCurrentViewer()) redirect("/");
  return (
    <>
      <h1>Créer un compte</h1>
      <p>
        Un compte vous permet de présenter votre organisation, de rédiger des fiches et de les écrire à plusieurs. La
        lecture du wiki reste ouverte à toutes et à tous, sans compte.
      </p>
      <SignUpForm />
      <p>
        Déjà inscrit ? <Link href="/connexion">Se connecter</Link>
      </p>
    </>
  );
}
