import { Link } from "@/components/ui/Link";
import type { OrientationAnswers, OrientationStep } from "@/lib/schemas/orientation";
import { orientationHref } from "@/lib/orientation/url";

const STEPS: { step: OrientationStep; label: string }[] = [
  { step: "besoin", label: "Le besoin" },
  { step: "personne", label: "La personne" },
  { step: "lieu", label: "Où" },
  { step: "resultats", label: "La réponse" },
];

/** Where the mediator is among the steps; the steps already answered are links back. */
export function StepNav({ current, answers }: { current: OrientationStep; answers: OrientationAnswers }) {
  const index = STEPS.findIndex((s) => s.step === current);
  return (
    <nav aria-label="Étapes de l'orientation" className="orientation-steps">
      <ol>
        {STEPS.map((s, i) => (
          <li key={s.step} className={i === index ? "is-current" : i < index ? "is-done" : undefined}>
            {i === index ? (
              <span aria-current="step">{s.label}</span>
            ) : i < index ? (
              <Link href={orientationHref(answers, s.step)}>
                {s.label}
                <span className="visually-hidden"> (étape faite, la modifier)</span>
              </Link>
            ) : (
              <span>{s.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
