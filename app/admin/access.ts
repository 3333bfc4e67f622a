import { redirect } from "next/navigation";
import type { Viewer } from "@/lib/policies/viewer";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

/**
 * The person allowed to see an admin page, or null when signed in without the right (the page then
 * renders <AdminOnly />). A visitor is sent to sign in and brought back to `path`.
 */
export async function getAdminViewer(path: string, allow: (viewer: Viewer) => boolean): Promise<Viewer | null> {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref(path));
  return allow(viewer) ? viewer : null;
}
