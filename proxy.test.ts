import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { isSameOrigin, proxy } from "./proxy";

function post(path: string, headers: Record<string, string>): NextRequest {
  return new NextRequest(`http://wiki.example${path}`, { method: "POST", headers: { host: "wiki.example", ...headers } });
}

describe("isSameOrigin", () => {
  it("accepts the request's own host and refuses others, opaque and unparsable origins", () => {
    expect(isSameOrigin("https://wiki.example", "wiki.example")).toBe(true);
    expect(isSameOrigin("https://evil.example", "wiki.example")).toBe(false);
    expect(isSameOrigin("null", "wiki.example")).toBe(false);
    expect(isSameOrigin("not a url", "wiki.example")).toBe(false);
    expect(isSameOrigin("file:///etc/passwd", "wiki.example")).toBe(false);
    expect(isSameOrigin(null, "wiki.example")).toBe(false);
    expect(isSameOrigin("https://wiki.example", null)).toBe(false);
  });
});

describe("proxy", () => {
  it("refuses a cookie-authenticated API write with Origin: null with a 403, not a 500", async () => {
    const response = proxy(post("/api/fiches/x/restore", { origin: "null" }));
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "csrf", message: expect.stringContaining("Cross-site") } });
  });

  it("refuses a foreign or missing Origin the same way", async () => {
    const cases: Record<string, string>[] = [{ origin: "https://evil.example" }, {}];
    for (const headers of cases) {
      const response = proxy(post("/api/fiches/x/restore", headers));
      expect(response.status).toBe(403);
      expect((await response.json()).error.code).toBe("csrf");
    }
  });

  it("lets a same-origin write through with a CSP nonce", () => {
    const response = proxy(post("/api/fiches/x/restore", { origin: "http://wiki.example" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Security-Policy")).toContain("'nonce-");
  });
});
