// A second writer for catalogue-module.test.ts: its own process and SQLite connection on the test's
// DATA_DIR, moving items and modules at random (or adding modules) once the parent says "go", to race the other writer.
import { getDb } from "@/db/client";
import { SYSTEM } from "./authorize";
import { DomainError } from "./errors";
import { addModule, moveItem, moveModule } from "./catalogue-module";

type Order = { catalogueId: number; moduleIds: number[]; itemIds: number[]; moves: number; seed: number } | { catalogueId: number; addModules: string[] };

// A small deterministic generator, so that a failing run can be replayed with the same seed.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function addModules(catalogueId: number, titres: string[]): void {
  const db = getDb();
  try {
    for (const titre of titres) addModule(db, SYSTEM, catalogueId, { titre, description: "" });
  } catch (error) {
    process.send!({ error: error instanceof DomainError ? `${error.code}: ${error.message}` : String(error) });
    process.exit(1);
  }
  process.send!({ done: titres.length }, () => process.exit(0));
}

process.on("message", (order: Order) => {
  if ("addModules" in order) return addModules(order.catalogueId, order.addModules);
  const db = getDb();
  const next = random(order.seed);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)];
  let done = 0;
  for (let n = 0; n < order.moves; n++) {
    try {
      if (next() < 0.2) moveModule(db, SYSTEM, order.catalogueId, pick(order.moduleIds), Math.floor(next() * order.moduleIds.length));
      else moveItem(db, SYSTEM, order.catalogueId, pick(order.itemIds), pick(order.moduleIds), Math.floor(next() * 8));
      done++;
    } catch (error) {
      // A domain refusal would mean a lost item or module: report it, as any other failure.
      process.send!({ error: error instanceof DomainError ? `${error.code}: ${error.message}` : String(error) });
      process.exit(1);
    }
  }
  process.send!({ done }, () => process.exit(0));
});
process.send!({ ready: true });
