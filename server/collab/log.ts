/** Where the collaboration server writes its log lines; console by default, a recorder in tests. */
export type CollabLogger = {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
};

/** Writes log lines to the console with a "[collab]" prefix. */
export const consoleLogger: CollabLogger = {
  info: (message) => console.info(`[collab] ${message}`),
  warn: (message) => console.warn(`[collab] ${message}`),
  error: (message, error) => (error === undefined ? console.error(`[collab] ${message}`) : console.error(`[collab] ${message}`, error)),
};

/** Discards everything; for benchmarks and tests that assert on behaviour, not on logs. */
export const silentLogger: CollabLogger = { info: () => {}, warn: () => {}, error: () => {} };

/** The message of an unknown thrown value. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
