import * as Y from "yjs";
import { scratchDoc } from "./scratch-doc";
import type { Db } from "@/db/client";
import { getFicheAccessFacts } from "@/db/queries/fiche-access";
import type { Fiche, FicheRevision } from "@/db/schema";
import { acteursMap, readFicheContent, type FicheContent } from "@/lib/fiche/document";
import type { FicheActeurRole } from "@/lib/fiche/values";
import { canEditFiche, canManageFiche, changesPorteur } from "@/lib/policies/fiche";
import type { Viewer } from "@/lib/policies/viewer";
import type { RevisionReason } from "@/lib/revision/values";
import { DomainError } from "@/server/errors";
import type { NewFiche } from "@/server/fiche";
import { decideMerge, readBaseline, type ImportBaseline, type ImportedValues, type MergeDecision } from "@/server/importer/merge";
import { readRevisionState, snapshotOf, type RevisionSnapshot } from "@/server/revision-snapshot";
import { storeRevision } from "@/server/revision-store";
import { runFicheCommand, type CommandReport, type FicheCommand } from "./commands";
import { insertFicheDocument } from "./fiche-creation";
import { consoleLogger, errorMessage, type CollabLogger } from "./log";
import { appendUpdate, loadDocument } from "./persistence";
import type { DocumentChangeListener } from "./room";
import type { RoomStore } from "./rooms";

/**
 * Who writes: a person, whose right to edit the service checks, or the wiki itself (an import, the
 * first-start seed, the CLI), whose caller has checked its own policy. `userId` is the author kept
 * with the update for the history.
 */
export type Writer = { viewer: Viewer } | { system: "import" | "seed" | "cli" | "script" | "governance"; userId: number | null };

/**
 * What an edit did: when it changed something, the fiche's new state and fields; `projected`
 * settles once the fiche's rows, HTML and search entry show it.
 */
export type EditOutcome = CommandReport & { changed: boolean; state?: Uint8Array; content?: FicheContent; projected: Promise<void> };

/** An edit inside a transaction: stored with it, and applied live once it commits. */
export type TransactionEdit = (ficheId: number, writer: Writer, command: FicheCommand) => EditOutcome;

/** A fiche's content as its readers and editors get it first: the Yjs state and its fields. */
export type FicheDocumentState = { state: Uint8Array; content: FicheContent };

/** A fiche's stored document as plain data: its Yjs state, its fields and its body (ProseMirror JSON). */
export type StoredFicheDocument = RevisionSnapshot & { state: Uint8Array };

/**
 * The one door to fiches' content. Every change, whoever asks (socket, REST API, import, restore,
 * CLI), is checked, appended to the fiche's log, applied to the live document if it is loaded (which
 * broadcasts it to its editors), projected, and credited to its author for the history. The socket
 * comes in through the message pipeline, which stores and applies the same way in batches.
 *
 * Its methods take and return plain data, so that a later step can place it behind a router (one
 * fiche's room on one of several nodes, chosen by fiche id, over a shared database).
 */
export interface FicheDocumentService {
  /** The current state and fields of a fiche, live when it is loaded; null when nothing is stored. */
  read(ficheId: number): FicheDocumentState | null;
  /** Applies one command as its own transaction. */
  edit(ficheId: number, writer: Writer, command: FicheCommand, options?: { projectNow?: boolean }): EditOutcome;
  /**
   * Runs `run` in one immediate transaction of `db` (the caller's connection, whose other writes
   * commit with the edits). Must be the outermost transaction: edits go live only once it commits.
   */
  transaction<T>(db: Db, run: (edit: TransactionEdit) => T): T;
  /**
   * Inserts a fiche: its row, its first document (built from plain fields and body), projection
   * and revision, all or nothing; a savepoint inside a transaction of the caller's `db`.
   */
  create(db: Db, input: NewFiche): Fiche;
  /** A fiche's stored document, read on `db` (inside the caller's transaction, if any); null when nothing is stored. */
  readStored(db: Db, ficheId: number): StoredFicheDocument | null;
  /** The fields and body a Yjs state holds (a revision's). */
  readState(state: Uint8Array): RevisionSnapshot;
  /** What the importer last wrote into a fiche whose state this is (its baseline); null for a fiche not imported. */
  readImportBaseline(state: Uint8Array): ImportBaseline | null;
  /** What re-importing `values` would change in a fiche's stored document, and what people's edits keep. */
  decideImport(db: Db, ficheId: number, values: ImportedValues): MergeDecision;
  /** Stores a revision of a fiche on `db`, unless the last one already holds `state` (see storeRevision). */
  takeRevision(
    db: Db,
    ficheId: number,
    state: Uint8Array,
    authorIds: readonly number[],
    reason: RevisionReason,
    options?: { restoredFromId?: number },
  ): FicheRevision | null;
}

export type FicheDocumentsOptions = {
  db: Db;
  logger?: CollabLogger;
  /** The live rooms, when a collaboration server runs; without them every edit goes to storage only. */
  rooms?: RoomStore;
  /** Told of every stored edit and its author, for the revisions. */
  onEdit?: (ficheId: number, userId: number | null) => void;
  /** Projects a fiche that no room holds (a loaded fiche's room projects itself). Read `doc` synchronously. */
  onChange?: DocumentChangeListener;
};

/** Transaction origin of server-side writes into live documents. */
export const SERVER_WRITE_ORIGIN = Symbol("collab-server-write");

const settled = Promise.resolve();

/** The document service of this process (see FicheDocumentService). */
export class FicheDocuments implements FicheDocumentService {
  private readonly logger: CollabLogger;

  constructor(private readonly options: FicheDocumentsOptions) {
    this.logger = options.logger ?? consoleLogger;
  }

  read(ficheId: number): FicheDocumentState | null {
    const room = this.options.rooms?.get(ficheId);
    const doc = room ? null : loadDocument(this.options.db, ficheId, this.logger)?.doc;
    if (!room && !doc) return null;
    try {
      const source = room ? room.doc : doc!;
      return { state: Y.encodeStateAsUpdate(source), content: readFicheContent(source) };
    } finally {
      doc?.destroy();
    }
  }

  edit(ficheId: number, writer: Writer, command: FicheCommand, options: { projectNow?: boolean } = {}): EditOutcome {
    return this.transaction(this.options.db, (edit) => edit(ficheId, writer, command), options);
  }

  transaction<T>(db: Db, run: (edit: TransactionEdit) => T, options: { projectNow?: boolean } = {}): T {
    // A live apply inside an outer transaction would show peers what a rollback could still undo.
    if (db.$client.inTransaction) throw new Error("The document service's transaction must be the outermost one");
    const afterCommit: (() => void)[] = [];
    const cleanup: (() => void)[] = [];
    try {
      const result = db.transaction(() => run((ficheId, writer, command) => this.store(db, ficheId, writer, command, afterCommit, cleanup, options)), {
        behavior: "immediate",
      });
      for (const step of afterCommit) step();
      return result;
    } finally {
      for (const free of cleanup) free();
    }
  }

  create(db: Db, input: NewFiche): Fiche {
    return insertFicheDocument(db, input);
  }

  readStored(db: Db, ficheId: number): StoredFicheDocument | null {
    const loaded = loadDocument(db, ficheId, this.logger);
    if (!loaded) return null;
    try {
      return { state: Y.encodeStateAsUpdate(loaded.doc), ...snapshotOf(loaded.doc) };
    } finally {
      loaded.doc.destroy();
    }
  }

  readState(state: Uint8Array): RevisionSnapshot {
    return readRevisionState(state);
  }

  readImportBaseline(state: Uint8Array): ImportBaseline | null {
    const doc = scratchDoc();
    try {
      Y.applyUpdate(doc, state);
      return readBaseline(doc);
    } finally {
      doc.destroy();
    }
  }

  decideImport(db: Db, ficheId: number, values: ImportedValues): MergeDecision {
    // A fiche without a stored document is merged into an empty one, as an import writes it.
    const doc = loadDocument(db, ficheId, this.logger)?.doc ?? scratchDoc();
    try {
      return decideMerge(doc, values);
    } finally {
      doc.destroy();
    }
  }

  takeRevision(
    db: Db,
    ficheId: number,
    state: Uint8Array,
    authorIds: readonly number[],
    reason: RevisionReason,
    options: { restoredFromId?: number } = {},
  ): FicheRevision | null {
    return storeRevision(db, ficheId, state, authorIds, reason, options);
  }

  /**
   * Checks, computes and appends one edit; what makes it live waits in `afterCommit`. Reads go
   * through the service's own connection and the append through the caller's, inside its
   * transaction: the caller may be code of another module graph, and only the raw SQLite
   * connection is safely shared (see persistence.ts).
   */
  private store(
    db: Db,
    ficheId: number,
    writer: Writer,
    command: FicheCommand,
    afterCommit: (() => void)[],
    cleanup: (() => void)[],
    options: { projectNow?: boolean },
  ): EditOutcome {
    const facts = getFicheAccessFacts(this.options.db, ficheId);
    if (!facts) throw new DomainError("not_found", "Cette fiche n'existe pas.", undefined, `Fiche ${ficheId} does not exist.`);
    if ("viewer" in writer && !canEditFiche(writer.viewer, facts)) {
      throw new DomainError("forbidden", "Vous ne pouvez pas modifier cette fiche.", undefined, `User ${writer.viewer.id} may not edit fiche ${ficheId}.`);
    }
    const userId = "viewer" in writer ? writer.viewer.id : writer.userId;
    // Mutate a copy: the update must be stored before the live doc (and its peers) see it.
    const copy = scratchDoc();
    cleanup.push(() => copy.destroy());
    const live = this.options.rooms?.get(ficheId);
    const base = live ? Y.encodeStateAsUpdate(live.doc) : null;
    if (base) Y.applyUpdate(copy, base);
    else {
      const stored = loadDocument(this.options.db, ficheId, this.logger);
      if (stored) {
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(stored.doc));
        stored.doc.destroy();
      }
    }
    let report: CommandReport = {};
    const porteursBefore = new Map(acteursMap(copy).entries());
    const update = captureMutation(copy, (doc) => (report = runFicheCommand(doc, command)));
    if (!update) return { ...report, changed: false, projected: settled };
    if ("viewer" in writer && !canManageFiche(writer.viewer, facts) && changesPorteurs(porteursBefore, acteursMap(copy))) {
      throw new DomainError(
        "forbidden",
        "Seuls les membres des acteurs porteurs de cette fiche et les modérateurs peuvent en changer les porteurs.",
        "acteurs",
        `User ${writer.viewer.id} may not change the porteurs of fiche ${ficheId}.`,
      );
    }
    const logId = appendUpdate(db, ficheId, update, userId);

    let resolveProjected!: () => void;
    const projected = new Promise<void>((resolve) => (resolveProjected = resolve));
    afterCommit.push(() => {
      this.options.onEdit?.(ficheId, userId);
      // Looked up after the commit: a room loaded meanwhile read storage without this update.
      const room = this.options.rooms?.get(ficheId);
      if (room) {
        room.recordStored(update.length);
        Y.applyUpdate(room.doc, update, SERVER_WRITE_ORIGIN);
        room.appliedLogIds.add(logId);
        this.options.rooms!.maybeCompact(room);
        // The room projects it once typing pauses, or now when the caller answers with the projection.
        if (options.projectNow) void room.flushChange().finally(resolveProjected);
        else resolveProjected();
        return;
      }
      void this.project(ficheId, copy).finally(resolveProjected);
    });
    return { ...report, changed: true, state: Y.encodeStateAsUpdate(copy), content: readFicheContent(copy), projected };
  }

  private project(ficheId: number, doc: Y.Doc): Promise<void> {
    try {
      return Promise.resolve(this.options.onChange?.(ficheId, doc)).catch((error) => this.reportProjection(ficheId, error));
    } catch (error) {
      this.reportProjection(ficheId, error);
      return settled;
    }
  }

  private reportProjection(ficheId: number, error: unknown): void {
    this.logger.error(`fiche ${ficheId}: projection after a server-side edit failed: ${errorMessage(error)}`, error);
  }
}

/**
 * Runs `mutate` on `doc` and returns the update it produced (null if it changed nothing).
 * `mutate` may open its own transactions; every update it emits is merged into one.
 */
export function captureMutation(doc: Y.Doc, mutate: (doc: Y.Doc) => void): Uint8Array | null {
  const updates: Uint8Array[] = [];
  const collect = (update: Uint8Array) => updates.push(update);
  doc.on("update", collect);
  try {
    doc.transact(() => mutate(doc));
  } finally {
    doc.off("update", collect);
  }
  if (updates.length === 0) return null;
  return updates.length === 1 ? updates[0] : Y.mergeUpdates(updates);
}

/** Whether any acteur became or stopped being a porteur between two states of a fiche's acteurs. */
export function changesPorteurs(before: ReadonlyMap<string, FicheActeurRole>, after: Y.Map<FicheActeurRole>): boolean {
  for (const [id, role] of before) if (changesPorteur(role, after.get(id))) return true;
  for (const [id, role] of after.entries()) if (!before.has(id) && changesPorteur(undefined, role)) return true;
  return false;
}
