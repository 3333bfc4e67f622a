import { asc } from "drizzle-orm";
import { foldText } from "@/lib/slug";
import type { Db } from "../client";
import { user } from "../schema";

/** What the admin list shows of an account: never its password hash. */
export type UserSummary = Pick<typeof user.$inferSelect, "id" | "name" | "email" | "role" | "disabled" | "createdAt">;

/**
 * Accounts whose name or email contains the query, accents and case aside ("emilie" finds "Émilie"),
 * oldest first; every account when the query is blank. Filtered in JS: SQLite's LIKE folds ASCII only.
 */
export function searchUsers(db: Db, query = ""): UserSummary[] {
  const rows = db
    .select({ id: user.id, name: user.name, email: user.email, role: user.role, disabled: user.disabled, createdAt: user.createdAt })
    .from(user)
    .orderBy(asc(user.id))
    .all();
  const needle = foldText(query.trim());
  if (!needle) return rows;
  return rows.filter((u) => foldText(u.name).includes(needle) || foldText(u.email).includes(needle));
}
