import { parseFrenchHoraires } from "./horaires-fr";
import { parseOpeningHours } from "./opening-hours";

export type HorairesInputResult =
  | { ok: true; normalized: string; format: "osm" | "francais"; notes: string[] }
  | { ok: false; error: string; format: "osm" | "francais" };

// What starts like an OSM rule gets the OSM error, the one its author can act on.
const OSM_START = /^(24\/7|(?:Mo|Tu|We|Th|Fr|Sa|Su|PH)(?![\p{L}])|\d{1,2}:\d{2}\s*-\s*\d{1,2}:\d{2}\s*(?:$|[;,]))/u;

/**
 * Reads the "horaires" field as typed in the lieu form or sent to the server action: the
 * OpenStreetMap syntax, or French (« du lundi au vendredi de 9h à 12h »). Either way the result
 * is the normalised OSM text, the only form stored.
 */
export function readHorairesInput(text: string): HorairesInputResult {
  const osm = parseOpeningHours(text);
  if (osm.ok) return { ok: true, normalized: osm.normalized, format: "osm", notes: [] };
  if (!text.trim()) return { ok: false, error: osm.error, format: "francais" };
  const french = parseFrenchHoraires(text);
  if (!french.ok && OSM_START.test(text.trim())) return { ok: false, error: osm.error, format: "osm" };
  return { ...french, format: "francais" };
}
