import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { asc, eq, inArray } from "drizzle-orm";
import { buildUser } from "@/db/factories";
import { getViewerById } from "@/db/queries/viewer";
import { getTestDb } from "@/db/testing";
import { catalogueItem, catalogueModule, fiche } from "@/db/schema";
import type { Viewer } from "@/lib/policies/viewer";
import { SYSTEM } from "./authorize";
import { createCatalogue } from "./catalogue";
import { addFicheToModule, addModule, moveItem, moveModule, removeItem, removeModule, renameModule, updateItem } from "./catalogue-module";
import { DomainError } from "./errors";
import { insertFiche } from "./fiche";

function buildViewer(role: "contributeur" | "moderateur" = "contributeur"): Viewer {
  return getViewerById(getTestDb(), buildUser({ role }).id)!;
}

let ficheCount = 0;
function buildFiche(createdBy: number | null = null, statut: "brouillon" | "publiee" = "publiee") {
  return insertFiche(getTestDb(), { type: "pratique", titre: `Fiche ${++ficheCount}`, createdBy, statut });
}

/** A catalogue with modules holding fresh published fiches: sizes [2, 3] gives two modules of 2 and 3 items. */
function buildCatalogue(owner: Viewer, sizes: number[]) {
  const db = getTestDb();
  const created = createCatalogue(db, owner, { titre: "Former les bénévoles", description: "", publicVise: "", objectifs: "", duree: "" });
  const modules = sizes.map((size, m) => {
    const { id } = addModule(db, owner, created.id, { titre: `Module ${m + 1}`, description: "" });
    const items = Array.from({ length: size }, () => addFicheToModule(db, owner, created.id, { moduleId: id, ficheId: buildFiche().id, note: "", duree: "" }).id);
    return { id, items };
  });
  return { catalogueId: created.id, modules };
}

/** Each module's item ids in order, after checking that modules and items are numbered 0, 1, 2… */
function layout(catalogueId: number): number[][] {
  const db = getTestDb();
  const modules = db.select().from(catalogueModule).where(eq(catalogueModule.catalogueId, catalogueId)).orderBy(asc(catalogueModule.position)).all();
  expect(modules.map((m) => m.position)).toEqual(modules.map((_, i) => i));
  return modules.map((m) => {
    const items = db.select().from(catalogueItem).where(eq(catalogueItem.moduleId, m.id)).orderBy(asc(catalogueItem.position)).all();
    expect(items.map((i) => i.position), `positions of module ${m.titre}`).toEqual(items.map((_, i) => i));
    return items.map((i) => i.id);
  });
}

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
  return undefined;
}

describe("item ordering", () => {
  it("moves an item up and down within its module, clamping at both ends", () => {
    const db = getTestDb();
    const { catalogueId, modules } = buildCatalogue(buildViewer(), [4]);
    const [a, b, c, d] = modules[0].items;
    expect(moveItem(db, SYSTEM, catalogueId, c, modules[0].id, 1)).toMatchObject({ position: 1, count: 4 });
    expect(layout(catalogueId)).toEqual([[a, c, b, d]]);
    moveItem(db, SYSTEM, catalogueId, a, modules[0].id, 2);
    expect(layout(catalogueId)).toEqual([[c, b, a, d]]);
    expect(moveItem(db, SYSTEM, catalogueId, b, modules[0].id, 99)).toMatchObject({ position: 3 });
    expect(layout(catalogueId)).toEqual([[c, a, d, b]]);
    moveItem(db, SYSTEM, catalogueId, b, modules[0].id, 0);
    expect(layout(catalogueId)).toEqual([[b, c, a, d]]);
  });

  it("moves an item across modules and closes the gap it leaves", () => {
    const db = getTestDb();
    const { catalogueId, modules } = buildCatalogue(buildViewer(), [3, 2]);
    const [[a, b, c], [d, e]] = modules.map((m) => m.items);
    expect(moveItem(db, SYSTEM, catalogueId, b, modules[1].id, 1)).toMatchObject({ moduleId: modules[1].id, moduleTitre: "Module 2", position: 1, count: 3 });
    expect(layout(catalogueId)).toEqual([[a, c], [d, b, e]]);
    moveItem(db, SYSTEM, catalogueId, a, modules[1].id, 99);
    moveItem(db, SYSTEM, catalogueId, c, modules[1].id, 0);
    expect(layout(catalogueId)).toEqual([[], [c, d, b, e, a]]);
    moveItem(db, SYSTEM, catalogueId, e, modules[0].id, 5);
    expect(layout(catalogueId)).toEqual([[e], [c, d, b, a]]);
  });

  it("applies moves computed from the same stale view to the order as it stands", () => {
    const db = getTestDb();
    const { catalogueId, modules } = buildCatalogue(buildViewer(), [4]);
    const [a, b, c, d] = modules[0].items;
    // Two people see [a, b, c, d]; one moves d to the top, the other c to the top.
    moveItem(db, SYSTEM, catalogueId, d, modules[0].id, 0);
    moveItem(db, SYSTEM, catalogueId, c, modules[0].id, 0);
    expect(layout(catalogueId)).toEqual([[c, d, a, b]]);
    // Someone removes b while another person moves it: the move is refused, nothing else changes.
    removeItem(db, SYSTEM, catalogueId, b);
    expect(codeOf(() => moveItem(db, SYSTEM, catalogueId, b, modules[0].id, 0))).toBe("item_not_found");
    expect(layout(catalogueId)).toEqual([[c, d, a]]);
  });

  it("refuses an item or a module of another catalogue, and changes nothing", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const mine = buildCatalogue(owner, [2]);
    const other = buildCatalogue(owner, [2]);
    expect(codeOf(() => moveItem(db, SYSTEM, mine.catalogueId, other.modules[0].items[0], mine.modules[0].id, 0))).toBe("item_not_found");
    expect(codeOf(() => moveItem(db, SYSTEM, mine.catalogueId, mine.modules[0].items[1], other.modules[0].id, 0))).toBe("module_not_found");
    expect(codeOf(() => moveModule(db, SYSTEM, mine.catalogueId, other.modules[0].id, 0))).toBe("module_not_found");
    expect(codeOf(() => removeItem(db, SYSTEM, mine.catalogueId, other.modules[0].items[0]))).toBe("item_not_found");
    expect(codeOf(() => renameModule(db, SYSTEM, mine.catalogueId, other.modules[0].id, { titre: "Volé", description: "" }))).toBe("module_not_found");
    expect(layout(mine.catalogueId)).toEqual([mine.modules[0].items]);
    expect(layout(other.catalogueId)).toEqual([other.modules[0].items]);
  });

  it("appends added fiches at the end of their module, and renumbers after a removal", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const { catalogueId, modules } = buildCatalogue(owner, [3]);
    const [a, b, c] = modules[0].items;
    removeItem(db, SYSTEM, catalogueId, a);
    const added = addFicheToModule(db, owner, catalogueId, { moduleId: modules[0].id, ficheId: buildFiche().id, note: "Pour lancer", duree: "30 min" });
    expect(layout(catalogueId)).toEqual([[b, c, added.id]]);
    expect(db.select().from(catalogueItem).where(eq(catalogueItem.id, added.id)).get()).toMatchObject({ note: "Pour lancer", duree: "30 min", position: 2 });
  });
});

describe("module ordering", () => {
  it("moves modules and keeps their items, and removing one closes the gap", () => {
    const db = getTestDb();
    const { catalogueId, modules } = buildCatalogue(buildViewer(), [1, 2, 1]);
    const [m1, m2, m3] = modules;
    expect(moveModule(db, SYSTEM, catalogueId, m3.id, 0)).toEqual({ position: 0, count: 3 });
    expect(layout(catalogueId)).toEqual([m3.items, m1.items, m2.items]);
    moveModule(db, SYSTEM, catalogueId, m3.id, 7);
    expect(layout(catalogueId)).toEqual([m1.items, m2.items, m3.items]);
    expect(removeModule(db, SYSTEM, catalogueId, m2.id)).toEqual({ titre: "Module 2" });
    expect(layout(catalogueId)).toEqual([m1.items, m3.items]);
    expect(db.select().from(catalogueItem).where(inArray(catalogueItem.id, m2.items)).all()).toEqual([]);
    expect(addModule(db, SYSTEM, catalogueId, { titre: "Module 4", description: "" }).position).toBe(2);
  });
});

describe("adding fiches", () => {
  it("refuses someone else's draft and a hidden fiche, accepts one's own draft, and refuses a fiche twice", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const { catalogueId, modules } = buildCatalogue(owner, [0, 0]);
    const add = (ficheId: number, moduleId = modules[0].id) => () => addFicheToModule(db, owner, catalogueId, { moduleId, ficheId, note: "", duree: "" });
    const othersDraft = buildFiche(buildViewer().id, "brouillon");
    expect(codeOf(add(othersDraft.id))).toBe("fiche_unavailable");
    const hidden = buildFiche();
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    expect(codeOf(add(hidden.id))).toBe("fiche_unavailable");
    expect(codeOf(add(999_999))).toBe("fiche_unavailable");
    const ownDraft = buildFiche(owner.id, "brouillon");
    expect(codeOf(add(ownDraft.id))).toBeUndefined();
    expect(codeOf(add(ownDraft.id, modules[1].id))).toBe("fiche_already_in_catalogue");
    expect(layout(catalogueId).map((items) => items.length)).toEqual([1, 0]);
  });
});

describe("who may change the modules and items", () => {
  it("refuses a stranger and a visitor every module and item command, and changes nothing", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const { catalogueId, modules } = buildCatalogue(owner, [2, 1]);
    const [a, b] = modules[0].items;
    const before = layout(catalogueId);
    for (const who of [buildViewer(), null]) {
      const attempts = [
        () => addModule(db, who, catalogueId, { titre: "Intrus", description: "" }),
        () => renameModule(db, who, catalogueId, modules[0].id, { titre: "Volé", description: "" }),
        () => moveModule(db, who, catalogueId, modules[1].id, 0),
        () => removeModule(db, who, catalogueId, modules[1].id),
        () => addFicheToModule(db, who, catalogueId, { moduleId: modules[0].id, ficheId: buildFiche().id, note: "", duree: "" }),
        () => updateItem(db, who, catalogueId, a, { note: "Vandale", duree: "" }),
        () => moveItem(db, who, catalogueId, b, modules[0].id, 0),
        () => removeItem(db, who, catalogueId, a),
      ];
      for (const attempt of attempts) expect(codeOf(attempt)).toBe("forbidden");
    }
    expect(layout(catalogueId)).toEqual(before);
    expect(db.select().from(catalogueModule).where(eq(catalogueModule.id, modules[0].id)).get()).toMatchObject({ titre: "Module 1" });
    expect(db.select().from(catalogueItem).where(eq(catalogueItem.id, a)).get()).toMatchObject({ note: "" });
  });

  it("lets an owner and a moderator change modules and items", () => {
    const db = getTestDb();
    const owner = buildViewer();
    const moderateur = buildViewer("moderateur");
    const { catalogueId, modules } = buildCatalogue(owner, [2]);
    const [a, b] = modules[0].items;
    const added = addModule(db, moderateur, catalogueId, { titre: "Par la modération", description: "" });
    renameModule(db, owner, catalogueId, added.id, { titre: "Renommé", description: "" });
    expect(moveModule(db, moderateur, catalogueId, added.id, 0)).toEqual({ position: 0, count: 2 });
    updateItem(db, moderateur, catalogueId, a, { note: "Relue", duree: "1 h" });
    moveItem(db, owner, catalogueId, b, added.id, 0);
    const c = addFicheToModule(db, moderateur, catalogueId, { moduleId: added.id, ficheId: buildFiche().id, note: "", duree: "" }).id;
    expect(layout(catalogueId)).toEqual([[b, c], [a]]);
    removeItem(db, moderateur, catalogueId, c);
    expect(removeModule(db, owner, catalogueId, added.id)).toEqual({ titre: "Renommé" });
    expect(layout(catalogueId)).toEqual([[a]]);
    expect(db.select().from(catalogueItem).where(eq(catalogueItem.id, a)).get()).toMatchObject({ note: "Relue", duree: "1 h" });
  });
});

const children: ChildProcess[] = [];
afterAll(() => children.forEach((child) => child.kill("SIGKILL")));

function startWriter(): Promise<ChildProcess> {
  const child = fork(path.join(import.meta.dirname, "catalogue-module.reorder-worker.ts"), {
    execArgv: ["--import", "tsx"],
    env: process.env,
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    child.once("message", () => resolve(child));
    child.once("exit", (code) => reject(new Error(`writer exited early with code ${code}`)));
  });
}

function finish(child: ChildProcess): Promise<{ done?: number; error?: string }> {
  return new Promise((resolve) => {
    let last: { done?: number; error?: string } = { error: "no report" };
    child.on("message", (message: { done?: number; error?: string }) => (last = message));
    child.once("exit", () => resolve(last));
  });
}

describe("concurrent reordering", () => {
  it("keeps every item once and positions dense when two processes reorder the same catalogue at once", async () => {
    const { catalogueId, modules } = buildCatalogue(buildViewer(), [5, 4, 3]);
    const itemIds = modules.flatMap((m) => m.items);
    const writers = await Promise.all([startWriter(), startWriter()]);
    const reports = writers.map(finish);
    // Both writers start together, once both are loaded, so that their transactions interleave. A hundred
    // moves each are plenty: with deferred instead of immediate transactions, 25 already fail.
    writers.forEach((child, i) => child.send({ catalogueId, moduleIds: modules.map((m) => m.id), itemIds, moves: 100, seed: 17 + i }));
    expect(await Promise.all(reports)).toEqual([{ done: 100 }, { done: 100 }]);
    const after = layout(catalogueId);
    expect(after.flat().sort((x, y) => x - y)).toEqual([...itemIds].sort((x, y) => x - y));
  });
});

describe("concurrent adds", () => {
  it("keeps every module, each writer's in the order it sent them, when they are added without waiting", async () => {
    const db = getTestDb();
    const owner = buildViewer();
    const { id: catalogueId } = createCatalogue(db, owner, { titre: "Dix modules", description: "", publicVise: "", objectifs: "", duree: "" });
    const titres = (prefix: string) => Array.from({ length: 10 }, (_, n) => `${prefix} ${n + 1}`);
    const writers = await Promise.all([startWriter(), startWriter()]);
    const reports = writers.map(finish);
    writers.forEach((child, i) => child.send({ catalogueId, addModules: titres(`Écrivain ${i + 1}`) }));
    // Meanwhile, ten adds from this process, none waiting for the previous one.
    const here = await Promise.all(titres("Ici").map(async (titre) => addModule(db, owner, catalogueId, { titre, description: "" })));
    expect(await Promise.all(reports)).toEqual([{ done: 10 }, { done: 10 }]);
    expect(layout(catalogueId)).toHaveLength(30);
    const stored = db.select().from(catalogueModule).where(eq(catalogueModule.catalogueId, catalogueId)).orderBy(asc(catalogueModule.position)).all();
    expect(stored.filter((m) => m.titre.startsWith("Ici")).map((m) => m.id)).toEqual(here.map((m) => m.id));
    for (const prefix of ["Ici", "Écrivain 1", "Écrivain 2"]) expect(stored.map((m) => m.titre).filter((t) => t.startsWith(`${prefix} `))).toEqual(titres(prefix));
  });
});
