import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { fiche, ficheActeur, ficheTerm } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import type { FicheContent } from "@/lib/fiche/document";
import type { Role } from "@/lib/roles";
import type { Viewer } from "@/lib/policies/viewer";
import { getFicheDocuments } from "./collab/write";
import { DomainError } from "./errors";
import { insertFiche } from "./fiche";
import { applyImport } from "./importer/apply";
import { planImport } from "./importer/plan";
import { readImportFile } from "./importer/read-file";
import { seedLivreBlanc } from "./importer/seed";
import {
  applyVerificationDecision,
  completeVerification,
  getNextFicheToVerify,
  getVerificationFiche,
  getVerificationProgress,
} from "./verification";

const db = getTestDb();
const viewer = (role: Role = "contributeur"): Viewer => getViewerById(db, buildUser({ role }).id)!;
const content = (ficheId: number): FicheContent => getFicheDocuments(db).read(ficheId)!.content;
const aVerifier = (ficheId: number) => db.select({ a: fiche.aVerifier }).from(fiche).where(eq(fiche.id, ficheId)).get()!.a;

async function codeOf(run: () => unknown): Promise<string | undefined> {
  try {
    await run();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

/** The queue as the page walks it: from the first fiche waiting, one after another, until it wraps round. */
function walkQueue(moderator: Viewer | null): number[] {
  const ids: number[] = [];
  for (let id = getNextFicheToVerify(db, moderator); id !== null && !ids.includes(id); id = getNextFicheToVerify(db, moderator, id)) ids.push(id);
  return ids;
}

/** A Livre blanc fiche waiting in the queue with suggested themes, publics and acteurs, not used by another test. */
const taken = new Set<number>();
function queuedFiche(moderator: Viewer): number {
  const id = walkQueue(moderator).find((id) => {
    const c = content(id);
    return !taken.has(id) && c.themesSuggeres.length >= 2 && c.publics.length >= 1 && c.acteurs.length >= 2;
  });
  if (id === undefined) throw new Error("no suitable fiche left");
  taken.add(id);
  return id;
}

let mod: Viewer;
beforeAll(() => {
  expect(seedLivreBlanc(db)?.created).toHaveLength(121);
  mod = viewer("moderateur");
  // The whole Livre blanc: its first import takes a while.
}, 120_000);

describe("the queue and its progress", () => {
  it("counts imported fiches no longer à vérifier out of all imported fiches, not merged ones nor fiches written on the wiki", async () => {
    const before = getVerificationProgress(db, mod);
    expect(before.total).toBe(121);
    // A fiche written on the wiki, even flagged, is neither in the figure nor in the queue.
    const written = insertFiche(db, { type: "pratique", titre: "Écrite sur le wiki", createdBy: mod.id, statut: "publiee", aVerifier: true });
    expect(getVerificationProgress(db, mod)).toEqual(before);
    expect(walkQueue(mod)).not.toContain(written.id);

    const id = queuedFiche(mod);
    await completeVerification(db, mod, { ficheId: id, confirmThemes: [] });
    expect(getVerificationProgress(db, mod)).toEqual({ verified: before.verified + 1, total: 121 });
    expect(walkQueue(mod)).not.toContain(id);

    // A fiche merged into another is no longer a fiche of its own.
    const merged = queuedFiche(mod);
    db.update(fiche).set({ redirectToId: id }).where(eq(fiche.id, merged)).run();
    expect(getVerificationProgress(db, mod)).toEqual({ verified: before.verified + 1, total: 120 });
    expect(walkQueue(mod)).not.toContain(merged);
  });

  it("goes oldest import first, and after a skipped fiche to the next one, wrapping round", () => {
    const queue = walkQueue(mod);
    expect(queue).toEqual([...queue].sort((a, b) => a - b));
    expect(getNextFicheToVerify(db, mod)).toBe(queue[0]);
    expect(getNextFicheToVerify(db, mod, queue[3])).toBe(queue[4]);
    expect(getNextFicheToVerify(db, mod, queue.at(-1))).toBe(queue[0]);
  });
});

describe("decisions on a fiche", () => {
  it("confirms a suggested theme into the themes, and rejects another out of the suggestions", async () => {
    const id = queuedFiche(mod);
    const [confirmed, rejected] = content(id).themesSuggeres;
    expect(await applyVerificationDecision(db, mod, { action: "confirmer-theme", ficheId: id, termId: confirmed })).toEqual({ changed: true });
    expect(await applyVerificationDecision(db, mod, { action: "rejeter-theme", ficheId: id, termId: rejected })).toEqual({ changed: true });
    const after = content(id);
    expect(after.themes).toContain(confirmed);
    expect(after.themes).not.toContain(rejected);
    expect(after.themesSuggeres).not.toContain(confirmed);
    expect(after.themesSuggeres).not.toContain(rejected);
    // Projected like any edit: the confirmed theme is a term of the fiche, no longer a suggestion.
    const terms = db.select().from(ficheTerm).where(eq(ficheTerm.ficheId, id)).all();
    expect(terms.find((t) => t.termId === confirmed)?.suggested).toBe(false);
    expect(terms.some((t) => t.termId === rejected)).toBe(false);
    // Still à vérifier until the review is completed.
    expect(aVerifier(id)).toBe(true);
  });

  it("rejects a public, removes an acteur, changes another's role, corrects commune and title", async () => {
    const id = queuedFiche(mod);
    const before = content(id);
    const [removed, kept] = before.acteurs;
    await applyVerificationDecision(db, mod, { action: "rejeter-public", ficheId: id, termId: before.publics[0] });
    await applyVerificationDecision(db, mod, { action: "retirer-acteur", ficheId: id, acteurId: removed.acteurId });
    await applyVerificationDecision(db, mod, { action: "changer-role", ficheId: id, acteurId: kept.acteurId, role: "financeur" });
    await applyVerificationDecision(db, mod, { action: "corriger-commune", ficheId: id, commune: "Talence" });
    await applyVerificationDecision(db, mod, { action: "corriger-titre", ficheId: id, titre: "Un titre corrigé" });
    const after = content(id);
    expect(after.publics).toEqual(before.publics.slice(1));
    expect(after.acteurs.map((a) => a.acteurId)).not.toContain(removed.acteurId);
    expect(after.acteurs.find((a) => a.acteurId === kept.acteurId)?.role).toBe("financeur");
    expect(after.commune).toBe("Talence");
    expect(after.titre).toBe("Un titre corrigé");
    const row = db.select().from(fiche).where(eq(fiche.id, id)).get()!;
    expect([row.titre, row.commune]).toEqual(["Un titre corrigé", "Talence"]);
    expect(db.select().from(ficheActeur).where(eq(ficheActeur.ficheId, id)).all().map((r) => r.acteurId)).not.toContain(removed.acteurId);

    await applyVerificationDecision(db, mod, { action: "corriger-commune", ficheId: id, commune: "" });
    expect(content(id).commune).toBe("");
  });

  it("refuses a term that is not a theme and a role the type does not offer", async () => {
    const id = queuedFiche(mod);
    const publicId = content(id).publics[0];
    expect(await codeOf(() => applyVerificationDecision(db, mod, { action: "confirmer-theme", ficheId: id, termId: publicId }))).toBe("invalid");
    const pratique = walkQueue(mod).find((f) => db.select().from(fiche).where(eq(fiche.id, f)).get()!.type === "pratique" && content(f).acteurs.length > 0)!;
    const acteurId = content(pratique).acteurs[0].acteurId;
    expect(await codeOf(() => applyVerificationDecision(db, mod, { action: "changer-role", ficheId: pratique, acteurId, role: "pressenti" }))).toBe("invalid");
  });

  it("completing confirms the themes still suggested that the moderator saw, and clears « à vérifier »", async () => {
    const id = queuedFiche(mod);
    const [seen, unseen] = content(id).themesSuggeres;
    expect(await completeVerification(db, mod, { ficheId: id, confirmThemes: [seen] })).toEqual({ cleared: true });
    expect(content(id).themes).toContain(seen);
    expect(content(id).themesSuggeres).toEqual(expect.arrayContaining([unseen]));
    expect(aVerifier(id)).toBe(false);
  });
});

describe("who may review", () => {
  it("refuses contributors and anonymous people, and reads nothing for them", async () => {
    const id = walkQueue(mod)[0];
    for (const who of [viewer("contributeur"), null]) {
      expect(await codeOf(() => getVerificationProgress(db, who))).toBe("forbidden");
      expect(await codeOf(() => walkQueue(who))).toBe("forbidden");
      expect(await codeOf(() => getVerificationFiche(db, who, id))).toBe("forbidden");
      expect(await codeOf(() => applyVerificationDecision(db, who, { action: "rejeter-public", ficheId: id, termId: content(id).publics[0] ?? 1 }))).toBe("forbidden");
      expect(await codeOf(() => completeVerification(db, who, { ficheId: id, confirmThemes: [] }))).toBe("forbidden");
    }
    expect(aVerifier(id)).toBe(true);
  });

  it("lets an admin review", () => {
    expect(getVerificationProgress(db, viewer("admin")).total).toBeGreaterThan(0);
  });
});

describe("two moderators on the same fiche", () => {
  it("merge their decisions, and the second completion neither fails nor undoes anything", async () => {
    const other = viewer("moderateur");
    const id = queuedFiche(mod);
    const [a, b] = content(id).themesSuggeres;
    // Both load the page; one rejects a theme, then the other confirms everything they saw.
    await applyVerificationDecision(db, mod, { action: "rejeter-theme", ficheId: id, termId: a });
    await applyVerificationDecision(db, mod, { action: "rejeter-theme", ficheId: id, termId: a });
    expect(await completeVerification(db, other, { ficheId: id, confirmThemes: [a, b] })).toEqual({ cleared: true });
    expect(await completeVerification(db, mod, { ficheId: id, confirmThemes: [a, b] })).toEqual({ cleared: false });
    const after = content(id);
    // The rejection stands: only what was still suggested is confirmed.
    expect(after.themes).toContain(b);
    expect(after.themes).not.toContain(a);
    expect(after.themesSuggeres).not.toContain(a);
    expect(aVerifier(id)).toBe(false);
    // A decision on a fiche already verified changes nothing and does not fail.
    expect(await applyVerificationDecision(db, other, { action: "rejeter-theme", ficheId: id, termId: a })).toEqual({ changed: false });
  });

  it("a role change for an acteur removed meanwhile does not bring it back", async () => {
    const id = queuedFiche(mod);
    const { acteurId } = content(id).acteurs[0];
    await applyVerificationDecision(db, mod, { action: "retirer-acteur", ficheId: id, acteurId });
    expect(await applyVerificationDecision(db, viewer("moderateur"), { action: "changer-role", ficheId: id, acteurId, role: "partenaire" })).toEqual({ changed: false });
    expect(content(id).acteurs.map((x) => x.acteurId)).not.toContain(acteurId);
  });
});

describe("the fiche and its source", () => {
  it("shows a Livre blanc fiche beside the lines it was read from", () => {
    const bib = db.select().from(fiche).where(eq(fiche.slug, "bib-invaders")).get()!;
    const view = getVerificationFiche(db, mod, bib.id)!;
    expect(view.importKey).toBe("livre-blanc-solidarite-numerique-bordeaux-2016#pratique:bib-invaders");
    expect(view.source).toMatchObject({ kind: "document", section: "Annexes – Pratiques observées, ici et ailleurs", firstLine: 1434 });
    if (view.source.kind !== "document") throw new Error("no source");
    expect(view.source.text.split("\n")[0]).toBe("BIB'INVADERS");
    expect(view.source.text).toContain("Acteurs : Bibliothèque de Bordeaux Métropole, Média Cité et Bordeaux Games");
    expect(view.source.text).toContain("- Initiation d'une nouvelle habitude de travail commun entre les bibliothèques");
    expect(view.source.text).not.toContain("DOM ASSIST");
    expect(view.imported).toBeNull();
    expect(view.acteurs.map((a) => a.nom)).toEqual(expect.arrayContaining(["Bordeaux Games"]));
  });

  it("says a Markdown upload's source is not kept, and shows what the import wrote", async () => {
    const file = readImportFile(
      new TextEncoder().encode("# Pratiques observées\n\n## Café numérique du Grand Parc\nActeurs : Association Le Lien Verif\nCible : Seniors du quartier\nDescriptif de l'action : Un café chaque mardi pour apprendre la tablette.\n"),
      "cafes.md",
    );
    if (!file.ok) throw new Error(file.error.message);
    const [created] = applyImport(db, planImport(db, file), { viewerId: mod.id }).created;
    const view = getVerificationFiche(db, mod, created.id)!;
    expect(view.source).toEqual({ kind: "unavailable", reason: "not_kept" });
    expect(view.imported).toMatchObject({ titre: "Café numérique du Grand Parc", acteurs: [expect.objectContaining({ nom: "Association Le Lien Verif" })] });
    expect(view.imported!.publics.length).toBeGreaterThan(0);
    expect(walkQueue(mod)).toContain(created.id);
  });

  it("has no review page for a fiche written on the wiki", () => {
    const written = insertFiche(db, { type: "pratique", titre: "Pas importée", createdBy: mod.id });
    expect(getVerificationFiche(db, mod, written.id)).toBeNull();
  });
});
