import type { OrientationAnswers } from "@/lib/schemas/orientation";

/** The earlier steps' answers, carried by a step's GET form so that the next URL holds them all. */
export function HiddenAnswers({ answers }: { answers: OrientationAnswers }) {
  return (
    <>
      {answers.besoin && <input type="hidden" name="besoin" value={answers.besoin} />}
      {answers.public.map((p) => (
        <input key={`public-${p}`} type="hidden" name="public" value={p} />
      ))}
      {answers.prise.map((p) => (
        <input key={`prise-${p}`} type="hidden" name="prise" value={p} />
      ))}
      {(["commune", "lat", "lon", "adresse"] as const).map((key) =>
        answers[key] ? <input key={key} type="hidden" name={key} value={answers[key]} /> : null,
      )}
    </>
  );
}
