import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { desc, eq, sql } from "drizzle-orm";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import type { JSONContent } from "@tiptap/core";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getViewerById } from "@/db/queries/viewer";
import { listRecentChanges } from "@/db/queries/recent-changes";
import { getLatestRevision, listFicheContributors, listRevisions } from "@/db/queries/revision";
import { fiche, ficheRevision, user } from "@/db/schema";
import { seedDatabase } from "@/server/importer/seed";
import { diffArraysBounded } from "@/lib/diff/arrays";
import { diffWords } from "@/lib/diff/words";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment, writeFicheContent } from "@/lib/fiche/document";
import { loadDocumentState } from "@/server/collab/persistence";
import { editFicheDocument } from "@/server/collab/testing";
import { renderRecentChangesFeed } from "@/server/feed/feeds";
import { restoreRevision, takeRevision } from "@/server/revision";
import { diffRevisions } from "@/server/revision-diff";

/**
 * What the history costs, on the Livre blanc's 121 fiches with BENCH_REVISIONS (20) revisions each:
 * taking a revision (stored, and skipped as identical), diffing two versions of the longest fiche,
 * the word diff on long texts, restoring, and the history and recent-changes queries and feed.
 * Median of BENCH_RUNS (7) runs.
 */

const REVISIONS = Number(process.env.BENCH_REVISIONS ?? 20);
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(runs: number, run: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run(i);
    times.push(performance.now() - start);
  }
  return median(times);
}
const line = (label: string, ms: number, detail = "") => console.log(`${label.padEnd(52)} ${ms.toFixed(2).padStart(9)} ms   ${detail}`);

/** Rewrites every other word of every paragraph of a fiche's stored body, as a long editing session would. */
function rewriteBody(db: Db, ficheId: number, userId: number, round: number): void {
  editFicheDocument(
    ficheId,
    userId,
    (doc) => {
      const json = yXmlFragmentToProsemirrorJSON(bodyFragment(doc));
      const reword = (node: JSONContent): JSONContent =>
        node.type === "text" && node.text
          ? { ...node, text: node.text.split(" ").map((w, i) => (i % 2 === round % 2 ? `${w}${round}` : w)).join(" ") }
          : { ...node, ...(node.content ? { content: node.content.map(reword) } : {}) };
      const fragment = bodyFragment(doc);
      fragment.delete(0, fragment.length);
      prosemirrorJSONToYXmlFragment(getFicheSchema(), reword(json), fragment);
      writeFicheContent(doc, { commune: `Commune ${round}` });
    },
    db,
  );
}

function words(count: number, prefix: string): string {
  return Array.from({ length: count }, (_, i) => `${prefix}${i % 97}`).join(" ");
}

export async function run(): Promise<void> {
  console.log(
    "revision: the history's domain functions called in-process on a temporary database. Left out of the real path: server/index.ts, HTTP and Next's pages, the projection worker (edits are projected on this thread) and the live collaboration server (no room is loaded).",
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-revision-"));
  const db = openDatabase(path.join(dir, "wiki.sqlite"));
  try {
    migrateDatabase(db);
    const seedStart = performance.now();
    seedDatabase(db);
    line("first start: import the Livre blanc (121 revisions)", performance.now() - seedStart);
    const imported = db.select({ id: fiche.id }).from(fiche).all();
    line(
      "takeRevision on the 121 imported fiches (all skipped)",
      time(3, () => imported.forEach((f) => takeRevision(db, f.id, loadDocumentState(db, f.id)!, [], "import"))),
      "what the import's revisions cost at most",
    );
    const editor = db.insert(user).values({ email: "bench@exemple.fr", name: "Banc d'essai", role: "moderateur" }).returning().get();
    const fiches = db.select({ id: fiche.id }).from(fiche).all();
    const longest = db.select({ id: fiche.id, length: sql<number>`length(${fiche.texte})` }).from(fiche).orderBy(desc(sql`length(${fiche.texte})`)).get()!;

    const fillStart = performance.now();
    for (let round = 1; round < REVISIONS; round++) {
      for (const f of fiches) {
        rewriteBody(db, f.id, editor.id, round);
        takeRevision(db, f.id, loadDocumentState(db, f.id)!, [editor.id], "pause");
      }
    }
    const revisionCount = db.select({ n: sql<number>`count(*)` }).from(ficheRevision).get()!.n;
    console.log(`${revisionCount} revisions in ${((performance.now() - fillStart) / 1000).toFixed(1)} s of edits and revisions`);

    const state = loadDocumentState(db, longest.id)!;
    line("takeRevision, identical content (skipped)", time(RUNS, () => takeRevision(db, longest.id, state, [editor.id], "pause")), `longest fiche, ${longest.length} characters`);
    let round = REVISIONS;
    const taken = time(RUNS, () => {
      rewriteBody(db, longest.id, editor.id, round++);
      takeRevision(db, longest.id, loadDocumentState(db, longest.id)!, [editor.id], "pause");
    });
    line("edit + takeRevision, new content (stored)", taken, "longest fiche");

    const revisions = db.select().from(ficheRevision).where(eq(ficheRevision.ficheId, longest.id)).orderBy(ficheRevision.id).all();
    const [first, last] = [revisions[0], revisions.at(-1)!];
    line("diffRevisions, first vs last version", time(RUNS, () => diffRevisions(db, first, last)), `longest fiche, every other word changed`);
    line("diffRevisions, two consecutive versions", time(RUNS, () => diffRevisions(db, revisions.at(-2)!, last)), "longest fiche");

    const a = words(5000, "mot");
    const scattered = a.split(" ").map((w, i) => (i % 100 === 0 ? `${w}x` : w)).join(" ");
    line("diffWords, 5,000 words, 50 scattered edits", time(RUNS, () => diffWords(a, scattered)));
    line("diffWords, 5,000 words, all different (bounded)", time(RUNS, () => diffWords(a, words(5000, "autre"))), "falls back past 1,000 edits");
    const ids = Array.from({ length: 20_000 }, (_, i) => i);
    line("diffArraysBounded, 20,000 items, 10 insertions", time(RUNS, () => diffArraysBounded(ids, [...ids.slice(0, 5000), -1, -2, -3, -4, -5, ...ids.slice(5000, 15_000), -6, -7, -8, -9, -10, ...ids.slice(15_000)])));

    const viewer = getViewerById(db, editor.id)!;
    line("restoreRevision (no live editors)", time(RUNS, (i) => restoreRevision(db, longest.id, revisions[i % 2].id, viewer)), "longest fiche");

    const any = fiches[0].id;
    line("listRevisions, page 1 of 50", time(RUNS, () => listRevisions(db, any)), `${REVISIONS} revisions`);
    line("listFicheContributors", time(RUNS, () => listFicheContributors(db, any)));
    line("getLatestRevision", time(RUNS, () => getLatestRevision(db, any)));
    line("listRecentChanges, page 1 of 30, no filter", time(RUNS, () => listRecentChanges(db, {})), `${revisionCount} revisions`);
    line("listRecentChanges, page 40, theme filter", time(RUNS, () => listRecentChanges(db, { theme: "lien-social", page: 40 })));
    line("recent changes Atom feed (50 entries)", time(RUNS, () => renderRecentChangesFeed(db, {}, "https://wiki.exemple.fr", "")));
    const bytes = db.select({ n: sql<number>`sum(length(${ficheRevision.state}))` }).from(ficheRevision).get()!.n;
    console.log(`revision states: ${(bytes / 1024 / 1024).toFixed(1)} MiB for ${revisionCount} revisions (${Math.round(bytes / revisionCount)} bytes each on average)`);
  } finally {
    db.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
