import crypto from "node:crypto";
import type Database from "better-sqlite3";
import type { User } from "@/db/schema";
import { sleep } from "./processes";
import { awarenessMessage, deletionOnlyUpdate, describeJoin, formatBytes, joinAndSync, RawPeer, updateMessage } from "./raw-collab";
import { storedDocumentBytes, tokenCookie } from "./wiki-data";
import type { WikiServer } from "./wiki-server";

/** The accounts and fiches bench/hostile writes before the server starts. */
export type HostileData = {
  dataDir: string;
  secret: string;
  users: Record<"admin" | "moderator" | "contributor" | "editor" | "witness", User>;
  cookies: Record<"editor" | "witness", string>;
  /** One published fiche per attack, and a draft only its author, the moderator, may read and edit. */
  fiches: Record<"freeze" | "poison" | "bloat" | "spoof" | "oidc" | "moderatorDraft", number>;
};

export type AttackContext = { server: WikiServer; data: HostileData; readOnly: Database.Database };
/** What an attack did: lines to print, and the sockets whose fate (closed or not) the report gives. */
export type AttackOutcome = { lines: string[]; attackers: RawPeer[] };

export type Attack = {
  key: string;
  title: string;
  /** The fiche a legitimate editor tries to join afterwards. */
  fiche: (data: HostileData) => number;
  /** Builds the payloads before /api/sante is polled (the bench's own work must not stall the poller), then returns the attack. */
  prepare(ctx: AttackContext): Promise<() => Promise<AttackOutcome>>;
};

const FREEZE_UPDATES = 30;
const UPDATE_BYTES = 1_000_000;
const POISON_DEPTH = 20_000;

function joinedPeer(result: Awaited<ReturnType<typeof joinAndSync>>): RawPeer | null {
  return result.outcome === "synced" ? result.peer : null;
}

/** Sends an edit of the titre and says as whom the server stored it, from fiche_update's user_id. */
async function editStoredAs(ctx: AttackContext, peer: RawPeer, ficheId: number): Promise<string> {
  const lastId = () => (ctx.readOnly.prepare("SELECT coalesce(max(id), 0) FROM fiche_update WHERE fiche_id = ?").pluck().get(ficheId) as number);
  const before = lastId();
  peer.edit((doc) => doc.getText("titre").insert(doc.getText("titre").length, " (modifié)"));
  for (let waited = 0; waited < 3000; waited += 50) {
    const row = ctx.readOnly
      .prepare("SELECT user_id AS userId FROM fiche_update WHERE fiche_id = ? AND id > ? ORDER BY id LIMIT 1")
      .get(ficheId, before) as { userId: number | null } | undefined;
    if (row) {
      const who = Object.values(ctx.data.users).find((u) => u.id === row.userId);
      return row.userId === null ? "stored as anonymous" : `stored as user #${row.userId} (${who?.name ?? "?"}, ${who?.role ?? "?"})`;
    }
    await sleep(50);
  }
  return `not stored within 3 s${peer.closeInfo ? ` (socket closed ${peer.closeInfo.code} ${peer.closeInfo.reason})` : " (dropped as read-only?)"}`;
}

async function waitUntilClosed(peers: RawPeer[], ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (performance.now() < deadline && peers.some((p) => p.closeInfo === null)) await sleep(50);
}

export const ATTACKS: Attack[] = [
  {
    key: "a",
    title: `Freeze: an anonymous reader of a published fiche sends ${FREEZE_UPDATES} deletion-only updates of ~1 MB`,
    fiche: (data) => data.fiches.freeze,
    async prepare(ctx) {
      let next = 1;
      const payloads = Array.from({ length: FREEZE_UPDATES }, () => {
        const built = deletionOnlyUpdate(next, UPDATE_BYTES);
        next = built.nextClient;
        return { message: updateMessage(built.update), clients: built.clients };
      });
      return async () => {
        const attacker = await RawPeer.connect(ctx.server.socketUrl(ctx.data.fiches.freeze), null);
        if ("refused" in attacker) return { lines: [`attacker's upgrade refused: HTTP ${attacker.status} ${attacker.body}`], attackers: [] };
        const errors = await Promise.all(payloads.map((p) => attacker.send(p.message)));
        await waitUntilClosed([attacker], 2000);
        const clients = payloads.map((p) => p.clients);
        return {
          lines: [
            `sent ${errors.filter((e) => e === null).length}/${FREEZE_UPDATES} frames of ${formatBytes(payloads[0].message.length)}, ` +
              `0 structs, delete sets over ${Math.min(...clients).toLocaleString("en")}-${Math.max(...clients).toLocaleString("en")} invented client ids each`,
          ],
          attackers: [attacker],
        };
      };
    },
  },
  {
    key: "b",
    title: `Poison: an editor's awareness entry nested ${POISON_DEPTH.toLocaleString("en")} deep, then a second editor joins`,
    fiche: (data) => data.fiches.poison,
    async prepare(ctx) {
      const { editor } = ctx.data.users;
      const json = `{"user":{"id":${editor.id},"name":${JSON.stringify(editor.name)}},"cursor":${"[".repeat(POISON_DEPTH)}${"]".repeat(POISON_DEPTH)}}`;
      const message = awarenessMessage(4_242_424, 1, json);
      return async () => {
        const url = ctx.server.socketUrl(ctx.data.fiches.poison);
        const first = await joinAndSync(url, ctx.data.cookies.editor);
        const attacker = joinedPeer(first);
        if (!attacker) return { lines: [`the poisoning editor could not join: ${describeJoin(first)}`], attackers: [] };
        const sent = await attacker.send(message);
        await sleep(500);
        const second = await joinAndSync(url, ctx.data.cookies.witness);
        const secondPeer = joinedPeer(second);
        const seen = secondPeer?.awareness.get(4_242_424);
        secondPeer?.close();
        return {
          lines: [
            `editor sent one awareness entry of ${formatBytes(message.length)}${sent ? ` (send failed: ${sent.message})` : ""}`,
            `second editor joining: ${describeJoin(second)}` +
              (secondPeer ? `; ${seen ? `it received the poisoned entry${seen.unparsable ? ` (unparsable, ${seen.unparsable})` : ""}` : "it did not receive the poisoned entry"}` : ""),
          ],
          attackers: [attacker],
        };
      };
    },
  },
  {
    key: "c",
    title: "Bloat: an editor sends three ~1 MB updates deleting items of clients that do not exist",
    fiche: (data) => data.fiches.bloat,
    async prepare(ctx) {
      let next = 1;
      const messages = Array.from({ length: 3 }, () => {
        const built = deletionOnlyUpdate(next, UPDATE_BYTES);
        next = built.nextClient;
        return updateMessage(built.update);
      });
      const url = ctx.server.socketUrl(ctx.data.fiches.bloat);
      const stored = () => storedDocumentBytes(ctx.readOnly, ctx.data.fiches.bloat);
      const describeStored = (s: ReturnType<typeof stored>) => `${formatBytes(s.snapshot + s.log)} (snapshot ${formatBytes(s.snapshot)} + log ${formatBytes(s.log)} in ${s.logRows} rows)`;
      const before = stored();
      const readerBefore = await joinAndSync(url, null);
      if (readerBefore.outcome === "synced") readerBefore.peer.close();
      return async () => {
        const joined = await joinAndSync(url, ctx.data.cookies.editor);
        const attacker = joinedPeer(joined);
        if (!attacker) return { lines: [`the editor could not join: ${describeJoin(joined)}`], attackers: [] };
        const errors = await Promise.all(messages.map((m) => attacker.send(m)));
        const target = before.snapshot + before.log + 2.5 * UPDATE_BYTES;
        for (let waited = 0; waited < 10_000 && attacker.closeInfo === null; waited += 100) {
          const now = stored();
          if (now.snapshot + now.log >= target) break;
          await sleep(100);
        }
        await sleep(1000);
        const after = stored();
        const readerAfter = await joinAndSync(url, null, 30_000);
        if (readerAfter.outcome === "synced") readerAfter.peer.close();
        return {
          lines: [
            `sent ${errors.filter((e) => e === null).length}/3 frames of ${formatBytes(messages[0].length)}`,
            `stored document: before ${describeStored(before)}, after ${describeStored(after)}`,
            `a new anonymous reader: before ${describeJoin(readerBefore)}; after ${describeJoin(readerAfter)}`,
          ],
          attackers: [attacker],
        };
      };
    },
  },
  {
    key: "d",
    title: 'Spoof: an anonymous reader sets its awareness to {user:{id:1,name:"Administrateur"}}',
    fiche: (data) => data.fiches.spoof,
    async prepare(ctx) {
      const message = awarenessMessage(7_777_777, 1, JSON.stringify({ user: { id: ctx.data.users.admin.id, name: "Administrateur", color: "#000091" } }));
      return async () => {
        const url = ctx.server.socketUrl(ctx.data.fiches.spoof);
        const watching = await joinAndSync(url, ctx.data.cookies.editor);
        const editor = joinedPeer(watching);
        if (!editor) return { lines: [`the watching editor could not join: ${describeJoin(watching)}`], attackers: [] };
        const reader = await joinAndSync(url, null);
        const attacker = joinedPeer(reader);
        if (!attacker) {
          editor.close();
          return { lines: [`the anonymous reader could not join: ${describeJoin(reader)}`], attackers: [] };
        }
        await attacker.send(message);
        await sleep(1000);
        const shown = [...editor.awareness.entries()].map(([clientId, seen]) => {
          const user = (seen.state as { user?: { id?: unknown; name?: unknown } } | null)?.user;
          return `client ${clientId}: ${user ? `name ${JSON.stringify(user.name)}, user.id ${JSON.stringify(user.id)}` : JSON.stringify(seen.state)}`;
        });
        editor.close();
        return {
          lines: [`what the editor sees in awareness: ${shown.length > 0 ? shown.join("; ") : "nothing from the reader"}`],
          attackers: [attacker],
        };
      };
    },
  },
  {
    key: "e",
    title: "OIDC identity: next-auth 4 JWTs after an OpenID Connect sign-in (sub = the provider's subject, uid = the local account)",
    fiche: (data) => data.fiches.oidc,
    async prepare(ctx) {
      const { moderator, contributor } = ctx.data.users;
      const claims = { uid: contributor.id, name: contributor.name, email: contributor.email };
      const numericSub = await tokenCookie(ctx.data.secret, { ...claims, sub: String(moderator.id) });
      const uuidSub = await tokenCookie(ctx.data.secret, { ...claims, sub: crypto.randomUUID() });
      return async () => {
        const lines: string[] = [];
        const attackers: RawPeer[] = [];
        const probes = [
          { label: `sub "${moderator.id}" (= the moderator's local id), uid ${contributor.id} (${contributor.name}, contributeur), on the moderator's draft`, cookie: numericSub, ficheId: ctx.data.fiches.moderatorDraft },
          { label: `sub a UUID, uid ${contributor.id} (${contributor.name}, contributeur), on a published fiche`, cookie: uuidSub, ficheId: ctx.data.fiches.oidc },
        ];
        for (const probe of probes) {
          const joined = await joinAndSync(ctx.server.socketUrl(probe.ficheId), probe.cookie);
          const peer = joinedPeer(joined);
          const edit = peer ? `; an edit of the titre: ${await editStoredAs(ctx, peer, probe.ficheId)}` : "";
          if (peer) attackers.push(peer);
          lines.push(`${probe.label}: ${describeJoin(joined)}${edit}`);
        }
        lines.push(`(a contributor may not read that draft; the socket should act as user #${contributor.id} in both cases)`);
        return { lines, attackers };
      };
    },
  },
];
