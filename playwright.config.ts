import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { chromiumLaunchOptions } from "./e2e/chromium";

const port = Number(process.env.E2E_PORT || 3100);
// A fresh DATA_DIR per run: the production build serves an empty wiki seeded at start.
const dataDir = process.env.E2E_DATA_DIR || fs.mkdtempSync(path.join(os.tmpdir(), "wiki-e2e-"));
process.env.E2E_DATA_DIR = dataDir;

export default defineConfig({
  testDir: "./e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: "fr-FR",
    trace: "retain-on-failure",
    launchOptions: chromiumLaunchOptions,
  },
  webServer: {
    command: "npx tsx server/index.ts",
    url: `http://localhost:${port}/`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "production",
      // Revisions after 1.5 s without an edit, so that e2e/historique.spec.ts does not wait 30 s.
      COLLAB_REVISION_QUIET_MS: "1500",
      // As behind a reverse proxy: e2e/accounts.spec.ts signs in from several addresses.
      TRUST_PROXY: "1",
    },
  },
});
