"use client";

import { useEffect, useState } from "react";
import { readHorairesInput } from "@/lib/lieu/horaires-input";
import { openingHoursToFrench } from "@/lib/lieu/opening-hours";

const OSM_EXAMPLE = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off";
// Long enough not to announce every keystroke to a screen reader, short enough to feel live.
const SETTLE_MS = 500;

/** What the server will store and what visitors will read, or why the text is not understood yet. */
function HorairesPreview({ text, id }: { text: string; id: string }) {
  if (!text.trim()) return null;
  const result = readHorairesInput(text);
  if (!result.ok) {
    return (
      <p>
        <strong>Pas encore compris :</strong> {result.error}
      </p>
    );
  }
  const lines = openingHoursToFrench(result.normalized) ?? [];
  return (
    <>
      <p id={`${id}-lecture`}>Ce que les visiteurs liront :</p>
      <ul aria-labelledby={`${id}-lecture`}>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {result.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <p>
        Enregistré au format OpenStreetMap : <code>{result.normalized}</code>
      </p>
    </>
  );
}

/**
 * The opening hours, typed in French (« du lundi au vendredi de 9h à 12h ») or, for those who know
 * it, in OpenStreetMap syntax. The reading below is computed by the same code as the server's.
 */
export function HorairesField({ defaultValue, errors, label }: { defaultValue: string; errors?: string[]; label: string }) {
  const [text, setText] = useState(defaultValue);
  const [settled, setSettled] = useState(defaultValue);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const id = "champ-horaires";
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div id={`${id}-hint`} className="hint">
        <p>
          Écrivez-les comme vous les diriez, une règle par ligne ou séparées par des points-virgules. Par exemple :{" "}
          « du lundi au vendredi de 9h à 12h et de 14h à 17h », « samedi matin », « fermé les jours fériés ». « Matin » se lit
          de 9 h à 12 h, « après-midi » de 14 h à 17 h.
        </p>
      </div>
      <textarea
        id={id}
        name="horaires"
        rows={3}
        defaultValue={defaultValue}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
      <div role="status" aria-label="Lecture des horaires" className={settled.trim() ? "horaires-preview" : undefined}>
        <HorairesPreview text={settled} id={id} />
      </div>
      <details>
        <summary>Format OpenStreetMap, pour les habitués</summary>
        <p className="hint">
          Le champ accepte aussi directement la syntaxe <code>opening_hours</code> d&apos;OpenStreetMap, celle qui est
          enregistrée et exportée : jours abrégés en anglais (Mo, Tu, We, Th, Fr, Sa, Su), PH pour les jours fériés, heures sur
          24 h, règles séparées par des points-virgules. Par exemple : <code>{OSM_EXAMPLE}</code>
        </p>
      </details>
    </div>
  );
}
