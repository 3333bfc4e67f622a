import { afterEach } from "vitest";
import type { Db } from "@/db/client";
import type { CollabServerOptions } from "./server";
import { connectClient, recordingLogger, startTestServer, type TestClient, type TestServer } from "./testing";

/**
 * For a test file: starts collaboration servers (each with a logger that keeps its lines) and
 * clients, and closes them all after each test.
 */
export function collabHarness(db: Db) {
  const servers: TestServer[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy();
    for (const server of servers.splice(0)) await server.stop();
  });
  return {
    async start(options: CollabServerOptions = {}) {
      const logger = recordingLogger();
      const server = await startTestServer(db, { logger, ...options });
      servers.push(server);
      return { ...server, logger };
    },
    connect(...args: Parameters<typeof connectClient>): TestClient {
      const client = connectClient(...args);
      clients.push(client);
      return client;
    },
  };
}
