import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listCommunes } from "@/db/queries/acteur";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { AnswersSummary } from "@/components/orientation/AnswersSummary";
import { NeedStep } from "@/components/orientation/NeedStep";
import { OrientationResults } from "@/components/orientation/OrientationResults";
import { PersonStep } from "@/components/orientation/PersonStep";
import { PlaceStep } from "@/components/orientation/PlaceStep";
import { PrivacyNote } from "@/components/orientation/PrivacyNote";
import { StepNav } from "@/components/orientation/StepNav";
import type { SearchParams } from "@/lib/schemas/carte";
import { readAnswers, requestedStep } from "@/lib/schemas/orientation";
import { geocoderUrl } from "@/server/config";
import { resolveOrientation } from "@/server/orientation-flow";

export const metadata: Metadata = {
  title: "Vers qui se tourner ?",
  description: "Trouver, en trois étapes, le lieu d'accueil qui peut aider une personne : selon son besoin, sa situation et où elle peut aller.",
  // The answers live in the URL: keep them out of search engines and out of other sites' logs.
  robots: { index: false, follow: true },
  referrer: "no-referrer",
};
export const dynamic = "force-dynamic";

const TITLES = { besoin: "Le besoin", personne: "La personne", lieu: "Où", resultats: "La réponse" } as const;

export default async function OrientationPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const db = getDb();
  const params = await searchParams;
  const themes = listTermsByTaxonomy(db, "theme").map((t) => ({ slug: t.slug, label: t.label }));
  const communes = listCommunes(db);
  const geocoding = geocoderUrl() !== null;
  const answers = readAnswers(params);
  const state = await resolveOrientation(db, { answers, requested: requestedStep(params), themes, communes, geocoding });

  return (
    <div className="orientation">
      <h1>Vers qui se tourner&nbsp;?</h1>
      <p className="orientation-intro">
        Pour orienter une personne vers le lieu qui peut l&apos;aider : son besoin, sa situation, où elle peut aller. Chaque
        étape est une page que l&apos;on peut partager ou marquer.
      </p>
      <StepNav current={state.step} answers={answers} />
      <p className="visually-hidden" aria-live="polite">
        Étape : {TITLES[state.step]}
      </p>
      {state.step !== "besoin" && <AnswersSummary answers={answers} need={state.need} place={state.step === "resultats" ? state.place : undefined} />}
      {state.step === "besoin" && <NeedStep answers={answers} errors={state.errors} themes={themes} />}
      {state.step === "personne" && <PersonStep answers={answers} errors={state.errors} />}
      {state.step === "lieu" && <PlaceStep answers={answers} errors={state.errors} communes={communes} geocoding={geocoding} />}
      {state.step === "resultats" && state.answer && state.need && <OrientationResults answer={state.answer} answers={state.resolvedAnswers} need={state.need} />}
      {state.step !== "besoin" && (
        <p>
          <Link href="/orientation">Recommencer avec une autre personne</Link>
        </p>
      )}
      <PrivacyNote geocoding={geocoding} />
    </div>
  );
}
