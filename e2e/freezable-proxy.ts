import net from "node:net";

/** A TCP relay to the wiki whose traffic can be frozen, as when a network drops without closing anything. */
export type FreezableProxy = {
  /** http://localhost:<port> of the relay: the same host as the wiki, so its cookies go along. */
  url: string;
  /** Stops every byte in both directions, leaving the connections open: pings go unanswered. */
  freeze(): void;
  /** Lets the bytes through again; a connection the server dropped meanwhile closes on the browser's side. */
  thaw(): void;
  close(): Promise<void>;
};

/**
 * Chromium's offline emulation keeps an open WebSocket alive and answers the server's pings, which
 * no real network loss does: pages behind this relay lose the server for real.
 */
export async function startFreezableProxy(targetPort: number): Promise<FreezableProxy> {
  const sockets = new Set<net.Socket>();
  let frozen = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, "localhost");
    for (const [from, to] of [
      [client, upstream],
      [upstream, client],
    ] as const) {
      sockets.add(from);
      if (frozen) from.pause();
      from.on("data", (chunk) => to.write(chunk));
      from.on("end", () => to.end());
      from.on("close", () => {
        sockets.delete(from);
        to.destroy();
      });
      from.on("error", () => to.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "localhost", resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://localhost:${port}`,
    freeze() {
      frozen = true;
      for (const socket of sockets) socket.pause();
    },
    thaw() {
      frozen = false;
      for (const socket of sockets) socket.resume();
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
