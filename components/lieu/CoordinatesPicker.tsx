"use client";

import dynamic from "next/dynamic";
import { useCallback, useEffect, useId, useState } from "react";
import type { Position } from "./CoordinatesMap";

const CoordinatesMap = dynamic(() => import("./CoordinatesMap"), { ssr: false, loading: () => <div className="carte-map carte-map--picker" /> });

type Config = { tiles: { url: string; attribution: string } | null; geocoding: boolean };
type Found = { label: string; latitude: number; longitude: number };

const LATITUDE = "champ-latitude";
const LONGITUDE = "champ-longitude";

// The address API answers in English for API clients; the form says it in French.
const GEOCODE_ERRORS: Record<string, string> = {
  geocoder_off: "La recherche d'adresse n'est pas activée sur ce wiki.",
  invalid_query: "Remplissez d'abord l'adresse (numéro et voie, code postal, commune).",
  geocoder_unavailable: "Le service de recherche d'adresses ne répond pas. Placez le lieu sur la carte ou tapez ses coordonnées.",
  rate_limited: "Trop de recherches d'adresse à la suite : réessayez dans une minute.",
};

const field = (id: string) => document.getElementById(id) as HTMLInputElement | null;

function readPosition(): Position | null {
  const latitude = Number(field(LATITUDE)?.value.replace(",", ".").trim() || NaN);
  const longitude = Number(field(LONGITUDE)?.value.replace(",", ".").trim() || NaN);
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) return null;
  return { latitude, longitude };
}

/**
 * Next to a lieu's latitude and longitude fields: click on a map to fill them, or, when geocoding
 * is on, look the address up. Keyboard users type the coordinates; without JavaScript, only the
 * fields are there.
 */
export function CoordinatesPicker() {
  const [config, setConfig] = useState<Config | null>(null);
  const [position, setPosition] = useState<Position | null>(null);
  const [status, setStatus] = useState("");
  const [found, setFound] = useState<Found[]>([]);
  const hintId = useId();

  useEffect(() => {
    let live = true;
    fetch("/api/carte/config")
      .then((response) => (response.ok ? response.json() : null))
      .catch(() => null)
      .then((value: Config | null) => {
        if (!live) return;
        setConfig(value ?? { tiles: null, geocoding: false });
        // The map appears with the marker where the two fields say.
        setPosition(readPosition());
      });
    // Then the marker follows what is typed in them.
    const follow = () => setPosition(readPosition());
    const inputs = [field(LATITUDE), field(LONGITUDE)];
    inputs.forEach((input) => input?.addEventListener("input", follow));
    return () => {
      live = false;
      inputs.forEach((input) => input?.removeEventListener("input", follow));
    };
  }, []);

  const place = useCallback((next: Position, how: string) => {
    const latitude = next.latitude.toFixed(6);
    const longitude = next.longitude.toFixed(6);
    const lat = field(LATITUDE);
    const lon = field(LONGITUDE);
    if (lat) lat.value = latitude;
    if (lon) lon.value = longitude;
    setPosition({ latitude: Number(latitude), longitude: Number(longitude) });
    setStatus(`${how} : latitude ${latitude}, longitude ${longitude}. Enregistrez le lieu pour garder cette position.`);
  }, []);

  const lookUp = async () => {
    const address = ["adresse", "codePostal", "commune"].map((name) => field(`champ-${name}`)?.value.trim() ?? "").filter(Boolean).join(" ");
    setFound([]);
    setStatus("Recherche de l'adresse…");
    try {
      const response = await fetch(`/api/geocodage?${new URLSearchParams({ q: address })}`);
      const body = (await response.json()) as { results?: Found[]; error?: { code: string } };
      if (!response.ok || !body.results) {
        setStatus(GEOCODE_ERRORS[body.error?.code ?? ""] ?? GEOCODE_ERRORS.geocoder_unavailable);
        return;
      }
      if (!body.results.length) setStatus("Aucune adresse trouvée : vérifiez l'adresse, ou placez le lieu sur la carte.");
      else {
        setFound(body.results);
        setStatus(`${body.results.length > 1 ? `${body.results.length} adresses trouvées` : "Une adresse trouvée"} : choisissez la bonne ci-dessous.`);
      }
    } catch {
      setStatus(GEOCODE_ERRORS.geocoder_unavailable);
    }
  };

  if (!config) return null;
  return (
    <div className="coordinates-picker">
      <p id={hintId} className="hint">
        Cliquez sur la carte pour placer le lieu : la latitude et la longitude se remplissent. Au clavier, tapez-les dans les
        champs ci-dessus.
      </p>
      <CoordinatesMap position={position} onPick={(p) => place(p, "Lieu placé sur la carte")} tiles={config.tiles} label="Carte pour placer le lieu" describedBy={hintId} />
      {config.geocoding && (
        <div className="coordinates-picker__geocode">
          <button type="button" className="button--secondary" onClick={lookUp}>
            Trouver la position de l&apos;adresse
          </button>
          {found.length > 0 && (
            <ul className="plain-list">
              {found.map((f) => (
                <li key={`${f.label}-${f.latitude}-${f.longitude}`}>
                  <button
                    type="button"
                    className="button--link"
                    onClick={() => {
                      place(f, `Position de « ${f.label} »`);
                      setFound([]);
                    }}
                  >
                    Utiliser : {f.label}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <p role="status" className="hint">
        {status}
      </p>
    </div>
  );
}
