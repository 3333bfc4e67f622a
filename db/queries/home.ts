import { count } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, lieu, user } from "../schema";

/** The real counts shown on the home page. */
export function countHome(db: Db): { acteurs: number; lieux: number; contributeurs: number } {
  return {
    acteurs: db.select({ n: count() }).from(acteur).get()!.n,
    lieux: db.select({ n: count() }).from(lieu).get()!.n,
    contributeurs: db.select({ n: count() }).from(user).get()!.n,
  };
}
