import { Readable, Writable } from "node:stream";
import { runCli } from "./cli";

function collector() {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString("utf8") };
}

/**
 * Runs `npm run wiki -- …args` inside the test's process, against `dataDir`, with `stdin` piped in:
 * a spawned tsx would compile the whole server again for every command. Stderr comes back trimmed.
 */
export async function runWiki(dataDir: string, args: string[], stdin = ""): Promise<{ status: number; stdout: string; stderr: string }> {
  const stdout = collector();
  const stderr = collector();
  const previous = process.env.DATA_DIR;
  process.env.DATA_DIR = dataDir;
  try {
    const status = await runCli(args, { stdin: Readable.from(stdin ? [stdin] : []), stdout: stdout.stream, stderr: stderr.stream });
    return { status, stdout: stdout.text(), stderr: stderr.text().trim() };
  } finally {
    if (previous === undefined) delete process.env.DATA_DIR;
    else process.env.DATA_DIR = previous;
  }
}
