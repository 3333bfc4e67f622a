import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { fiche } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import type { Viewer } from "@/lib/policies/viewer";
import { CLIENT_IP_HEADER } from "../auth/client-ip";
import { exportRateLimiters, matchesEtag, serveSiteExport } from "./download";
import { countExportBuilds } from "./store";
import { buildExportFiche } from "./test-fiches";

// The session comes from Next's cookies, which a unit test has not: each test says who asks.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("../session", () => ({ getCurrentViewer: async () => session.viewer }));

const db = getTestDb();
const published = buildExportFiche(db, { titre: "Atelier tablette de Bègles" });

function get(name: "fiches.csv" | "fiches.zip", ip: string, headers: Record<string, string> = {}) {
  return serveSiteExport(new Request(`http://wiki.test/export/${name}`, { headers: { [CLIENT_IP_HEADER]: ip, ...headers } }), name);
}

describe("downloads of /export", () => {
  it("stream the stored file with a strong ETag, and answer 304 to If-None-Match without rebuilding", async () => {
    session.viewer = null;
    const first = await get("fiches.csv", "192.0.2.1");
    expect(first.status).toBe(200);
    expect(first.headers.get("content-disposition")).toMatch(/^attachment; filename="fiches-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(first.headers.get("cache-control")).toBe("no-cache");
    expect(first.headers.get("link")).toMatch(/rel="license"$/);
    const bytes = Buffer.from(await first.arrayBuffer());
    expect(bytes.toString("utf8")).toContain(published.titre);
    expect(Number(first.headers.get("content-length"))).toBe(bytes.length);
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^"[\w-]+"$/);

    const builds = countExportBuilds();
    const again = await get("fiches.csv", "192.0.2.1", { "if-none-match": `"other", ${etag}` });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(countExportBuilds()).toBe(builds);

    db.update(fiche).set({ titre: "Atelier tablette de Bègles (mardi)" }).where(eq(fiche.id, published.id)).run();
    const changed = await get("fiches.csv", "192.0.2.1", { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect(await changed.text()).toContain("Atelier tablette de Bègles (mardi)");
    expect(countExportBuilds()).toBe(builds + 1);
  });

  it("refuse an address over its limit with 429, Retry-After and a French message, a page with a way back for a browser", async () => {
    session.viewer = null;
    const { limit } = exportRateLimiters().anonymous;
    for (let i = 0; i < limit; i++) expect((await get("fiches.csv", "192.0.2.2")).status).toBe(200);

    const refused = await get("fiches.csv", "192.0.2.2");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await refused.text()).toMatch(/^Trop de téléchargements depuis votre adresse : au plus 20 en 10 minutes\. Réessayez dans \d+ minutes?\.\n$/);

    const page = await get("fiches.zip", "192.0.2.2", { accept: "text/html,application/xhtml+xml" });
    expect(page.status).toBe(429);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain("Trop de téléchargements depuis votre adresse");
    expect(html).toContain('<a href="/export">Retour à la page des exports</a>');

    // Another address is not affected.
    expect((await get("fiches.csv", "192.0.2.3")).status).toBe(200);
  });

  it("count a signed-in person's downloads against their account, with a higher limit than an address", async () => {
    session.viewer = { id: 4242, name: "Camille", role: "contributeur", acteurIds: [] };
    const { anonymous, account } = exportRateLimiters();
    expect(account.limit).toBeGreaterThan(anonymous.limit);
    for (let i = 0; i < anonymous.limit + 1; i++) expect((await get("fiches.csv", "192.0.2.4")).status).toBe(200);
    // Their address was not counted: a visitor behind the same address still downloads.
    session.viewer = null;
    expect((await get("fiches.csv", "192.0.2.4")).status).toBe(200);
  });
});

describe("matchesEtag", () => {
  it("match a listed tag, a weak form of it or *, and nothing else", () => {
    expect(matchesEtag('"a"', '"a"')).toBe(true);
    expect(matchesEtag('W/"a"', '"a"')).toBe(true);
    expect(matchesEtag('"b", "a"', '"a"')).toBe(true);
    expect(matchesEtag("*", '"a"')).toBe(true);
    expect(matchesEtag('"b"', '"a"')).toBe(false);
    expect(matchesEtag("a", '"a"')).toBe(false);
    expect(matchesEtag(null, '"a"')).toBe(false);
  });
});
