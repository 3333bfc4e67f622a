import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { startBackgroundCheckpoints } from "./checkpointer";
import { recordingLogger, waitFor } from "./testing";

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

  it("starts the WAL over on its own connection, so that the next append does not fsync a new WAL header", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-checkpoint-"));
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    // Checkpoint sequence and salts: they change when, and only when, a commit starts the WAL over.
    const walGeneration = () => {
      const fd = fs.openSync(path.join(dir, "wiki-documents.sqlite-wal"), "r");
      try {
        const header = Buffer.alloc(24);
        fs.readSync(fd, header, 0, 24, 0);
        return header.subarray(12, 24).toString("hex");
      } finally {
        fs.closeSync(fd);
      }
    };
    const logger = recordingLogger();
    const stop = startBackgroundCheckpoints(db, logger, 20);
    try {
      db.$client.exec("CREATE TABLE documents.blob_log (id INTEGER PRIMARY KEY, data BLOB NOT NULL)");
      const append = db.$client.prepare("INSERT INTO documents.blob_log (data) VALUES (?)");
      for (let i = 0; i < 5; i++) append.run(Buffer.alloc(100, i));
      const before = walGeneration();
      await waitFor(() => walGeneration() !== before, 5000, "the checkpointer did not start the WAL over");
      const restarted = walGeneration();

      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(walGeneration(), "an idle file is left alone").toBe(restarted);
      append.run(Buffer.alloc(100, 9));
      expect(walGeneration(), "the append went on in the same WAL").toBe(restarted);
      expect(logger.lines).toEqual([]);
    } finally {
      await stop();
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

