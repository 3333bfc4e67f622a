import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "./document";

const V1 = path.resolve(import.meta.dirname, "..");
const METHODS = ["GET", "POST", "PATCH", "PUT", "DELETE"] as const;

/** Every route.ts under app/api/v1, as its URL path in OpenAPI form ("/api/v1/fiches/{slug}"). */
function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function openApiPath(file: string): string {
  const segments = path.relative(V1, path.dirname(file)).split(path.sep).filter(Boolean);
  return ["/api/v1", ...segments.map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
}

describe("OpenAPI document", () => {
  const document = openApiDocument("https://wiki.example.org");
  const files = routeFiles(V1);

  it("documents every route handler file of app/api/v1, and every method it exports", async () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    for (const file of files) {
      const route = openApiPath(file);
      const documented = (document.paths as Record<string, Record<string, unknown>>)[route];
      expect(documented, `${route} (${path.relative(V1, file)}) is missing from the OpenAPI document`).toBeDefined();
      const handlers = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        expect(Boolean(documented[method.toLowerCase()]), `${method} ${route}`).toBe(typeof handlers[method] === "function");
      }
    }
  });

  it("documents no path without a route handler", () => {
    const served = new Set(files.map(openApiPath));
    expect(Object.keys(document.paths).filter((p) => !served.has(p))).toEqual([]);
  });

  it("resolves every $ref it uses", () => {
    const text = JSON.stringify(document);
    const refs = [...text.matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of new Set(refs)) {
      const target = ref.split("/").reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], document);
      expect(target, `#/${ref}`).toBeDefined();
    }
  });

  it("gives every operation an id, an English and a French summary, and unique ids", () => {
    const operations = Object.values(document.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op.summary.length).toBeGreaterThan(3);
      expect(op["x-summary-fr"].length).toBeGreaterThan(3);
    }
    expect(document.openapi).toBe("3.1.0");
    expect(document.servers).toEqual([{ url: "https://wiki.example.org" }]);
  });
});
