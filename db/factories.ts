import { and, eq, inArray } from "drizzle-orm";
import { getTestDb } from "./testing";
import { acteur, acteurTheme, lieu, membership, taxonomyTerm, user, type Acteur, type Lieu, type User } from "./schema";

// Test data builders. They insert straight into the test database, so that a test of one module
// does not depend on another module being right. Each call gets unique names.

let sequence = 0;
const next = () => ++sequence;

/** Inserts an enabled contributor with a unique email; any column can be overridden. */
export function buildUser(values: Partial<typeof user.$inferInsert> = {}): User {
  const n = next();
  return getTestDb()
    .insert(user)
    .values({ email: `personne${n}@exemple.fr`, name: `Personne ${n}`, ...values })
    .returning()
    .get();
}

type ActeurValues = Partial<typeof acteur.$inferInsert> & {
  /** Users made members of the acteur. */
  members?: User[];
  /** Slugs of terms of the "theme" taxonomy (seeded by getTestDb). */
  themes?: string[];
};

/** Inserts an acteur with a unique slug, optionally with members and themes. */
export function buildActeur({ members = [], themes = [], ...values }: ActeurValues = {}): Acteur {
  const db = getTestDb();
  const n = next();
  const created = db
    .insert(acteur)
    .values({ slug: `acteur-${n}`, nom: `Acteur ${n}`, categorie: "non_lucratif", typologie: "association", ...values })
    .returning()
    .get();
  if (members.length) db.insert(membership).values(members.map((m) => ({ userId: m.id, acteurId: created.id }))).run();
  if (themes.length) {
    const terms = db
      .select({ id: taxonomyTerm.id })
      .from(taxonomyTerm)
      .where(and(eq(taxonomyTerm.taxonomy, "theme"), inArray(taxonomyTerm.slug, themes)))
      .all();
    if (terms.length !== themes.length) throw new Error(`Unknown theme among ${themes.join(", ")}`);
    db.insert(acteurTheme).values(terms.map((t) => ({ acteurId: created.id, termId: t.id }))).run();
  }
  return created;
}

/** Inserts a lieu of an acteur, in Bordeaux unless told otherwise. */
export function buildLieu(acteurId: number, values: Partial<typeof lieu.$inferInsert> = {}): Lieu {
  const n = next();
  return getTestDb()
    .insert(lieu)
    .values({
      acteurId,
      nom: `Lieu ${n}`,
      adresse: `${n} cours de l'Intendance`,
      codePostal: "33000",
      commune: "Bordeaux",
      services: ["Aide aux démarches administratives"],
      ...values,
    })
    .returning()
    .get();
}

/** The id of a seeded theme, by slug. */
export function themeId(slug: string): number {
  const term = getTestDb()
    .select({ id: taxonomyTerm.id })
    .from(taxonomyTerm)
    .where(and(eq(taxonomyTerm.taxonomy, "theme"), eq(taxonomyTerm.slug, slug)))
    .get();
  if (!term) throw new Error(`Unknown theme ${slug}`);
  return term.id;
}
