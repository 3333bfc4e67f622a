import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { searchFold } from "@/db/queries/acteur";
import { acteur, fiche, taxonomyTerm } from "@/db/schema";
import type { FicheActeurRole } from "@/lib/fiche/values";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { ACTEUR_TYPOLOGIES, type ActeurTypologie } from "@/lib/acteur/labels";
import type { FicheContent } from "@/lib/fiche/document";
import { acteurSchema } from "@/lib/schemas/acteur";
import { createActeur } from "../acteur";
import { SYSTEM } from "../authorize";
import { insertFiche, uniqueFicheSlug } from "../fiche";
import { normaliseActeurName } from "./acteur-names";
import { guessActeurKind } from "./acteur-typologie";
import type { FichesJsonDocument, ImportedJsonFiche } from "./fiches-json";
import { indexActeurs } from "./plan";

/** A note of a JSON import, in English (CLI, API) and in French. */
export type JsonImportNote = { ficheSlug: string; messageEn: string; messageFr: string };

/** What a JSON import does (dry run) or did: fiches created or skipped, acteurs created or reused, and notes. */
export type JsonImportOutcome = {
  created: { slug: string; titre: string }[];
  skipped: { slug: string; titre: string; existingSlug: string }[];
  acteursCreated: { slug: string; nom: string }[];
  acteursReused: { slug: string; nom: string }[];
  notes: JsonImportNote[];
};

type ActeurRef = ImportedJsonFiche["acteurs"][number];

/** Finds an acteur by its slug and name on the target wiki, then by normalised name; null when it has to be created. */
function findActeur(db: Db, ref: ActeurRef, byName: ReturnType<typeof indexActeurs>): { id: number; slug: string; nom: string } | null {
  const bySlug = ref.slug ? db.select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom }).from(acteur).where(eq(acteur.slug, ref.slug)).get() : undefined;
  if (bySlug && normaliseActeurName(bySlug.nom) === normaliseActeurName(ref.nom)) return bySlug;
  return byName.get(normaliseActeurName(ref.nom))?.[0] ?? null;
}

function acteurInput(ref: ActeurRef) {
  const guessed = guessActeurKind(normaliseActeurName(ref.nom), ref.nom);
  const typologie = (ACTEUR_TYPOLOGIES as string[]).includes(ref.typologie ?? "") ? (ref.typologie as ActeurTypologie) : guessed.typologie;
  return acteurSchema.safeParse({ nom: ref.nom, categorie: ref.categorie ?? guessed.categorie, typologie, themes: [] });
}

function termIndex(db: Db): Map<string, number> {
  const rows = db.select({ id: taxonomyTerm.id, taxonomy: taxonomyTerm.taxonomy, slug: taxonomyTerm.slug }).from(taxonomyTerm).all();
  return new Map(rows.map((r) => [`${r.taxonomy}:${r.slug}`, r.id]));
}

type ResolvedLinks = {
  acteurs: { acteurId: number; role: FicheActeurRole }[];
  objectif: number | null;
  themes: number[];
  themesSuggeres: number[];
  publics: number[];
  enjeux: number[];
};

/** The structured fields of an imported fiche, its links resolved on this wiki. */
function contentOf(f: ImportedJsonFiche, links: ResolvedLinks): Partial<FicheContent> {
  return { commune: f.commune, quartier: f.quartier, lienWeb: f.lienWeb, source: f.source, etat: f.etat, ebauche: f.ebauche, ...links };
}

/**
 * Imports the fiches of a JSON export, or says what it would do (`dryRun`). A fiche whose slug is
 * already taken on this wiki by a fiche of the same title is skipped, so that importing twice
 * duplicates nothing; the others are created with their statut, fields, acteurs (found by slug and
 * name, else by normalised name, else created without a member), terms (by taxonomy and slug) and
 * body, keeping their slug when it is free. Everything happens in ONE transaction.
 */
export function importFichesJson(db: Db, document: FichesJsonDocument, options: { viewerId: number | null; dryRun?: boolean }): JsonImportOutcome {
  const run = () => {
    const outcome: JsonImportOutcome = { created: [], skipped: [], acteursCreated: [], acteursReused: [], notes: [] };
    const byName = indexActeurs(db);
    const terms = termIndex(db);
    const acteurIds = new Map<string, number>();
    let stand = 0;
    const resolveActeur = (ref: ActeurRef, ficheSlug: string): number | null => {
      const key = normaliseActeurName(ref.nom);
      if (acteurIds.has(key)) return acteurIds.get(key)!;
      const found = findActeur(db, ref, byName);
      if (found) {
        outcome.acteursReused.push({ slug: found.slug, nom: found.nom });
        acteurIds.set(key, found.id);
        return found.id;
      }
      const input = acteurInput(ref);
      if (!input.success) {
        outcome.notes.push({ ficheSlug, messageEn: `Acteur "${ref.nom}" cannot be created (${input.error.issues[0].path.join(".")}): left out of the fiche.`, messageFr: `L'acteur « ${ref.nom} » ne peut pas être créé (${input.error.issues[0].message}) : il n'est pas relié à la fiche.` });
        return null;
      }
      // A dry run creates nothing: a negative stand-in id keeps the acteur counted once.
      const id = options.dryRun ? -++stand : createActeur(db, SYSTEM, input.data).id;
      const slug = id > 0 ? db.select({ slug: acteur.slug }).from(acteur).where(eq(acteur.id, id)).get()!.slug : ref.slug;
      outcome.acteursCreated.push({ slug, nom: ref.nom });
      acteurIds.set(key, id);
      return id;
    };
    for (const f of document.fiches) {
      const existing = f.slug ? db.select({ slug: fiche.slug, titre: fiche.titre }).from(fiche).where(eq(fiche.slug, f.slug)).get() : undefined;
      if (existing && searchFold(existing.titre) === searchFold(f.titre)) {
        outcome.skipped.push({ slug: f.slug, titre: f.titre, existingSlug: existing.slug });
        continue;
      }
      const ids = (taxonomy: Taxonomy, slugs: string[]) =>
        slugs.flatMap((slug) => {
          const id = terms.get(`${taxonomy}:${slug}`);
          if (id === undefined) {
            outcome.notes.push({ ficheSlug: f.slug, messageEn: `Unknown ${taxonomy} "${slug}" on "${f.titre}": left out.`, messageFr: `Terme « ${slug} » (${taxonomy}) inconnu sur « ${f.titre} » : ignoré.` });
            return [];
          }
          return [id];
        });
      const roles = new Map<number, FicheActeurRole>();
      for (const ref of f.acteurs) {
        const id = resolveActeur(ref, f.slug);
        if (id !== null && !roles.has(id)) roles.set(id, ref.role);
      }
      const links: ResolvedLinks = {
        acteurs: [...roles].map(([acteurId, role]) => ({ acteurId, role })),
        objectif: f.objectif ? (ids("objectif", [f.objectif.slug])[0] ?? null) : null,
        themes: ids("theme", f.themes.map((t) => t.slug)),
        themesSuggeres: ids("theme", f.themesSuggeres.map((t) => t.slug)),
        publics: ids("public", f.publics.map((t) => t.slug)),
        enjeux: ids("enjeu", f.enjeux.map((t) => t.slug)),
      };
      if (options.dryRun) {
        outcome.created.push({ slug: f.slug, titre: f.titre });
        continue;
      }
      const row = insertFiche(db, { type: f.type, titre: f.titre, createdBy: options.viewerId, statut: f.statut, content: contentOf(f, links), body: f.body });
      // Keep the slug of the source wiki when it is free, so that its links still lead somewhere.
      const slug = f.slug && f.slug !== row.slug && uniqueFicheSlug(db, f.slug) === f.slug ? f.slug : row.slug;
      db.update(fiche)
        .set({ slug, ...(f.createdAt ? { createdAt: new Date(f.createdAt) } : {}) })
        .where(eq(fiche.id, row.id))
        .run();
      outcome.created.push({ slug, titre: row.titre });
    }
    return outcome;
  };
  return options.dryRun ? run() : db.transaction(run, { behavior: "immediate" });
}

/** An outcome in English, for the CLI. */
export function describeJsonImport(outcome: JsonImportOutcome, dryRun: boolean): string {
  const verb = dryRun ? "Would create" : "Created";
  const lines = [
    `${verb} ${outcome.created.length} fiche${outcome.created.length === 1 ? "" : "s"}; skipped ${outcome.skipped.length} already on this wiki.`,
    `${verb} ${outcome.acteursCreated.length} acteur${outcome.acteursCreated.length === 1 ? "" : "s"}; reused ${outcome.acteursReused.length}.`,
    ...outcome.skipped.map((s) => `Skipped "${s.titre}": /fiches/${s.existingSlug} already holds it.`),
    ...outcome.notes.map((n) => `Note: ${n.messageEn}`),
  ];
  return lines.join("\n");
}
