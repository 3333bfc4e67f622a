import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import * as Y from "yjs";
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from "@tiptap/y-tiptap";
import { openDatabase, type Db } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { getViewerById } from "@/db/queries/viewer";
import { listFichesCitingFiche } from "@/db/queries/backlink";
import { fiche, user } from "@/db/schema";
import { seedDatabase } from "@/server/importer/seed";
import { getFicheSchema } from "@/lib/editor/extensions";
import { bodyFragment } from "@/lib/fiche/document";
import { loadDocumentState } from "@/server/collab/persistence";
import { projectFiche } from "@/server/fiche-projection";
import { hideFiche, unhideFiche } from "@/server/moderation";
import { editStoredFiche, renameFiche } from "@/server/wiki-link-testing";

/**
 * What wiki links cost, on the seeded fiches (Livre blanc and reports): projecting a fiche whose body holds
 * BENCH_LINKS (10) links against the same fiche without them; renaming a fiche cited by N others
 * (each citing fiche is re-rendered from its stored document); hiding one; listing its backlinks;
 * projecting after one character typed (what every pause in typing costs).
 * Median of BENCH_RUNS (7) runs.
 */

const LINKS = Number(process.env.BENCH_LINKS ?? 10);
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
const line = (label: string, ms: number, detail = "") => console.log(`${label.padEnd(48)} ${ms.toFixed(2).padStart(9)} ms   ${detail}`);

function loadDoc(db: Db, ficheId: number): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(db, ficheId)!);
  return doc;
}

/** Types one character at the start of the body's first text, as an editor would. */
function typeOneCharacter(doc: Y.Doc, i: number): void {
  const [text] = bodyFragment(doc).createTreeWalker((node) => node instanceof Y.XmlText);
  if (!(text instanceof Y.XmlText)) throw new Error("the sample fiche's body has no text");
  text.insert(0, "abcdefghij"[i % 10]);
}

/** Appends a paragraph linking to `targets` to a fiche's stored body, as a peer would. */
function addLinks(db: Db, ficheId: number, targets: number[]): void {
  editStoredFiche(db, ficheId, (doc) => {
    const json = yXmlFragmentToProsemirrorJSON(bodyFragment(doc));
    json.content = [...(json.content ?? []), { type: "paragraph", content: targets.flatMap((id) => [{ type: "text", text: " voir " }, { type: "ficheLink", attrs: { ficheId: id } }]) }];
    const fragment = bodyFragment(doc);
    fragment.delete(0, fragment.length);
    prosemirrorJSONToYXmlFragment(getFicheSchema(), json, fragment);
  });
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "wiki-bench-links-"));
  try {
    const db = openDatabase(path.join(dir, "wiki.sqlite"));
    migrateDatabase(db);
    seedDatabase(db);
    const ids = db.select({ id: fiche.id }).from(fiche).orderBy(asc(fiche.id)).all().map((r) => r.id);
    const mod = getViewerById(db, db.insert(user).values({ email: "bench@exemple.fr", name: "Bench", role: "moderateur" }).returning().get().id)!;
    console.log(`${ids.length} seeded fiches (Livre blanc and reports), median of ${RUNS} runs`);
    console.log(
      "Left out of the real path: server/index.ts. The functions are called in this process on one connection: " +
        "no projection worker thread, no socket, no concurrent typing, and SQLite's automatic checkpoints stay on (the server runs them in a background thread).",
    );

    // Projection of an unchanged document (everything rendered and compared, nothing written), for
    // the same fiche before and after a paragraph of links is added to it.
    const sample = ids[1];
    const plainDoc = loadDoc(db, sample);
    const plainMs = time(RUNS * 5, () => projectFiche(db, sample, plainDoc));
    addLinks(db, sample, ids.slice(2, 2 + LINKS));
    const linkedDoc = loadDoc(db, sample);
    const linkedMs = time(RUNS * 5, () => projectFiche(db, sample, linkedDoc));
    line("projectFiche, no link", plainMs);
    line(`projectFiche, same fiche with ${LINKS} links`, linkedMs, `x${(linkedMs / plainMs).toFixed(2)}`);
    // What each pause in typing costs the projection worker: one character more, so every row,
    // the html and the search entry are written.
    const typedMs = time(RUNS * 5, (i) => {
      typeOneCharacter(linkedDoc, i);
      if (!projectFiche(db, sample, linkedDoc)) throw new Error("a typed character was not projected");
    });
    line("projectFiche after one character typed", typedMs, "(rows, html and search entry written)");

    // Renaming a fiche re-renders every fiche citing it.
    let cited = 0;
    let alone = 0;
    const target = ids[ids.length - 1];
    for (const n of [0, 1, 10, 50, ids.length - 2]) {
      for (const id of ids.slice(2, 2 + n).filter((id) => id !== target).slice(cited)) addLinks(db, id, [target]);
      cited = Math.max(cited, n);
      const citers = listFichesCitingFiche(db, target, null).length;
      const ms = time(RUNS, (i) => renameFiche(db, target, `Titre renommé ${n}-${i}`));
      if (citers === 0) alone = ms;
      line(`rename a fiche cited by ${citers}`, ms, citers ? `+${((ms - alone) / citers).toFixed(2)} ms per citing fiche` : "");
    }
    const citers = listFichesCitingFiche(db, target, null).length;
    line(`hide + unhide a fiche cited by ${citers}`, time(RUNS, () => (hideFiche(db, mod, target), unhideFiche(db, mod, target))));
    line(`listFichesCitingFiche (${citers} backlinks)`, time(RUNS * 5, () => listFichesCitingFiche(db, target, mod)));
    const check = db.select({ html: fiche.html }).from(fiche).where(eq(fiche.id, ids[2])).get()!.html;
    if (!check.includes("Titre renommé")) throw new Error("the citing fiche does not show the new title");
    plainDoc.destroy();
    linkedDoc.destroy();
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
