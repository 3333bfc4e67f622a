import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db, Tx } from "../client";
import { acteur, fiche, lieu, reprise } from "../schema";
import { communeKey, countCommunes } from "@/lib/reprise/values";

/** A take-up as the fiche page shows it: the acteur that declared it, where, since when, what changed. */
export type RepriseOfFiche = {
  id: number;
  acteurId: number;
  acteurSlug: string;
  acteurNom: string;
  commune: string;
  depuis: string;
  changements: string;
  updatedAt: Date;
};

/** A take-up as the acteur page shows it: the fiche it took up. */
export type RepriseOfActeur = {
  id: number;
  ficheId: number;
  ficheSlug: string;
  ficheTitre: string;
  commune: string;
  depuis: string;
  changements: string;
  updatedAt: Date;
};

const common = { id: reprise.id, commune: reprise.commune, depuis: reprise.depuis, changements: reprise.changements, updatedAt: reprise.updatedAt };

/** The take-ups of a fiche, the most recent start first. */
export function listReprisesOfFiche(db: Db | Tx, ficheId: number): RepriseOfFiche[] {
  return db
    .select({ ...common, acteurId: acteur.id, acteurSlug: acteur.slug, acteurNom: acteur.nom })
    .from(reprise)
    .innerJoin(acteur, eq(acteur.id, reprise.acteurId))
    .where(eq(reprise.ficheId, ficheId))
    .orderBy(desc(reprise.depuis), asc(acteur.nom))
    .all();
}

/** What an acteur took up, among the fiches the public can read, the most recent start first. */
export function listReprisesOfActeur(db: Db | Tx, acteurId: number): RepriseOfActeur[] {
  return db
    .select({ ...common, ficheId: fiche.id, ficheSlug: fiche.slug, ficheTitre: fiche.titre })
    .from(reprise)
    .innerJoin(fiche, eq(fiche.id, reprise.ficheId))
    .where(and(eq(reprise.acteurId, acteurId), eq(fiche.statut, "publiee"), eq(fiche.masquee, false)))
    .orderBy(desc(reprise.depuis), asc(fiche.titre))
    .all();
}

/** The take-up of this fiche by this acteur, if declared. */
export function getReprise(db: Db | Tx, ficheId: number, acteurId: number) {
  return db
    .select()
    .from(reprise)
    .where(and(eq(reprise.ficheId, ficheId), eq(reprise.acteurId, acteurId)))
    .get();
}

/** How many different communes each of these fiches was taken up in; fiches without take-up are left out. */
export function countRepriseCommunes(db: Db | Tx, ficheIds: number[]): Map<number, number> {
  if (!ficheIds.length) return new Map();
  const rows = db.select({ ficheId: reprise.ficheId, commune: reprise.commune }).from(reprise).where(inArray(reprise.ficheId, ficheIds)).all();
  const byFiche = new Map<number, string[]>();
  for (const row of rows) byFiche.set(row.ficheId, [...(byFiche.get(row.ficheId) ?? []), row.commune]);
  return new Map([...byFiche].map(([id, communes]) => [id, countCommunes(communes)]));
}

/** The acteurs a person may declare for, by name: theirs, or every acteur for a moderator. */
export function listRepriseActeurChoices(db: Db | Tx, acteurIds: number[] | "all"): { id: number; nom: string }[] {
  if (acteurIds !== "all" && !acteurIds.length) return [];
  return db
    .select({ id: acteur.id, nom: acteur.nom })
    .from(acteur)
    .where(acteurIds === "all" ? undefined : inArray(acteur.id, acteurIds))
    .orderBy(asc(acteur.nom))
    .all();
}

/**
 * The communes the wiki already names (lieux, fiches, take-ups), to suggest one spelling rather than a
 * new one: for each commune the most used spelling, a capitalised one on a tie.
 */
export function listKnownCommunes(db: Db | Tx): string[] {
  const names = [
    ...db.select({ commune: lieu.commune }).from(lieu).all(),
    ...db.select({ commune: fiche.commune }).from(fiche).all(),
    ...db.select({ commune: reprise.commune }).from(reprise).all(),
  ]
    .map((r) => r.commune?.trim() ?? "")
    .filter(Boolean);
  const spellings = new Map<string, Map<string, number>>();
  for (const name of names) {
    const counts = spellings.get(communeKey(name)) ?? new Map<string, number>();
    counts.set(name, (counts.get(name) ?? 0) + 1);
    spellings.set(communeKey(name), counts);
  }
  const capitalised = (name: string) => (name !== name.toLowerCase() ? 1 : 0);
  return [...spellings.values()]
    .map((counts) => [...counts].sort((a, b) => b[1] - a[1] || capitalised(b[0]) - capitalised(a[0]))[0][0])
    .sort((a, b) => a.localeCompare(b, "fr"));
}
