import Form from "next/form";
import { Link } from "@/components/ui/Link";
import { FicheCards } from "@/components/fiche/FicheCard";
import { HowLieuxGetIn } from "@/components/lieu/HowLieuxGetIn";
import type { Need } from "@/lib/orientation/needs";
import type { OrientationAnswers } from "@/lib/schemas/orientation";
import { NEAR_KM, ORIENTATION_POINTS } from "@/lib/orientation/scoring";
import type { OrientationAnswer } from "@/server/orientation";
import { HiddenAnswers } from "./HiddenAnswers";
import { MatchCard } from "./MatchCard";

export const SHOWN_MATCHES = 10;
/** How many lieux the printed sheet carries unless the mediator picks others. */
export const PRINTED_BY_DEFAULT = 3;

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The answer: the lieux to propose, ranked with their reasons, the sheet to print, and fiches to learn from. */
export function OrientationResults({ answer, answers, need }: { answer: OrientationAnswer; answers: OrientationAnswers; need: Need }) {
  const shown = answer.matches.slice(0, SHOWN_MATCHES);
  const carteHref = need.kind === "service" ? `/carte?service=${encodeURIComponent(need.service)}` : `/carte?theme=${encodeURIComponent(need.theme)}`;
  return (
    <>
      <section aria-labelledby="titre-propositions">
        <h2 id="titre-propositions">Les lieux à proposer</h2>
        <p role="status" className="result-count">
          {answer.matches.length === 0
            ? "Aucun lieu enregistré ne propose ce service pour l'instant."
            : `${plural(answer.matches.length, "lieu correspond", "lieux correspondent")} au besoin${answer.matches.length > SHOWN_MATCHES ? `, voici les ${SHOWN_MATCHES} premiers` : ""}.`}
        </p>
        {answer.matches.length === 0 ? (
          <>
            <div className="alert">
              <p>
                Essayez un besoin voisin, ou cherchez sur la <Link href="/carte">carte des lieux</Link>. Ce manque est visible de
                tous dans <Link href="/couverture">Ce qui existe, ce qui manque</Link>.
              </p>
            </div>
            <HowLieuxGetIn headingLevel={3} />
          </>
        ) : (
          <Form action="/orientation/imprimer" className="orientation-print-form">
            <HiddenAnswers answers={answers} />
            <ol className="orientation-matches">
              {shown.map((match, i) => (
                <MatchCard key={match.lieu.id} match={match} rank={i + 1}>
                  <label className="orientation-pick">
                    <input type="checkbox" name="lieu" value={match.lieu.id} defaultChecked={i < PRINTED_BY_DEFAULT} />
                    Sur la fiche à imprimer<span className="visually-hidden"> : {match.lieu.nom}</span>
                  </label>
                </MatchCard>
              ))}
            </ol>
            {answer.matches.length > SHOWN_MATCHES && (
              <p>
                {plural(answer.matches.length - SHOWN_MATCHES, "autre lieu propose", "autres lieux proposent")} aussi ce besoin :{" "}
                <Link href={carteHref}>voir tous les lieux sur la carte</Link>.
              </p>
            )}
            <div className="actions orientation-print-actions">
              <button type="submit">Imprimer la fiche d&apos;orientation</button>
              <span className="hint">Une page en grands caractères pour la personne, avec les lieux cochés.</span>
            </div>
          </Form>
        )}
        <details className="orientation-method">
          <summary>Comment ce classement est fait</summary>
          <p>
            Seuls les lieux qui proposent le service demandé (ou dont l&apos;acteur agit sur le thème choisi) et qui reçoivent du
            public sont proposés. Chacun gagne des points : {ORIENTATION_POINTS.public} par public de la personne qu&apos;il
            accueille spécifiquement, {ORIENTATION_POINTS.support} par prise en charge demandée qu&apos;il assure,{" "}
            {ORIENTATION_POINTS.near} s&apos;il est dans la commune choisie ou à moins de {NEAR_KM} km du point indiqué, et{" "}
            {ORIENTATION_POINTS.openNow} s&apos;il est ouvert en ce moment (heure de Paris). À points égaux, le plus proche passe
            devant.
            {answer.distanceFrom === "commune" && " Sans point de départ, la distance est mesurée depuis le centre des lieux de la commune choisie."}
          </p>
          <p>Les informations viennent des acteurs eux-mêmes : en cas de doute, joignez le lieu avant d&apos;envoyer la personne, comme le dit chaque proposition.</p>
        </details>
      </section>
      <section aria-labelledby="titre-fiches">
        <h2 id="titre-fiches">Comment d&apos;autres accompagnent ce besoin</h2>
        <FicheCards fiches={answer.fiches} headingLevel={3} empty="Aucune fiche publiée ne porte encore sur ce besoin." />
      </section>
    </>
  );
}
