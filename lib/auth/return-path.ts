/** The query parameter that carries, to /connexion and /inscription, the page to come back to. */
export const RETURN_PARAM = "retour";

const MAX_LENGTH = 2048;
const PROBE_ORIGIN = "http://wiki.invalid";
// Coming back to a sign-in page once signed in would only bounce again.
const AUTH_PAGES = new Set(["/connexion", "/inscription"]);

/**
 * The page to send someone back to after signing in: `value` when it is a path of this site, home
 * otherwise. Only a single leading `/` passes; `//host`, `/\host`, schemes and control characters
 * would let a link sign someone in here and hand them to another site (an open redirect).
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return "/";
  if (!value.startsWith("/") || value.startsWith("//")) return "/";
  // Browsers read `\` as `/` and drop tabs and newlines from URLs: `/\evil` and `/\t/evil` are `//evil`.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return "/";
  // Belt and braces: whatever a URL parser makes of it must stay on this origin.
  if (!URL.canParse(value, PROBE_ORIGIN)) return "/";
  const url = new URL(value, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN || AUTH_PAGES.has(url.pathname.replace(/\/$/, ""))) return "/";
  return value;
}

/** The first safe return path among `candidates` (a query parameter may be repeated or absent), else home. */
export function firstSafeReturnPath(...candidates: unknown[]): string {
  for (const candidate of candidates.flat()) {
    const path = safeReturnPath(candidate);
    if (path !== "/") return path;
  }
  return "/";
}

function withReturn(page: string, returnTo: string): string {
  const path = safeReturnPath(returnTo);
  return path === "/" ? page : `${page}?${RETURN_PARAM}=${encodeURIComponent(path)}`;
}

/** The sign-in page, coming back to `returnTo` afterwards when it is a path of this site. */
export function signInHref(returnTo: string): string {
  return withReturn("/connexion", returnTo);
}

/** The sign-up page, coming back to `returnTo` afterwards when it is a path of this site. */
export function signUpHref(returnTo: string): string {
  return withReturn("/inscription", returnTo);
}
