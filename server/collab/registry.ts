import type { FicheDocumentService } from "./documents";

/**
 * What other module graphs (Next's bundled route code) may ask of the running collaboration server:
 * only plain data and bytes cross, never Yjs objects (Next's graph never loads yjs: the server's copy is the only one).
 */
export interface RegisteredCollabServer {
  documents: FicheDocumentService;
  /** Takes now the revision of the fiche's edits not yet in one, if any (before a restore replaces them). */
  takePendingRevision?(ficheId: number): void;
}

// Next bundles its own copy of this module: only globalThis is shared between the two graphs.
const slot = globalThis as unknown as { __wikiCollabServer?: RegisteredCollabServer };

/** Makes a server reachable through getCollabServer() from any module graph of this process. */
export function registerCollabServer(server: RegisteredCollabServer): void {
  slot.__wikiCollabServer = server;
}

/** Forgets the registered server, if it is this one. */
export function unregisterCollabServer(server: RegisteredCollabServer): void {
  if (slot.__wikiCollabServer === server) delete slot.__wikiCollabServer;
}

/** The collaboration server running in this process, if any. */
export function getCollabServer(): RegisteredCollabServer | null {
  return slot.__wikiCollabServer ?? null;
}
