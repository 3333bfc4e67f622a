import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { fiche, ficheRevision } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { readRevisionState } from "../revision-snapshot";
import { applyImport } from "./apply";
import { planImport } from "./plan";
import { readImportFile } from "./read-file";

const db = getTestDb();

function importMarkdown(text: string, viewerId: number | null) {
  const file = readImportFile(new TextEncoder().encode(text), "fiches.md");
  if (!file.ok) throw new Error(file.error.message);
  return applyImport(db, planImport(db, file), { viewerId });
}

const document = (descriptif: string) => `# Pratiques observées

## Permanence numérique de la Bastide
Acteurs : Centre social de la Bastide
Cible : Seniors
Descriptif de l'action : ${descriptif}
`;

describe("import revisions", () => {
  it("gives an imported fiche an « import » revision, and another one when a re-import changes it", () => {
    const moderator = buildUser({ role: "moderateur" });
    const first = importMarkdown(document("Une permanence chaque lundi."), moderator.id);
    const created = first.created[0];
    const revisionsOf = () => db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, created.id)).orderBy(ficheRevision.id).all();
    expect(revisionsOf()).toHaveLength(1);
    expect(revisionsOf()[0]).toMatchObject({ reason: "import", authorIds: [moderator.id], titre: "Permanence numérique de la Bastide" });

    importMarkdown(document("Une permanence chaque lundi."), moderator.id);
    expect(revisionsOf()).toHaveLength(1);

    const second = importMarkdown(document("Une permanence chaque lundi et chaque jeudi."), null);
    expect(second.updated.map((f) => f.id)).toEqual([created.id]);
    const [, update] = revisionsOf();
    expect(update).toMatchObject({ reason: "import", authorIds: [] });
    expect(JSON.stringify(readRevisionState(update.state).body)).toContain("chaque jeudi");
    expect(db.select().from(fiche).where(eq(fiche.id, created.id)).get()!.texte).toContain("chaque jeudi");
  });
});
