import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { countOpenSignalements, listOpenSignalements, listResolvedSignalements } from "@/db/queries/signalement";
import { buildUser } from "@/db/factories";
import { fiche, signalement } from "@/db/schema";
import type { Role } from "@/lib/roles";
import type { Viewer } from "@/lib/policies/viewer";
import { reportFiche, resolveSignalement } from "./signalement";
import { buildFicheWithBody } from "./wiki-link-testing";
import { domainErrorOf } from "./domain-error-testing";

const db = getTestDb();
const viewer = (role: Role = "contributeur"): Viewer => getViewerById(db, buildUser({ role }).id)!;
const reportsOf = (ficheId: number) => db.select().from(signalement).where(eq(signalement.ficheId, ficheId)).all();

describe("reportFiche", () => {
  it("puts one open report per person and fiche in the queue: a second one updates it", () => {
    const alice = viewer();
    const bob = viewer();
    const f = buildFicheWithBody(db, { titre: "Horaires de la permanence" });

    const first = reportFiche(db, alice, { ficheId: f.id, motif: "obsolete", commentaire: "  Les horaires ont changé. " });
    expect(first.created).toBe(true);
    expect(first.signalement).toMatchObject({ motif: "obsolete", commentaire: "Les horaires ont changé.", reporterId: alice.id, resolvedAt: null });

    const second = reportFiche(db, alice, { ficheId: f.id, motif: "erreurs", commentaire: "Et l'adresse est fausse." });
    expect(second).toMatchObject({ created: false, signalement: { id: first.signalement.id, motif: "erreurs", commentaire: "Et l'adresse est fausse." } });
    reportFiche(db, bob, { ficheId: f.id, motif: "inapproprie" });
    expect(reportsOf(f.id)).toHaveLength(2);

    const queued = listOpenSignalements(db).filter((s) => s.fiche.id === f.id);
    expect(queued.map((s) => [s.motif, s.reporterName])).toEqual([
      ["erreurs", alice.name],
      ["inapproprie", bob.name],
    ]);
  });

  it("opens a new report once the previous one is resolved", () => {
    const alice = viewer();
    const f = buildFicheWithBody(db, { titre: "Fiche signalée deux fois" });
    const { signalement: first } = reportFiche(db, alice, { ficheId: f.id, motif: "erreurs" });
    resolveSignalement(db, viewer("moderateur"), { signalementId: first.id, resolution: "Corrigé." });
    expect(reportFiche(db, alice, { ficheId: f.id, motif: "erreurs" }).created).toBe(true);
    expect(reportsOf(f.id)).toHaveLength(2);
  });

  it("names the duplicated fiche of a doublon in the comment", () => {
    const f = buildFicheWithBody(db, { titre: "Cours d'informatique" });
    const other = buildFicheWithBody(db, { titre: "Cours d'informatique pour débutants" });
    const { signalement: s } = reportFiche(db, viewer(), { ficheId: f.id, motif: "doublon", commentaire: "Même action.", autreFicheId: other.id });
    expect(s.commentaire).toBe(`Même action.\n\nDoublon de « Cours d'informatique pour débutants » (/fiches/${other.slug})`);
    expect(domainErrorOf(() => reportFiche(db, viewer(), { ficheId: f.id, motif: "doublon", autreFicheId: f.id }))).toMatchObject({ code: "same_fiche", field: "autreFicheId" });
    const draft = buildFicheWithBody(db, { titre: "Brouillon d'un autre", statut: "brouillon" });
    expect(domainErrorOf(() => reportFiche(db, viewer(), { ficheId: f.id, motif: "doublon", autreFicheId: draft.id }))).toMatchObject({ code: "other_not_found" });
  });

  it("refuses visitors, fiches one cannot read and comments over 1000 characters, in French and English", () => {
    const f = buildFicheWithBody(db, { titre: "Publique" });
    expect(domainErrorOf(() => reportFiche(db, null, { ficheId: f.id, motif: "erreurs" }))).toMatchObject({
      code: "unauthenticated",
      messageFr: "Connectez-vous pour signaler un problème.",
      message: "Sign in to report a fiche.",
    });
    const draft = buildFicheWithBody(db, { titre: "Secret", statut: "brouillon", createdBy: buildUser().id });
    expect(domainErrorOf(() => reportFiche(db, viewer(), { ficheId: draft.id, motif: "erreurs" }))?.code).toBe("not_found");
    const hidden = buildFicheWithBody(db, { titre: "Masquée" });
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    expect(domainErrorOf(() => reportFiche(db, viewer(), { ficheId: hidden.id, motif: "erreurs" }))?.code).toBe("not_found");
    expect(domainErrorOf(() => reportFiche(db, viewer(), { ficheId: 999_999, motif: "erreurs" }))?.code).toBe("not_found");
    expect(domainErrorOf(() => reportFiche(db, viewer(), { ficheId: f.id, motif: "erreurs", commentaire: "x".repeat(1001) }))).toMatchObject({ code: "too_long", field: "commentaire" });
    expect(reportsOf(f.id)).toEqual([]);
  });
});

describe("resolveSignalement", () => {
  it("closes a report with who and a note, once", () => {
    const mod = viewer("moderateur");
    const f = buildFicheWithBody(db, { titre: "À corriger" });
    const { signalement: s } = reportFiche(db, viewer(), { ficheId: f.id, motif: "erreurs", commentaire: "Le téléphone est faux." });
    const before = countOpenSignalements(db);

    const resolved = resolveSignalement(db, mod, { signalementId: s.id, resolution: " Numéro corrigé. " });
    expect(resolved).toMatchObject({ resolvedBy: mod.id, resolution: "Numéro corrigé." });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect(countOpenSignalements(db)).toBe(before - 1);
    expect(listOpenSignalements(db).map((r) => r.id)).not.toContain(s.id);
    expect(listResolvedSignalements(db)[0]).toMatchObject({ id: s.id, resolverName: mod.name, resolution: "Numéro corrigé." });

    expect(domainErrorOf(() => resolveSignalement(db, mod, { signalementId: s.id }))?.code).toBe("already_resolved");
    expect(domainErrorOf(() => resolveSignalement(db, mod, { signalementId: 999_999 }))?.code).toBe("not_found");
  });

  it("is for moderators only", () => {
    const f = buildFicheWithBody(db, { titre: "Signalée" });
    const { signalement: s } = reportFiche(db, viewer(), { ficheId: f.id, motif: "obsolete" });
    expect(domainErrorOf(() => resolveSignalement(db, viewer(), { signalementId: s.id }))?.code).toBe("forbidden");
    expect(domainErrorOf(() => resolveSignalement(db, null, { signalementId: s.id }))?.code).toBe("forbidden");
    expect(resolveSignalement(db, viewer("admin"), { signalementId: s.id }).resolution).toBeNull();
  });
});
