import type { Db } from "@/db/client";
import { readFicheContent } from "@/lib/fiche/document";
import { acteurBreaches, lieuxOfActeurs } from "@/lib/fiche/content-rules";
import { lieuOwners } from "@/server/api/refs";
import type { CollabConnection } from "./connection";
import type { FicheDocuments } from "./documents";
import { errorMessage, type CollabLogger } from "./log";
import type { PorteurRestore } from "./room";
import type { RoomStore } from "./rooms";

/**
 * The socket carries raw Yjs updates, so the rules the API and the editor follow (porteurs are
 * governance; roles fit the fiche's type; lieux belong to its acteurs) are checked on what a socket
 * edit did, once its batch is applied, and whatever breaks them is set right at once through the
 * document service. Several edits of one turn are checked once per fiche.
 */
export class ContentGuard {
  private readonly pending = new Map<number, { member: CollabConnection; restore: PorteurRestore }>();

  constructor(
    private readonly db: Db,
    private readonly rooms: RoomStore,
    private readonly documents: FicheDocuments,
    private readonly logger: CollabLogger,
  ) {}

  /** Schedules the check of a fiche that a socket edit touched. */
  check(ficheId: number, member: CollabConnection, restore: PorteurRestore): void {
    const queued = this.pending.get(ficheId);
    if (queued) {
      queued.restore.push(...restore.filter(([key]) => !queued.restore.some(([k]) => k === key)));
      return;
    }
    this.pending.set(ficheId, { member, restore: [...restore] });
    queueMicrotask(() => this.run(ficheId));
  }

  private run(ficheId: number): void {
    const { member, restore } = this.pending.get(ficheId)!;
    this.pending.delete(ficheId);
    const room = this.rooms.get(ficheId);
    if (!room) return;
    const writer = { system: "governance", userId: null } as const;
    try {
      if (restore.length > 0) {
        this.logger.warn(`${member.label}: may not change the porteurs of fiche ${ficheId}; undoing it`);
        this.documents.edit(ficheId, writer, { kind: "restore-roles", roles: restore });
      }
      const content = readFicheContent(room.doc);
      const misplaced = acteurBreaches(content.type, content.acteurs).flatMap((b) => (b.rule === "role_of_other_type" ? [content.acteurs[b.index]] : []));
      if (misplaced.length > 0) {
        this.logger.warn(`${member.label}: roles a ${content.type} does not take on fiche ${ficheId}; removing them`);
        this.documents.edit(ficheId, writer, { kind: "restore-roles", roles: misplaced.map((a) => [String(a.acteurId), undefined]) });
      }
      const acteurIds = readFicheContent(room.doc).acteurs.map((a) => a.acteurId);
      const lieux = content.lieux;
      const kept = lieuxOfActeurs(lieux, acteurIds, lieuOwners(this.db, lieux));
      if (kept.length < lieux.length) {
        this.logger.warn(`${member.label}: lieux of no acteur of fiche ${ficheId}; removing them`);
        this.documents.edit(ficheId, writer, { kind: "write", content: { lieux: kept } });
      }
    } catch (error) {
      this.logger.error(`fiche ${ficheId}: could not check a socket edit against the content rules: ${errorMessage(error)}`, error);
    }
  }
}
