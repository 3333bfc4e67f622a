import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

// Each test file runs in its own process with its own DATA_DIR, so it gets a fresh SQLite file
// migrated by the real migrations the first time it asks for the database (see db/testing.ts).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-test-"));
process.env.DATA_DIR = dir;
process.env.NEXTAUTH_SECRET = "test-secret-not-for-production";

afterAll(async () => {
  const { closeDatabases } = await import("./client");
  closeDatabases();
  fs.rmSync(dir, { recursive: true, force: true });
});
