import { z } from "zod";
import { geocoderUrl } from "./config";
import { DomainError } from "./errors";

// Geocoding is optional and goes through the server: the browser only ever talks to the wiki
// (and to the tile server), and the address API never sees who asked.

/** One address found by the geocoder. */
export type GeocodeResult = { label: string; latitude: number; longitude: number; codePostal: string | null; commune: string | null; codeInsee: string | null };

// The response of the Base Adresse Nationale's /search/ (GeoJSON), reduced to what we read.
const responseSchema = z.object({
  features: z.array(
    z.object({
      geometry: z.object({ coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
      properties: z.object({
        label: z.string(),
        postcode: z.string().optional(),
        city: z.string().optional(),
        citycode: z.string().optional(),
      }),
    }),
  ),
});

type Options = { limit?: number; baseUrl?: string | null; timeoutMs?: number; fetchImpl?: typeof fetch };

const unavailable = (base: string, reason: string) =>
  new DomainError(
    "geocoder_unavailable",
    "Le service de recherche d'adresses ne répond pas. Choisissez une commune ou tapez les coordonnées.",
    "adresse",
    `The address API at ${base} did not answer properly: ${reason}.`,
  );

/**
 * Looks an address up with the configured API (GEOCODER_URL, compatible with the Base Adresse
 * Nationale). Throws a DomainError, on the "adresse" field, when geocoding is off, the query is
 * unusable or the API fails.
 */
export async function geocodeAddress(query: string, options: Options = {}): Promise<GeocodeResult[]> {
  const base = options.baseUrl === undefined ? geocoderUrl() : options.baseUrl;
  if (!base) {
    throw new DomainError("geocoder_off", "La recherche d'adresse n'est pas activée sur ce wiki.", "adresse", "Geocoding is off: GEOCODER_URL is not set.");
  }
  const q = query.trim();
  // The BAN refuses queries shorter than 3 characters or longer than 200.
  if (q.length < 3 || q.length > 200) {
    throw new DomainError("invalid_query", "Tapez une adresse de 3 à 200 caractères.", "adresse", "The address must be 3 to 200 characters long.");
  }
  const limit = Math.min(Math.max(options.limit ?? 5, 1), 10);
  const url = `${base}/search/?${new URLSearchParams({ q, limit: String(limit) })}`;
  let response: Response;
  try {
    response = await (options.fetchImpl ?? fetch)(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 5000), headers: { accept: "application/json" } });
  } catch (error) {
    throw unavailable(base, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw unavailable(base, `HTTP ${response.status}`);
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw unavailable(base, "the body is not JSON");
  }
  const parsed = responseSchema.safeParse(body);
  if (!parsed.success) throw unavailable(base, "the body is not a GeoJSON FeatureCollection of addresses");
  return parsed.data.features.slice(0, limit).map((f) => ({
    label: f.properties.label,
    longitude: f.geometry.coordinates[0],
    latitude: f.geometry.coordinates[1],
    codePostal: f.properties.postcode ?? null,
    commune: f.properties.city ?? null,
    codeInsee: f.properties.citycode ?? null,
  }));
}
