import * as Y from "yjs";
import { acteursMap, writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import type { FicheActeurRole } from "@/lib/fiche/values";
import { mergeImport, type ImportedValues, type MergeDecision } from "@/server/importer/merge";
import { applySnapshot, readRevisionState } from "@/server/revision-snapshot";

/**
 * What a server-side caller may do to a fiche's content, as plain data. The document service runs
 * it on its own Yjs documents: Next's code, which runs in another module graph, never loads Yjs
 * (e2e/server-bundle.spec.ts), and two copies of Yjs in one process corrupt documents.
 */
export type FicheCommand =
  /** Sets fields (REST API, forms): each given field becomes exactly this. */
  | { kind: "write"; content: Partial<FicheContent> }
  /** Brings back a revision's content as a forward edit. */
  | { kind: "restore"; revisionState: Uint8Array }
  /** Merges re-imported values, keeping what people changed since the last import. */
  | { kind: "merge-import"; values: ImportedValues }
  /** Gives acteurs back their roles (undefined: removes them), e.g. porteurs changed by someone who may not. */
  | { kind: "restore-roles"; roles: [acteurKey: string, role: FicheActeurRole | undefined][] }
  /** A Yjs update computed by trusted server code (scripts, benchmarks, tests): bytes, never a Yjs object. */
  | { kind: "update"; update: Uint8Array };

/** What a command reports besides its update: an import's decision, field by field. */
export type CommandReport = { decision?: MergeDecision };

/** Runs a command on a document (a private copy: the service stores the update before anyone sees it). */
export function runFicheCommand(doc: Y.Doc, command: FicheCommand): CommandReport {
  switch (command.kind) {
    case "write":
      writeFicheContent(doc, command.content);
      return {};
    case "restore":
      applySnapshot(doc, readRevisionState(command.revisionState));
      return {};
    case "merge-import":
      return { decision: mergeImport(doc, command.values) };
    case "update":
      Y.applyUpdate(doc, command.update);
      return {};
    case "restore-roles": {
      const map = acteursMap(doc);
      for (const [key, role] of command.roles) {
        if (role === undefined) map.delete(key);
        else if (map.get(key) !== role) map.set(key, role);
      }
      return {};
    }
  }
}
