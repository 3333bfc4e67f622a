import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { integer, sqliteTable } from "drizzle-orm/sqlite-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ensurePrivateDir, inIdList, openDatabase, readTogether } from "./client";

const modeOf = (target: string) => fs.statSync(target).mode & 0o777;
let root: string;
let previousUmask: number;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-client-"));
  // The usual umask, which left wiki.sqlite readable by every local user.
  previousUmask = process.umask(0o022);
});

afterEach(() => {
  process.umask(previousUmask);
  fs.rmSync(root, { recursive: true, force: true });
});

describe("openDatabase", () => {
  it("creates the folder 0700 and the database, its -wal and -shm 0600", () => {
    const file = path.join(root, "data", "wiki.sqlite");
    const db = openDatabase(file);
    db.$client.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    expect(modeOf(path.dirname(file))).toBe(0o700);
    for (const suffix of ["", "-wal", "-shm"]) expect([suffix, modeOf(file + suffix)]).toEqual([suffix, 0o600]);
    db.$client.close();
  });

  it("tightens an existing database, -wal and -shm left readable by others", () => {
    const file = path.join(root, "wiki.sqlite");
    const loose = new Database(file);
    loose.pragma("journal_mode = WAL");
    loose.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    for (const suffix of ["", "-wal", "-shm"]) fs.chmodSync(file + suffix, 0o644);
    const db = openDatabase(file);
    for (const suffix of ["", "-wal", "-shm"]) expect([suffix, modeOf(file + suffix)]).toEqual([suffix, 0o600]);
    expect(db.$client.prepare("SELECT x FROM t").pluck().get()).toBe(1);
    db.$client.close();
    loose.close();
  });
});

describe("ensurePrivateDir", () => {
  it("creates a missing folder 0700 and tightens an existing one", () => {
    const created = path.join(root, "new");
    ensurePrivateDir(created);
    expect(modeOf(created)).toBe(0o700);
    const existing = path.join(root, "old");
    fs.mkdirSync(existing, { mode: 0o755 });
    ensurePrivateDir(existing);
    expect(modeOf(existing)).toBe(0o700);
  });
});

describe("readTogether", () => {
  it("reads one snapshot: a commit by another connection meanwhile shows only after it", () => {
    const file = path.join(root, "wiki.sqlite");
    const db = openDatabase(file);
    db.$client.exec("CREATE TABLE t (x); INSERT INTO t VALUES (1);");
    const other = openDatabase(file);
    const count = db.$client.prepare("SELECT count(*) FROM t").pluck();

    const seen = readTogether(db, () => {
      const before = count.get();
      other.$client.exec("INSERT INTO t VALUES (2)");
      return [before, count.get()];
    });

    expect(seen).toEqual([1, 1]);
    expect(count.get()).toBe(2);
    expect(db.$client.inTransaction).toBe(false);
    other.$client.close();
    db.$client.close();
  });
});

describe("inIdList", () => {
  it("serves lists of any length, empty included, from one statement prepared once", () => {
    const db = openDatabase(path.join(root, "wiki.sqlite"));
    const item = sqliteTable("item", { id: integer("id").primaryKey() });
    db.$client.exec("CREATE TABLE item (id INTEGER PRIMARY KEY); INSERT INTO item VALUES (1), (2), (3), (4);");
    const existing = db.select({ id: item.id }).from(item).where(inIdList(item.id, "ids")).orderBy(item.id).prepare();
    const run = (wanted: number[]) => existing.all({ ids: JSON.stringify(wanted) }).map((r) => r.id);
    expect(run([3, 999, 1])).toEqual([1, 3]);
    expect(run([1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
    expect(run([])).toEqual([]);
    db.$client.close();
  });
});
