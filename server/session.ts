import { getServerSession } from "next-auth";
import { getDb } from "@/db/client";
import { getActorById } from "@/db/queries/actor";
import type { Actor } from "@/lib/policies/actor";
import { authOptions } from "./auth/options";

/**
 * The signed-in person making this request, read fresh from the database so that a role change or
 * a disabled account takes effect at once, whatever the session token still says.
 */
export async function getCurrentActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = (session?.user as { id?: number } | undefined)?.id;
  if (!id) return null;
  return getActorById(getDb(), id);
}
