import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dataDir } from "@/db/client";
import { claimServerLock, lastServerCrashed, runningServerPid } from "./server-lock";

const record = (pid: number) => {
  fs.mkdirSync(dataDir(), { recursive: true });
  fs.writeFileSync(path.join(dataDir(), "server.pid"), String(pid));
};

describe("the server's record on DATA_DIR", () => {
  it("tells a crashed server (its record left, its process gone) from a running one and from a clean stop", () => {
    record(2147483646);
    expect(lastServerCrashed()).toBe(true);
    expect(runningServerPid()).toBeNull();

    record(process.ppid);
    expect(lastServerCrashed()).toBe(false);
    expect(runningServerPid()).toBe(process.ppid);

    const release = claimServerLock();
    release();
    expect(lastServerCrashed()).toBe(false);
  });
});
