import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { setting } from "@/db/schema";

/** The instance-wide settings the wiki knows; a key outside this list is a programming error. */
export const SETTING_KEYS = ["content.licence", "projection.layout"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

/** The stored value of a setting, or null when no admin has set it yet. */
export function getSetting(db: Db, key: SettingKey): string | null {
  return db.select({ value: setting.value }).from(setting).where(eq(setting.key, key)).get()?.value ?? null;
}

/** Stores a setting, replacing its previous value. */
export function setSetting(db: Db, key: SettingKey, value: string): void {
  db.insert(setting)
    .values({ key, value })
    .onConflictDoUpdate({ target: setting.key, set: { value, updatedAt: new Date() } })
    .run();
}
