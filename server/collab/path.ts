import { ACK_PARAM, COLLAB_PATH_PREFIX } from "@/lib/collab/messages";

/** Whether a request URL belongs to the collaboration server (`/_collab` and below). */
export function isCollabPath(url: string | undefined): boolean {
  if (!url) return false;
  const path = url.split("?", 1)[0];
  return path === COLLAB_PATH_PREFIX || path.startsWith(`${COLLAB_PATH_PREFIX}/`);
}

/** The fiche id and options of a socket URL `/_collab/<ficheId>[?ack=1]`; null when it names no fiche. */
export function parseCollabUrl(url: string | undefined): { ficheId: number; wantsAck: boolean } | null {
  if (!url || !isCollabPath(url)) return null;
  const parsed = new URL(url, "http://collab.invalid");
  const match = /^\/(\d{1,15})\/?$/.exec(parsed.pathname.slice(COLLAB_PATH_PREFIX.length));
  if (!match) return null;
  const ficheId = Number(match[1]);
  if (!Number.isSafeInteger(ficheId) || ficheId <= 0) return null;
  return { ficheId, wantsAck: parsed.searchParams.get(ACK_PARAM) === "1" };
}
