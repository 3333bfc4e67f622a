/**
 * Preloaded (`--import`) into the wiki server a benchmark starts: server/index.ts listens on every
 * interface (`listen(port)`, no host setting), and a benchmark must stay on loopback. A listen
 * given a port without a host gets 127.0.0.1.
 */
import net from "node:net";

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
  const [first, second] = args;
  const isPort = typeof first === "number" || (typeof first === "string" && /^\d+$/.test(first));
  if (isPort && typeof second !== "string") args.splice(1, 0, "127.0.0.1");
  else if (first && typeof first === "object" && !("path" in first) && !("fd" in first) && !("handle" in first) && !("host" in first)) {
    args[0] = { ...first, host: "127.0.0.1" };
  }
  return listen.apply(this, args as Parameters<typeof listen>);
} as typeof listen;
