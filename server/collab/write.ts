import { getDb, type Db } from "@/db/client";
import { projectFiche } from "@/server/fiche-projection";
import { FicheDocuments, type FicheDocumentService } from "./documents";
import { getCollabServer } from "./registry";

const storageOnly = new WeakMap<Db, FicheDocuments>();

/**
 * The document service to write fiches' content through: the running collaboration server's, so that
 * connected editors see every change at once; without a server (the CLI, tests, the first-start seed),
 * one that writes to storage and projects at once.
 */
export function getFicheDocuments(db: Db = getDb()): FicheDocumentService {
  const server = getCollabServer();
  if (server) return server.documents;
  let documents = storageOnly.get(db);
  if (!documents) {
    documents = new FicheDocuments({ db, onChange: (ficheId, doc) => void projectFiche(db, ficheId, doc) });
    storageOnly.set(db, documents);
  }
  return documents;
}
