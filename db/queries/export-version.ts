import { createHash } from "node:crypto";
import { readTogether, type Db } from "../client";

const EXPORTABLE = "statut IN ('publiee', 'archivee') AND masquee = 0 AND redirect_to_id IS NULL";

// Every row the exports read, in a stable order. Timestamps alone would not do: several writes
// (moderation in tests, link re-rendering, taxonomy labels, join tables) change exported content
// without moving any updated_at. Yjs bodies are stood for by their log position, not their bytes.
const EXPORTED_ROWS = [
  // Wiki links show their targets' current title and state, whatever those fiches' statut.
  "SELECT id, slug, titre, statut, masquee, redirect_to_id FROM fiche ORDER BY id",
  `SELECT id, type, created_at, updated_at, content_updated_at, fields, html, texte, commune, etat, ebauche FROM fiche WHERE ${EXPORTABLE} ORDER BY id`,
  `SELECT fiche_id, compacted_at, length(snapshot) FROM fiche_document WHERE fiche_id IN (SELECT id FROM fiche WHERE ${EXPORTABLE}) ORDER BY fiche_id`,
  `SELECT fiche_id, count(*), max(id) FROM fiche_update WHERE fiche_id IN (SELECT id FROM fiche WHERE ${EXPORTABLE}) GROUP BY fiche_id ORDER BY fiche_id`,
  "SELECT fiche_id, acteur_id, role FROM fiche_acteur ORDER BY fiche_id, acteur_id",
  "SELECT fiche_id, term_id, suggested FROM fiche_term ORDER BY fiche_id, term_id",
  "SELECT fiche_id, lieu_id FROM fiche_lieu ORDER BY fiche_id, lieu_id",
  "SELECT id, taxonomy, slug, label, position FROM taxonomy_term ORDER BY id",
  "SELECT id, slug, nom, categorie, typologie, description, site_web, courriel, telephone, siret, rna, created_at, updated_at FROM acteur ORDER BY id",
  "SELECT acteur_id, term_id FROM acteur_theme ORDER BY acteur_id, term_id",
  "SELECT * FROM lieu ORDER BY id",
  "SELECT key, value FROM setting WHERE key = 'content.licence'",
];

/**
 * A digest of everything the wiki's exports contain (public fiches and their bodies, the fiches
 * their links name, acteurs, lieux, taxonomy labels, the licence): it changes whenever an export would.
 */
export function exportContentDigest(db: Db): string {
  const hash = createHash("sha256");
  // One read transaction: a write between two queries could otherwise give a digest of no real state.
  readTogether(db, () => {
    for (const [i, query] of EXPORTED_ROWS.entries()) {
      hash.update(`\u0000${i}\u0000`);
      for (const row of db.$client.prepare(query).raw().iterate()) hash.update(JSON.stringify(row));
    }
  });
  return hash.digest("base64url").slice(0, 32);
}
