"use client";

import { useState } from "react";
import { openingHoursToFrench } from "@/lib/lieu/opening-hours";

const EXAMPLE = "Mo-Fr 09:00-12:00,14:00-17:30; Sa 10:00-12:00; PH off";

/**
 * The opening hours input, in OpenStreetMap syntax, with a French reading of what is typed so
 * that a contributor can check it without knowing the syntax by heart.
 */
export function HorairesField({ defaultValue, errors, label }: { defaultValue: string; errors?: string[]; label: string }) {
  const [text, setText] = useState(defaultValue);
  const reading = text.trim() ? openingHoursToFrench(text) : null;
  const id = "champ-horaires";
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <div id={`${id}-hint`} className="hint">
        <p>
          Au format OpenStreetMap : jours abrégés en anglais (Mo, Tu, We, Th, Fr, Sa, Su), PH pour les jours fériés, heures
          sur 24 h, règles séparées par des points-virgules. Par exemple : <code>{EXAMPLE}</code>
        </p>
      </div>
      <input
        id={id}
        name="horaires"
        type="text"
        defaultValue={defaultValue}
        onChange={(event) => setText(event.target.value)}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={[`${id}-hint`, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ")}
      />
      {reading && (
        <div className="horaires-preview">
          <p>Ce que les visiteurs liront :</p>
          <ul>
            {reading.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
