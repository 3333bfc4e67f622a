import { cookies } from "next/headers";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { getDb } from "@/db/client";
import { getViewerById } from "@/db/queries/viewer";
import type { Viewer } from "@/lib/policies/viewer";
import { authOptions } from "./auth/options";

// next-auth's session cookie, plain or __Secure- (https), possibly split in chunks (".0", ".1"…).
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * The signed-in person making this request, read fresh from the database so that a role change or
 * a disabled account takes effect at once, whatever the session token still says. Computed once
 * per request (the layout, the page and its metadata all ask), and not at all for a visitor without
 * a session cookie: next-auth's session check costs milliseconds that every anonymous page would pay.
 */
export const getCurrentViewer = cache(async (): Promise<Viewer | null> => {
  const jar = await cookies();
  if (!jar.getAll().some((c) => SESSION_COOKIE.test(c.name))) return null;
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (!id) return null;
  return getViewerById(getDb(), id);
});
