import * as argon2 from "@node-rs/argon2";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { buildUser } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { hashPassword } from "@/server/user";
import { FREE_FAILURES_PER_PAIR, SignInThrottle } from "./rate-limit";
import { SIGN_IN_FAILED, signInWithPassword, tooManyAttemptsMessage } from "./sign-in";

// Count every password verification, while still running the real argon2.
vi.mock("@node-rs/argon2", async (importOriginal) => {
  const real = await importOriginal<typeof import("@node-rs/argon2")>();
  return { ...real, verify: vi.fn(real.verify) };
});

const db = getTestDb();
const PASSWORD = "le bon mot de passe";

async function buildAdmin() {
  return buildUser({ role: "admin", passwordHash: await hashPassword(PASSWORD) });
}

describe("signInWithPassword", () => {
  // Braces: a function returned by beforeEach would be run as its teardown.
  beforeEach(() => {
    vi.mocked(argon2.verify).mockClear();
  });

  it("lets at most the free failures of a pair reach argon2 when 60 wrong attempts arrive at once", async () => {
    const admin = await buildAdmin();
    const throttle = new SignInThrottle();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signInWithPassword(db, throttle, { email: admin.email, password: `mauvais ${i}`, address: "203.0.113.7" })),
    );
    expect(vi.mocked(argon2.verify)).toHaveBeenCalledTimes(FREE_FAILURES_PER_PAIR);
    expect(results.filter((r) => !r.ok && r.message === SIGN_IN_FAILED)).toHaveLength(FREE_FAILURES_PER_PAIR);
    expect(results.filter((r) => !r.ok && r.message.startsWith("Trop de tentatives : réessayez dans"))).toHaveLength(60 - FREE_FAILURES_PER_PAIR);
  });

  it("lets the admin sign in from their own address after a stranger's 50 failures", async () => {
    const admin = await buildAdmin();
    let now = 0;
    const throttle = new SignInThrottle(() => now);
    let failures = 0;
    for (let i = 0; failures < 50; i++) {
      const result = await signInWithPassword(db, throttle, { email: admin.email, password: `mauvais ${i}`, address: `198.51.100.${i % 10}` });
      if (!result.ok && result.message === SIGN_IN_FAILED) failures++;
      now += 20_000;
    }
    const owner = await signInWithPassword(db, throttle, { email: admin.email, password: PASSWORD, address: "192.0.2.1" });
    expect(owner).toMatchObject({ ok: true, user: { id: admin.id } });
  });

  it("answers a throttled attempt with the wait, without checking the password", async () => {
    const admin = await buildAdmin();
    const throttle = new SignInThrottle(() => 0);
    for (let i = 0; i < FREE_FAILURES_PER_PAIR; i++) {
      await signInWithPassword(db, throttle, { email: admin.email, password: `mauvais ${i}`, address: "203.0.113.7" });
    }
    vi.mocked(argon2.verify).mockClear();
    const result = await signInWithPassword(db, throttle, { email: admin.email, password: PASSWORD, address: "203.0.113.7" });
    expect(result).toEqual({ ok: false, message: "Trop de tentatives : réessayez dans 16 secondes." });
    expect(vi.mocked(argon2.verify)).not.toHaveBeenCalled();
  });

  it("says the wait in seconds, then in minutes", () => {
    expect(tooManyAttemptsMessage(1)).toBe("Trop de tentatives : réessayez dans 1 seconde.");
    expect(tooManyAttemptsMessage(64)).toBe("Trop de tentatives : réessayez dans 64 secondes.");
    expect(tooManyAttemptsMessage(900)).toBe("Trop de tentatives : réessayez dans 15 minutes.");
  });
});
