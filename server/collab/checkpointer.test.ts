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
      // One table in each file: the documents file (db/documents-file.ts) needs its checkpoints too.
      db.$client.exec("CREATE TABLE main.blob_log (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
      db.$client.exec("CREATE TABLE documents.blob_log (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
      const inserts = ["main", "documents"].map((file) => db.$client.prepare(`INSERT INTO ${file}.blob_log (data) VALUES (?)`));
      const payload = Buffer.alloc(4096, 7);
      const logger = recordingLogger();
      const stop = startBackgroundCheckpoints(db, logger, 20);
      expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(0);

      // 8 MB written in small commits with pauses: the worker's checkpoints let the WAL restart.
      for (let round = 0; round < 40; round++) {
        db.$client.transaction(() => {
          for (let i = 0; i < 50; i++) for (const insert of inserts) insert.run(payload);
        })();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      for (const file of ["wiki.sqlite", "wiki-documents.sqlite"]) {
        expect([file, fs.statSync(path.join(dir, `${file}-wal`)).size < 4 * 1024 * 1024]).toEqual([file, true]);
      }

      await stop();
      expect(db.$client.pragma("wal_autocheckpoint", { simple: true })).toBe(1000);
      expect(logger.lines).toEqual([]);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
