import { readFile } from "node:fs/promises";
import path from "node:path";
import { runServiceWorker } from "@/lib/offline/service-worker";
import { chooseStrategy, isStorablePage, SESSION_HEADER } from "@/lib/offline/sw-policy";

// Served by a route rather than from public/: the worker's caches carry the build id, so a new
// build installs a new worker that drops the previous build's files and pages on activation.
export const dynamic = "force-dynamic";

let source: Promise<string> | undefined;

async function readBuildId(): Promise<string> {
  try {
    return (await readFile(path.join(process.cwd(), ".next", "BUILD_ID"), "utf8")).trim();
  } catch {
    return "developpement";
  }
}

async function buildWorkerSource(): Promise<string> {
  const settings = { version: await readBuildId(), offlineUrl: "/hors-ligne", sessionHeader: SESSION_HEADER, maxPages: 100 };
  const policy = `{ chooseStrategy: ${chooseStrategy.toString()}, isStorablePage: ${isStorablePage.toString()} }`;
  return `"use strict";\n(${runServiceWorker.toString()})(self, ${policy}, ${JSON.stringify(settings)});\n`;
}

export async function GET(): Promise<Response> {
  source ??= buildWorkerSource();
  return new Response(await source, {
    headers: { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-cache" },
  });
}
