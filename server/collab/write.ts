import { getDb, type Db } from "@/db/client";
import type { FicheDocumentService } from "./documents";
import { getCollabServer } from "./registry";

/** Builds the storage-only document service of a connection (see storage-documents.ts). */
export type StorageDocumentsFactory = (db: Db) => FicheDocumentService;

// Shared through globalThis, as the collaboration server is: the factory is built in the module
// graph that holds Yjs, and Next's bundled code must reach it without importing that graph.
const slot = globalThis as unknown as { __wikiStorageDocuments?: StorageDocumentsFactory };

/** Makes getFicheDocuments() fall back on this factory while no collaboration server runs. */
export function provideStorageDocuments(factory: StorageDocumentsFactory): void {
  slot.__wikiStorageDocuments = factory;
}

/**
 * The document service to write fiches' content through: the running collaboration server's, so that
 * connected editors see every change at once; without a server (the CLI, tests, the first-start seed,
 * the projection worker), the storage-only one its entry point registered, which projects at once.
 */
export function getFicheDocuments(db: Db = getDb()): FicheDocumentService {
  const server = getCollabServer();
  if (server) return server.documents;
  const storage = slot.__wikiStorageDocuments;
  if (!storage) {
    throw new Error(
      "No fiche document service in this process: start the collaboration server, or call registerStorageDocuments() (server/collab/storage-documents.ts) at the entry point.",
    );
  }
  return storage(db);
}
