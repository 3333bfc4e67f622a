import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ensureSessionSecret } from "./config";

const modeOf = (target: string) => fs.statSync(target).mode & 0o777;

afterEach(() => vi.unstubAllEnvs());

describe("ensureSessionSecret", () => {
  it("keeps a generated secret 0600 in a 0700 DATA_DIR, tightening the ones left readable by others", () => {
    const dir = path.join(process.env.DATA_DIR!, "secret-test");
    fs.mkdirSync(dir, { mode: 0o755 });
    fs.chmodSync(dir, 0o755);
    vi.stubEnv("DATA_DIR", dir);
    vi.stubEnv("NEXTAUTH_SECRET", "");
    const secret = ensureSessionSecret();
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "session-secret"))).toBe(0o600);

    fs.chmodSync(dir, 0o755);
    fs.chmodSync(path.join(dir, "session-secret"), 0o644);
    expect(ensureSessionSecret()).toBe(secret);
    expect(modeOf(dir)).toBe(0o700);
    expect(modeOf(path.join(dir, "session-secret"))).toBe(0o600);
  });
});
