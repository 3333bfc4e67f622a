import { fork, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { COLLAB_PATH_PREFIX } from "@/lib/collab/messages";
import { loadDocumentState } from "./persistence";
import { buildFiche, buildUser, connectClient, sessionCookie, settle, synced, waitFor, type TestClient } from "./testing";

const db = getTestDb();
const children: ChildProcess[] = [];
const openClients: TestClient[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Starts server/collab/standalone.ts in a child process on the test file's DATA_DIR. */
async function spawnServer(port: number): Promise<ChildProcess> {
  const child = fork(path.join(import.meta.dirname, "standalone.ts"), {
    execArgv: ["--import", "tsx"],
    env: { ...process.env, COLLAB_PORT: String(port), COLLAB_LOG: "silent" },
    stdio: ["ignore", "pipe", "inherit", "ipc"],
  });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('"port"')) resolve();
    });
    child.once("exit", (code) => reject(new Error(`collab server exited early with code ${code}`)));
  });
  return child;
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGKILL");
  });
}

function storedSnapshot(ficheId: number): Y.Snapshot {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(db, ficheId)!);
  return Y.snapshot(doc);
}

afterAll(async () => {
  for (const client of openClients) client.destroy();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) await killHard(child);
});

describe.each(["websocket", "http"] as const)("collab durability over %s", (transport) => {
  it("has stored every update a client received when the server is killed, and merges offline edits after a restart", async () => {
    const f = buildFiche(db);
    const port = await freePort();
    let child = await spawnServer(port);
    const baseUrl = `ws://127.0.0.1:${port}${COLLAB_PATH_PREFIX}`;
    const clients: TestClient[] = [];
    for (let i = 0; i < 3; i++) {
      clients.push(connectClient(baseUrl, f.id, { cookie: await sessionCookie(buildUser(db).id), maxBackoffTime: 200, transport }));
    }
    openClients.push(...clients);
    await Promise.all(clients.map((c) => synced(c, 10_000)));

    // ~40 keystrokes a second per client, at random places, until told to stop.
    let typing = true;
    const typists = clients.map((client, n) =>
      (async () => {
        const titre = client.doc.getText("titre");
        while (typing) {
          titre.insert(Math.floor(Math.random() * (titre.length + 1)), String.fromCharCode(97 + n));
          if (Math.random() < 0.2 && titre.length > 3) titre.delete(Math.floor(Math.random() * (titre.length - 1)), 1);
          await settle(25);
        }
      })(),
    );

    await settle(1500);
    await killHard(child);
    await waitFor(() => clients.every((c) => !c.provider.wsconnected), 5000, "clients did not notice the crash");
    const stored = storedSnapshot(f.id);
    const received = clients.map((c) => c.received.slice());
    expect(received.every((updates) => updates.length > 10)).toBe(true);
    received.forEach((updates, i) => {
      for (const [k, update] of updates.entries()) {
        expect(Y.snapshotContainsUpdate(stored, update), `client ${i}, received update ${k}`).toBe(true);
      }
    });

    // Edits typed while the server is down are not stored yet: the check above does have teeth.
    await settle(400);
    const offline = clients.map((c) => Y.encodeStateAsUpdate(c.doc));
    expect(offline.some((state) => !Y.snapshotContainsUpdate(stored, state))).toBe(true);

    child = await spawnServer(port);
    await Promise.all(clients.map((c) => synced(c, 10_000)));
    typing = false;
    await Promise.all(typists);
    await waitFor(
      () => {
        const snapshot = storedSnapshot(f.id);
        return clients.every((c) => Y.snapshotContainsUpdate(snapshot, Y.encodeStateAsUpdate(c.doc)));
      },
      10_000,
      "offline edits were not stored after the restart",
    );
    await waitFor(() => new Set(clients.map((c) => c.text())).size === 1, 5000, "clients did not converge");
    const final = new Y.Doc();
    Y.applyUpdate(final, loadDocumentState(db, f.id)!);
    expect(final.getText("titre").toString()).toBe(clients[0].text());
  }, 20_000);
});
