import type { Db } from "@/db/client";
import { projectFiche } from "@/server/fiche-projection";
import { FicheDocuments } from "./documents";
import { provideStorageDocuments } from "./write";

const services = new WeakMap<Db, FicheDocuments>();

/**
 * Registers the document service of processes and threads without a collaboration server (the
 * CLI, tests, the first-start seed, the projection worker, benchmarks): it writes to storage and
 * projects at once. Next's code never imports this module, so its bundle holds no copy of Yjs.
 */
export function registerStorageDocuments(): void {
  provideStorageDocuments((db) => {
    let documents = services.get(db);
    if (!documents) {
      documents = new FicheDocuments({ db, onChange: (ficheId, doc) => void projectFiche(db, ficheId, doc) });
      services.set(db, documents);
    }
    return documents;
  });
}
