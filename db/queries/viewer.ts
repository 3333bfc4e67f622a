import { eq, sql } from "drizzle-orm";
import { perConnection, type Db } from "@/db/client";
import { membership, user } from "@/db/schema";
import type { Viewer } from "@/lib/policies/viewer";

// The collaboration server re-checks every open connection's viewer every few seconds: prepare once per connection.
const statements = perConnection((db) => ({
  user: db
    .select({ id: user.id, name: user.name, role: user.role, disabled: user.disabled })
    .from(user)
    .where(eq(user.id, sql.placeholder("userId")))
    .prepare(),
  memberships: db
    .select({ acteurId: membership.acteurId })
    .from(membership)
    .where(eq(membership.userId, sql.placeholder("userId")))
    .prepare(),
}));

/** The viewer behind a user id, with its memberships; null when the account is missing or disabled. */
export function getViewerById(db: Db, userId: number): Viewer | null {
  const prepared = statements(db);
  const row = prepared.user.get({ userId });
  if (!row || row.disabled) return null;
  const acteurIds = prepared.memberships
    .all({ userId })
    .map((m) => m.acteurId)
    .sort((a, b) => a - b);
  return { id: row.id, name: row.name, role: row.role, acteurIds };
}
