import { Debounce } from "./debounce";
import { errorMessage, type CollabLogger } from "./log";

/** Why the collaboration server takes a revision on its own. */
export type AutomaticRevisionReason = "pause" | "depart" | "intervalle";

/**
 * Called when a revision should be taken: the fiche's whole state, the users whose edits it holds
 * since the previous one, and why. Storing it (and skipping an identical one) is the callee's job:
 * the collaboration server knows nothing of revision tables. Must be synchronous.
 */
export type RevisionListener = (ficheId: number, state: Uint8Array, authorIds: number[], reason: AutomaticRevisionReason) => void;

export type RevisionTrackerOptions = {
  /** Editing is quiet once nobody has written for this long. */
  quietMs: number;
  /** Under continuous editing, a revision is taken at least this often. */
  intervalMs: number;
  /** The fiche's current state (the live document's when loaded, else storage's); null when nothing is stored. */
  readState: (ficheId: number) => Uint8Array | null;
  onRevision: RevisionListener;
  logger: CollabLogger;
};

type Pending = { authors: Set<number>; timing: Debounce };

/**
 * Which fiches have stored edits not yet in a revision, and by whom. A revision is taken when
 * editing goes quiet, when the last editor leaves, and at a bounded interval during a long
 * session. Tracked per fiche rather than per room, so that a write through the API to a fiche
 * nobody has open is taken too.
 */
export class RevisionTracker {
  private readonly pending = new Map<number, Pending>();
  private stopped = false;

  constructor(private readonly options: RevisionTrackerOptions) {}

  /** Records a stored edit of a fiche by `userId` (null for an anonymous server-side write). */
  recordEdit(ficheId: number, userId: number | null): void {
    if (this.stopped) return;
    let entry = this.pending.get(ficheId);
    if (!entry) {
      entry = { authors: new Set(), timing: this.newTiming(ficheId) };
      this.pending.set(ficheId, entry);
    }
    if (userId !== null) entry.authors.add(userId);
    entry.timing.touch();
  }

  private newTiming(ficheId: number): Debounce {
    return new Debounce({ quietMs: this.options.quietMs, maxWaitMs: this.options.intervalMs, unref: true }, (reason) =>
      this.take(ficheId, reason === "quiet" ? "pause" : "intervalle"),
    );
  }

  /** Takes the fiche's pending revision now, if it has edits since the last one. */
  take(ficheId: number, reason: AutomaticRevisionReason): void {
    const entry = this.pending.get(ficheId);
    if (!entry) return;
    entry.timing.cancel();
    this.pending.delete(ficheId);
    const authors = [...entry.authors].sort((a, b) => a - b);
    try {
      const state = this.options.readState(ficheId);
      if (state) this.options.onRevision(ficheId, state, authors, reason);
    } catch (error) {
      this.options.logger.error(`fiche ${ficheId}: could not take a revision (${reason}): ${errorMessage(error)}`, error);
      // Kept for the next trigger, with its authors, so that their edits still get a revision.
      if (!this.pending.has(ficheId)) this.pending.set(ficheId, entry);
    }
  }

  /** Takes every pending revision now (shutdown). */
  takeAll(reason: AutomaticRevisionReason): void {
    for (const ficheId of [...this.pending.keys()]) this.take(ficheId, reason);
  }

  /** Stops every timer and ignores later edits (shutdown); what is pending is dropped. */
  stop(): void {
    this.stopped = true;
    for (const entry of this.pending.values()) entry.timing.cancel();
    this.pending.clear();
  }
}
