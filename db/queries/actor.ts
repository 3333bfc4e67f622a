import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { membership, user } from "@/db/schema";
import type { Actor } from "@/lib/policies/actor";

/** The actor behind a user id, with its memberships; null when the account is missing or disabled. */
export function getActorById(db: Db, userId: number): Actor | null {
  const row = db
    .select({ id: user.id, name: user.name, role: user.role, disabled: user.disabled })
    .from(user)
    .where(eq(user.id, userId))
    .get();
  if (!row || row.disabled) return null;
  const acteurIds = db
    .select({ acteurId: membership.acteurId })
    .from(membership)
    .where(eq(membership.userId, userId))
    .all()
    .map((m) => m.acteurId)
    .sort((a, b) => a - b);
  return { id: row.id, name: row.name, role: row.role, acteurIds };
}
