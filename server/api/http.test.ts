import { describe, expect, it } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { createApiToken } from "@/server/api-token";
import { ApiError } from "./errors";
import { apiPreflight, apiRead, apiWrite, jsonResponse, readJsonBody } from "./http";
import { API_RATE_LIMITS } from "./rate-limit";
import { apiRequest, callRoute, jsonOf, newClientIp } from "./testing";

const db = getTestDb();

const read = apiRead(({ request, viewer }) => jsonResponse(request, { viewer: viewer?.id ?? null }));
const write = apiWrite(async ({ request, viewer }) => jsonResponse(request, { viewer: viewer.id, body: await readJsonBody(request) }, { status: 201 }));
const failing = apiRead(() => {
  throw new Error("disk on fire");
});

let tokens = 0;
const newToken = () => createApiToken(db, getViewerById(db, buildUser().id), `Jeton ${++tokens}`).token;

describe("API HTTP layer", () => {
  it("opens reads to every origin and answers their preflight, but never writes'", async () => {
    const get = await callRoute(read, apiRequest("/api/v1/x", { headers: { origin: "https://ailleurs.example" } }));
    expect(get.headers.get("access-control-allow-origin")).toBe("*");
    expect(get.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(get.headers.get("access-control-expose-headers")).toContain("Link");
    expect(get.headers.get("vary")).toBe("Authorization");

    const preflight = await apiPreflight();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("Authorization, If-None-Match");

    const post = await callRoute(write, apiRequest("/api/v1/x", { token: newToken(), body: { a: 1 }, headers: { origin: "https://ailleurs.example" } }));
    expect(post.status).toBe(201);
    expect(post.headers.get("access-control-allow-origin")).toBeNull();
    expect(post.headers.get("cache-control")).toBe("no-store");
  });

  it("reads a token when one is given, and refuses a wrong Authorization rather than reading as anonymous", async () => {
    const owner = buildUser();
    const token = createApiToken(db, getViewerById(db, owner.id), "Lecture").token;
    expect((await jsonOf(await callRoute(read, apiRequest("/api/v1/x", { token })))).body).toEqual({ viewer: owner.id });
    expect((await jsonOf(await callRoute(read, apiRequest("/api/v1/x")))).body).toEqual({ viewer: null });

    const basic = await callRoute(read, apiRequest("/api/v1/x", { headers: { authorization: "Basic dXNlcjpwYXNz" } }));
    expect(basic.status).toBe(401);
    expect(basic.headers.get("www-authenticate")).toBe('Bearer realm="wiki", error="invalid_request"');
    expect((await basic.json()).error.code).toBe("invalid_authorization");
    const unknown = await jsonOf(await callRoute(read, apiRequest("/api/v1/x", { token: `wsn_${"x".repeat(43)}` })));
    expect(unknown).toEqual({ status: 401, body: { error: { code: "invalid_token", message: "This API token is unknown, revoked, or its account is disabled." } } });
  });

  it("limits anonymous reads per client address, with RateLimit headers and a 429 in the error shape", async () => {
    const ip = newClientIp();
    let last: Response | null = null;
    for (let i = 0; i < API_RATE_LIMITS.anonymous; i++) {
      last = await callRoute(read, apiRequest("/api/v1/x", { ip }));
      expect(last.status).toBe(200);
    }
    expect(last!.headers.get("ratelimit-limit")).toBe(String(API_RATE_LIMITS.anonymous));
    expect(last!.headers.get("ratelimit-remaining")).toBe("0");
    expect(last!.headers.get("ratelimit-policy")).toBe(`${API_RATE_LIMITS.anonymous};w=${API_RATE_LIMITS.windowSeconds}`);

    const refused = await callRoute(read, apiRequest("/api/v1/x", { ip }));
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(API_RATE_LIMITS.windowSeconds);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");
    const { body } = await jsonOf(refused);
    expect(body.error).toMatchObject({ code: "rate_limited" });
    expect(body.error?.message).toMatch(/^Too many requests: at most 60 per 60 seconds per client address without a token\. Retry in \d+ s\.$/);

    // A failed authentication counts against the address too, so that tokens cannot be tried in bulk.
    expect((await callRoute(read, apiRequest("/api/v1/x", { ip, token: `wsn_${"y".repeat(43)}` }))).status).toBe(429);
    // Another address, and a token from the same address, have their own allowance.
    expect((await callRoute(read, apiRequest("/api/v1/x"))).status).toBe(200);
    const withToken = await callRoute(read, apiRequest("/api/v1/x", { ip, token: newToken() }));
    expect(withToken.status).toBe(200);
    expect(withToken.headers.get("ratelimit-limit")).toBe(String(API_RATE_LIMITS.token));
  });

  it("refuses bodies that are not a JSON object, or too large", async () => {
    const token = newToken();
    const cases: [string, Record<string, string> | undefined, number, string][] = [
      ["[1, 2]", undefined, 400, "invalid_body"],
      ["null", undefined, 400, "invalid_body"],
      ["{}", { "content-type": "text/plain" }, 415, "unsupported_media_type"],
      [JSON.stringify({ texte: "x".repeat(300 * 1024) }), undefined, 413, "payload_too_large"],
    ];
    for (const [body, headers, status, code] of cases) {
      const response = await jsonOf(await callRoute(write, apiRequest("/api/v1/x", { token, body, headers })));
      expect([response.status, response.body.error?.code]).toEqual([status, code]);
    }
    const json = await jsonOf(await callRoute(write, apiRequest("/api/v1/x", { token, body: "{}", headers: { "content-type": "application/merge-patch+json; charset=utf-8" } })));
    expect(json.status).toBe(201);
  });

  it("answers an unexpected error with a 500 that tells nothing of it", async () => {
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      const { status, body } = await jsonOf(await callRoute(failing, apiRequest("/api/v1/x")));
      expect(status).toBe(500);
      expect(JSON.stringify(body)).not.toContain("disk on fire");
      expect(body.error?.code).toBe("internal");
      expect(errors).toHaveLength(1);
    } finally {
      console.error = original;
    }
    expect(new ApiError(404, "not_found", "x").body()).toEqual({ error: { code: "not_found", message: "x" } });
  });
});
