import { eq, like, or } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Db, Tx } from "../client";
import { firstFreeSlug, slugify } from "@/lib/slug";

/**
 * A slug built from `text`, free in `column` and none of `reserved` (the static routes beside the
 * noun's pages, e.g. /acteurs/nouveau): "cafe", then "cafe-2", "cafe-3"…
 */
export function uniqueSlug(db: Db | Tx, table: SQLiteTable, column: SQLiteColumn, text: string, fallback: string, reserved: readonly string[]): string {
  const base = slugify(text, fallback);
  // Slugs hold only [a-z0-9-], so they are safe inside a LIKE pattern.
  const taken = new Set(
    db
      .select({ slug: column })
      .from(table)
      .where(or(eq(column, base), like(column, `${base}-%`)))
      .all()
      .map((r) => String(r.slug)),
  );
  return firstFreeSlug(base, (slug) => taken.has(slug) || reserved.includes(slug));
}
