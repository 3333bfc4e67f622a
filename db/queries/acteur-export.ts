import { asc, eq } from "drizzle-orm";
import type { Db } from "../client";
import { acteur, acteurTheme, lieu, taxonomyTerm, type Acteur, type Lieu } from "../schema";

/** An acteur with its theme labels and its lieux, for the exports: the directory is public, its members are not exported. */
export type ExportActeurRow = Acteur & { themes: string[]; lieux: Lieu[] };

/** Every acteur of the directory with its themes and lieux, oldest first. */
export function listExportableActeurs(db: Db): ExportActeurRow[] {
  const acteurs = db.select().from(acteur).orderBy(asc(acteur.id)).all();
  const themes = db
    .select({ acteurId: acteurTheme.acteurId, label: taxonomyTerm.label })
    .from(acteurTheme)
    .innerJoin(taxonomyTerm, eq(taxonomyTerm.id, acteurTheme.termId))
    .orderBy(asc(taxonomyTerm.position), asc(taxonomyTerm.id))
    .all();
  const lieux = db.select().from(lieu).orderBy(asc(lieu.id)).all();
  const themesOf = new Map<number, string[]>();
  for (const t of themes) themesOf.set(t.acteurId, [...(themesOf.get(t.acteurId) ?? []), t.label]);
  const lieuxOf = new Map<number, Lieu[]>();
  for (const l of lieux) lieuxOf.set(l.acteurId, [...(lieuxOf.get(l.acteurId) ?? []), l]);
  return acteurs.map((a) => ({ ...a, themes: themesOf.get(a.id) ?? [], lieux: lieuxOf.get(a.id) ?? [] }));
}
