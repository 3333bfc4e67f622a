import type Database from "better-sqlite3";
import type { LoadSide } from "./collab-load";
import type { SimClient } from "./sim-client";

type Probe = { ficheId: number; marker: string; at: number };

/**
 * How far the projected rows lag behind typing: a client appends a unique marker to its fiche's
 * titre, and the `fiche` table is polled (read-only) until its titre column shows it.
 */
export class ProjectionProbe {
  readonly lags: number[] = [];
  /** Probes not seen in the table within the timeout. */
  missed = 0;
  private readonly selectTitre: Database.Statement<[number], string | undefined>;
  private readonly pending = new Map<number, Probe>();
  /** One writer per fiche, so that each marker replaces its own previous one. */
  private readonly writers = new Map<number, SimClient>();
  private sequence = 0;
  private lastStartAt = 0;
  private lastPollAt = 0;

  constructor(
    db: Database.Database,
    private readonly options: { everyMs: number; pollMs: number; timeoutMs: number },
  ) {
    this.selectTitre = db.prepare<[number], string>("SELECT titre FROM fiche WHERE id = ?").pluck();
  }

  /** Starts a probe on `side` when one is due (pass null to only poll), then polls the pending ones. */
  tick(side: LoadSide | null): void {
    const now = performance.now();
    if (side && side.clients.length > 0 && now - this.lastStartAt >= this.options.everyMs) {
      this.lastStartAt = now;
      this.start(side, now);
    }
    if (now - this.lastPollAt >= this.options.pollMs) {
      this.lastPollAt = now;
      this.poll(now);
    }
  }

  /** Polls until every pending probe is seen or has timed out. */
  async drain(): Promise<void> {
    while (this.pending.size > 0) {
      this.poll(performance.now());
      await new Promise((resolve) => setTimeout(resolve, this.options.pollMs));
    }
  }

  /** Forgets the writers (their clients are closed between rounds). */
  resetWriters(): void {
    this.writers.clear();
  }

  private start(side: LoadSide, now: number): void {
    for (let attempt = 0; attempt < 10; attempt++) {
      const index = Math.floor(Math.random() * side.clients.length);
      const ficheId = side.clientFiches[index];
      if (this.pending.has(ficheId)) continue;
      let writer = this.writers.get(ficheId);
      if (!writer) {
        writer = side.clients[index];
        this.writers.set(ficheId, writer);
      }
      const marker = ` #sonde-${++this.sequence}`;
      writer.markTitre(marker);
      this.pending.set(ficheId, { ficheId, marker, at: now });
      return;
    }
  }

  private poll(now: number): void {
    for (const probe of [...this.pending.values()]) {
      if (this.selectTitre.get(probe.ficheId)?.includes(probe.marker)) {
        this.lags.push(now - probe.at);
        this.pending.delete(probe.ficheId);
      } else if (now - probe.at > this.options.timeoutMs) {
        this.missed++;
        this.pending.delete(probe.ficheId);
      }
    }
  }
}
