import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { startBackgroundCheckpoints } from "./checkpointer";
import { recordingLogger } from "./testing";

describe("background WAL checkpoints", () => {
  it("keeps the WAL bounded without the shared connection checkpointing, then restores autocheckpoint", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-checkpoint-"));
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    try {
      db.$client.exec("CREATE TABLE blob_log (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
      const insert = db.$client.prepare("INSERT INTO blob_log (data) VALUES (?)");
      const payload = Buffer.alloc(4096, 7);
      const logger = recordingLogger();
      const stop = startBackgroundCheckpoints(db, logger, 20);
      expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);

      // 8 MB written in small commits with pauses: the worker's checkpoints let the WAL restart.
      for (let round = 0; round < 40; round++) {
        db.$client.transaction(() => {
          for (let i = 0; i < 50; i++) insert.run(payload);
        })();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      const walBytes = fs.statSync(path.join(dir, "wiki.sqlite-wal")).size;
      expect(walBytes).toBeLessThan(4 * 1024 * 1024);

      await stop();
      expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
      expect(logger.lines).toEqual([]);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
