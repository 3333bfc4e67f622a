import { eq } from "drizzle-orm";
import type { Db } from "../client";
import { lieu, type Lieu } from "../schema";

/** The lieu with this id, if any. */
export function getLieuById(db: Db, id: number): Lieu | undefined {
  return db.select().from(lieu).where(eq(lieu.id, id)).get();
}
