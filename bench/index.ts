/**
 * Runs benchmarks: `npm run bench -- collab` runs bench/collab.ts, `npm run bench` runs them all.
 * A benchmark is a top-level bench/<name>.ts exporting `run(): Promise<void>` that prints its figures.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { registerStorageDocuments } from "@/server/collab/storage-documents";

// Benchmarks write their data through insertFiche before any server runs.
registerStorageDocuments();
const dir = import.meta.dirname;
const available = fs
  .readdirSync(dir)
  .filter((file) => file.endsWith(".ts") && file !== "index.ts")
  .map((file) => file.slice(0, -".ts".length))
  .sort();
const requested = process.argv.slice(2).filter((arg) => !arg.startsWith("-"));
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; available: ${available.join(", ")}`);
  process.exit(2);
}
for (const name of requested.length > 0 ? requested : available) {
  const benchmark = (await import(pathToFileURL(path.join(dir, `${name}.ts`)).href)) as { run?: () => Promise<void> };
  if (typeof benchmark.run !== "function") throw new Error(`bench/${name}.ts does not export run()`);
  console.log(`\n== ${name} ==`);
  await benchmark.run();
}
