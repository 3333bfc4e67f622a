"use client";

import { useState, useSyncExternalStore } from "react";

const subscribe = () => () => {};

/**
 * "Utiliser ma position": fills the latitude and longitude fields from the browser's geolocation.
 * Shown only when the browser offers it; the position goes nowhere but into these two fields.
 */
export function UseMyPosition({ latitudeId, longitudeId }: { latitudeId: string; longitudeId: string }) {
  // Never in the server's HTML, nor while hydrating it: only once the browser says it can locate.
  const available = useSyncExternalStore(subscribe, () => "geolocation" in navigator, () => false);
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);

  if (!available) return null;

  const locate = () => {
    setBusy(true);
    setMessage("Recherche de la position…");
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const latitude = position.coords.latitude.toFixed(5);
        const longitude = position.coords.longitude.toFixed(5);
        for (const [id, value] of [
          [latitudeId, latitude],
          [longitudeId, longitude],
        ]) {
          const input = document.getElementById(id) as HTMLInputElement | null;
          if (input) input.value = value;
        }
        setBusy(false);
        setMessage(`Position trouvée : latitude ${latitude}, longitude ${longitude}.`);
      },
      (error) => {
        setBusy(false);
        setMessage(
          error.code === error.PERMISSION_DENIED
            ? "Le navigateur n'a pas donné la position (autorisation refusée). Tapez les coordonnées, ou choisissez une commune."
            : "La position n'a pas pu être trouvée. Tapez les coordonnées, ou choisissez une commune.",
        );
      },
      { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 },
    );
  };

  return (
    <div className="use-position">
      <button type="button" className="button--secondary" onClick={locate} disabled={busy}>
        Utiliser ma position
      </button>
      <p role="status" className="hint">
        {message}
      </p>
    </div>
  );
}
