import { eq } from "drizzle-orm";
import type { JSONContent } from "@tiptap/core";
import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import { fiche, type Fiche } from "@/db/schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import type { FicheContent } from "@/lib/fiche/document";
import { isModerator, type Viewer } from "@/lib/policies/viewer";
import { canCreateFiche, canManageFiche, type FicheAccessFacts } from "@/lib/policies/fiche";
import { uniqueSlug } from "@/db/queries/slug";
import { listFichesWithoutDocument } from "@/db/documents-file";
import { getFicheDocuments } from "./collab/write";
import { DomainError } from "./errors";
import { refreshFichesCitingFiche } from "./fiche-links";
import type { ImportedValues } from "./importer/merge";
import { indexFiche } from "./search";
import { removeFollowsOfTarget } from "./follow";
import { recordEvent } from "./notification";

/** A slug built from the title, unique among fiches; it is kept when the fiche is renamed. */
export function uniqueFicheSlug(db: Db, titre: string): string {
  // "nouvelle" is the static route /fiches/nouvelle, which a fiche's slug must never shadow.
  return uniqueSlug(db, fiche, fiche.slug, titre, "fiche", ["nouvelle"]);
}

/**
 * A fiche about to be inserted, as plain data: its first content (the body template of its type
 * by default) and its governance columns. The document service builds its Yjs document.
 */
export type NewFiche = {
  type: FicheType;
  titre: string;
  createdBy: number | null;
  statut?: FicheStatut;
  aVerifier?: boolean;
  /** Fields of the first state besides type and title. */
  content?: Partial<FicheContent>;
  /** The body as ProseMirror JSON. */
  body?: JSONContent;
  /** An imported fiche: its import key and values, kept as the baseline of later re-imports (instead of content and body). */
  imported?: { key: string; values: ImportedValues };
  /** A first state computed by trusted server code (tests, scripts): bytes, never a Yjs object. */
  state?: Uint8Array;
  /** What the fiche's first revision says it came from; "creation" by default. */
  origin?: "creation" | "import";
};

/**
 * The one path that inserts a fiche: the row, its Yjs document, the projection of that document and
 * its first revision, all or nothing (a savepoint inside a caller's transaction), through the
 * document service. Callers check the policy first.
 */
export function insertFiche(db: Db, input: NewFiche): Fiche {
  return getFicheDocuments(db).create(db, input);
}

/** Creates a draft fiche with the body template of its type, for a signed-in person. */
export function createFiche(db: Db, viewer: Viewer | null, input: { type: FicheType; titre: string }): Fiche {
  if (!canCreateFiche(viewer)) throw new DomainError("unauthenticated", "Connectez-vous pour créer une fiche.", undefined, "Sign in to create a fiche.");
  return insertFiche(db, { type: input.type, titre: input.titre, createdBy: viewer!.id });
}

function managedFiche(db: Db, viewer: Viewer | null, ficheId: number): FicheAccessFacts {
  const facts = getFicheAccessFacts(db, ficheId);
  if (!facts) throw new DomainError("not_found", "Cette fiche n'existe pas.", undefined, `No fiche with id ${ficheId}.`);
  if (!canManageFiche(viewer, facts)) {
    throw new DomainError(
      "forbidden",
      "Seuls les membres des acteurs porteurs, l'auteur d'un brouillon et les modérateurs peuvent faire cela.",
      undefined,
      `User ${viewer?.id ?? "anonymous"} may not manage fiche ${ficheId}.`,
    );
  }
  return facts;
}

/** The statuts a fiche may move to from `from`: drafts are published, published fiches archived. */
export function nextFicheStatuts(viewer: Viewer | null, from: FicheStatut): FicheStatut[] {
  if (from === "brouillon") return ["publiee"];
  if (from === "publiee") return ["archivee"];
  // Bringing an archived fiche back is a moderation decision.
  return isModerator(viewer) ? ["publiee"] : [];
}

/** Publishes or archives a fiche (or brings it back from the archive), through canManageFiche. */
export function setFicheStatut(db: Db, viewer: Viewer | null, ficheId: number, statut: FicheStatut): Fiche {
  const facts = managedFiche(db, viewer, ficheId);
  const current = db.select().from(fiche).where(eq(fiche.id, ficheId)).get()!;
  if (facts.statut === statut) return current;
  if (!nextFicheStatuts(viewer, facts.statut).includes(statut)) {
    throw new DomainError(
      "invalid_transition",
      facts.statut === "archivee" ? "Seul un modérateur peut sortir une fiche des archives." : "Ce changement de statut n'est pas possible.",
      "statut",
      `Fiche ${ficheId} cannot go from ${facts.statut} to ${statut}.`,
    );
  }
  if (statut === "publiee" && current.titre.trim() === "") {
    throw new DomainError("titre_required", "Donnez un titre à la fiche avant de la publier.", "statut", "A fiche needs a title to be published.");
  }
  // Links to this fiche say "archivée" or lead nowhere while it is a draft: re-render them at once.
  return db.transaction(() => {
    const updated = db.update(fiche).set({ statut, updatedAt: new Date() }).where(eq(fiche.id, ficheId)).returning().get();
    refreshFichesCitingFiche(db, ficheId);
    indexFiche(db, ficheId);
    if (statut === "publiee" && facts.statut === "brouillon") recordEvent(db, { kind: "fiche_publiee", ficheId, actorId: viewer?.id ?? null });
    return updated;
  });
}

/** Locks a fiche (only its porteurs' members and moderators edit it then) or unlocks it. */
export function setFicheVerrouillee(db: Db, viewer: Viewer | null, ficheId: number, verrouillee: boolean): Fiche {
  managedFiche(db, viewer, ficheId);
  return db.update(fiche).set({ verrouillee, updatedAt: new Date() }).where(eq(fiche.id, ficheId)).returning().get();
}

/** Flags a fiche as needing a check of its content, or clears the flag. */
export function setFicheAVerifier(db: Db, viewer: Viewer | null, ficheId: number, aVerifier: boolean): Fiche {
  managedFiche(db, viewer, ficheId);
  return db.update(fiche).set({ aVerifier, updatedAt: new Date() }).where(eq(fiche.id, ficheId)).returning().get();
}

/**
 * Deletes the fiches whose creation a crash cut between the commits of the main file and of the
 * documents file (see db/documents-file.ts): nobody was told they existed. Returns their ids.
 */
export function removeUnfinishedFiches(db: Db): number[] {
  const ids = listFichesWithoutDocument(db);
  db.transaction(
    () => {
      for (const id of ids) {
        db.delete(fiche).where(eq(fiche.id, id)).run();
        removeFollowsOfTarget(db, "fiche", id);
        indexFiche(db, id);
      }
    },
    { behavior: "immediate" },
  );
  return ids;
}
