import path from "node:path";
import { expect } from "vitest";

// Unit tests run without a collaboration server (those that start one register it over this).
// Only server/, app/ and db/ reach the document service: lib/ and components/ never import
// server/ at runtime (eslint.config.mjs), so their tests skip loading it, about a second each.
const root = path.resolve(import.meta.dirname, "../..");
const testFile = path.relative(root, expect.getState().testPath ?? "");
if (/^(server|app|db)\//.test(testFile)) {
  const { registerStorageDocuments } = await import("./storage-documents");
  registerStorageDocuments();
}
