import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listCommunes } from "@/db/queries/acteur";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { PRINTED_BY_DEFAULT } from "@/components/orientation/OrientationResults";
import { PrintButton } from "@/components/orientation/PrintButton";
import { PrintSheet } from "@/components/orientation/PrintSheet";
import { allParams, type SearchParams } from "@/lib/schemas/carte";
import { readAnswers } from "@/lib/schemas/orientation";
import { orientationHref, orientationQuery } from "@/lib/orientation/url";
import { geocoderUrl } from "@/server/config";
import { resolveOrientation } from "@/server/orientation-flow";

export const metadata: Metadata = {
  title: "Fiche d'orientation",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

export default async function PrintPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDb();
  const params = await searchParams;
  const answers = readAnswers(params);
  const themes = listTermsByTaxonomy(db, "theme").map((t) => ({ slug: t.slug, label: t.label }));
  const now = new Date();
  const state = await resolveOrientation(db, { answers, requested: "resultats", themes, communes: listCommunes(db), geocoding: geocoderUrl() !== null }, now);

  if (state.step !== "resultats" || !state.answer || !state.need) {
    return (
      <>
        <h1>La fiche d&apos;orientation ne peut pas être préparée</h1>
        <div role="alert" className="alert alert--error">
          <p>{Object.values(state.errors).flat().join(" ") || "Une étape de l'orientation est incomplète."}</p>
        </div>
        <p>
          <Link href={orientationHref(answers, state.step)}>Reprendre l&apos;orientation à cette étape</Link>
        </p>
      </>
    );
  }

  const chosen = new Set(allParams(params, "lieu").map(Number));
  const picked = state.answer.matches.filter((m) => chosen.has(m.lieu.id));
  const matches = picked.length ? picked : state.answer.matches.slice(0, PRINTED_BY_DEFAULT);
  const backHref = orientationHref(answers, "resultats");
  // The PDF carries the same lieux, and the found coordinates rather than the address: nothing is geocoded twice.
  const pdfQuery = new URLSearchParams(orientationQuery(state.resolvedAnswers));
  for (const match of matches) pdfQuery.append("lieu", String(match.lieu.id));

  return (
    <>
      <div className="no-print fiche-orientation-actions">
        <PrintButton />
        {matches.length > 0 && (
          <a href={`/orientation/imprimer/pdf?${pdfQuery}`} download>
            Télécharger la fiche d&apos;orientation (PDF)
          </a>
        )}
        <Link href={backHref}>Revenir aux résultats</Link>
      </div>
      {matches.length ? (
        <PrintSheet need={state.need} matches={matches} date={now} fromPoint={state.answer.distanceFrom === "point"} />
      ) : (
        <>
          <h1>Aucun lieu à imprimer</h1>
          <p>
            Aucun lieu enregistré ne répond encore à ce besoin. <Link href={backHref}>Revenir aux résultats</Link>
          </p>
        </>
      )}
    </>
  );
}
