import fs from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { expect, test } from "@playwright/test";

const built = ".next";
const server = path.join(built, "server");

function filesUnder(dir: string, suffix: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(suffix))
    .map((entry) => path.join(entry.parentPath, entry.name));
}

type ClientManifest = { ssrModuleMapping: Record<string, Record<string, { chunks: string[] }>> };

/**
 * The chunks the server loads as soon as it serves a route: those each route's entry requires
 * (R.c) and those of the server render of its client components. A chunk only a client
 * component's import() loads (the editor's, with ssr: false) never runs on the server.
 */
function eagerServerChunks(): Set<string> {
  const chunks = new Set<string>();
  const entries = filesUnder(path.join(server, "app"), ".js").filter((file) => !file.endsWith("_client-reference-manifest.js"));
  for (const entry of entries) {
    for (const [, chunk] of fs.readFileSync(entry, "utf8").matchAll(/R\.c\("([^"]+)"\)/g)) chunks.add(chunk);
  }
  for (const file of filesUnder(path.join(server, "app"), "_client-reference-manifest.js")) {
    const sandbox: { __RSC_MANIFEST?: Record<string, ClientManifest> } = {};
    vm.runInNewContext(fs.readFileSync(file, "utf8"), { globalThis: sandbox });
    for (const manifest of Object.values(sandbox.__RSC_MANIFEST ?? {})) {
      for (const mapping of Object.values(manifest.ssrModuleMapping)) for (const chunk of mapping["*"]?.chunks ?? []) chunks.add(chunk);
    }
  }
  return chunks;
}

// The collaboration server's graph holds the process's one copy of Yjs; a second one, in Next's
// bundle, breaks Yjs's constructor checks on documents that cross between them. Next reaches
// fiches' content through the document service, with plain data (server/collab/documents.ts).
test("Next's server code loads no copy of Yjs", () => {
  const chunks = [...eagerServerChunks()];
  // A broken read (no build, another layout) must fail here rather than find nothing.
  expect(chunks.length, "the routes' server chunks were found").toBeGreaterThan(50);
  expect(chunks.filter((chunk) => chunk.startsWith("server/chunks/ssr/")).length).toBeGreaterThan(0);
  // Yjs's own warning against a second copy is in its source: a chunk holding it holds Yjs.
  const withYjs = chunks.filter((chunk) => fs.readFileSync(path.join(built, chunk), "utf8").includes("Yjs was already imported"));
  expect(withYjs).toEqual([]);
});
