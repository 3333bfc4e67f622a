"use client";

import { Link } from "@/components/ui/Link";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Une erreur est survenue</h1>
      <p>Nous n&apos;avons pas pu afficher cette page. Ce que vous aviez déjà enregistré est conservé.</p>
      <div className="actions">
        <button type="button" onClick={() => reset()}>
          Réessayer
        </button>
        <Link href="/">Revenir à l&apos;accueil</Link>
      </div>
    </>
  );
}
