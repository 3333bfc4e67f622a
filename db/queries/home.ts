import { count } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, lieu, user } from "../schema";
import type { FicheType } from "@/lib/fiche/values";
import { countPublishedFichesByType } from "./fiche";

/** The real counts shown on the home page; fiches count only when published. */
export function countHome(db: Db): { acteurs: number; lieux: number; contributeurs: number; fiches: Record<FicheType, number> } {
  return {
    acteurs: db.select({ n: count() }).from(acteur).get()!.n,
    lieux: db.select({ n: count() }).from(lieu).get()!.n,
    contributeurs: db.select({ n: count() }).from(user).get()!.n,
    fiches: countPublishedFichesByType(db),
  };
}
