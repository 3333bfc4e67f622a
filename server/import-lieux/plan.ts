import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { listExportableActeurs } from "@/db/queries/acteur-export";
import { acteur, type Lieu } from "@/db/schema";
import { acteurSchema, type ActeurInput } from "@/lib/schemas/acteur";
import type { LieuInput } from "@/lib/schemas/lieu";
import { lieuIdentity, lieuSchemaId } from "../export/lieux-schema";
import { normaliseActeurName } from "../importer/acteur-names";
import { guessActeurKind } from "../importer/acteur-typologie";
import { indexActeurs } from "../importer/plan";
import type { LieuxCsvFile } from "./read";
import { acteurKindOfRow, acteurNomOf, changedLieuFields, lieuInputOf, pivotOfRow, type CellProblem } from "./row";

/** An organisation of the file: created, completed with its SIRET or RNA ("update"), or reused as it is. */
export type PlannedLieuxActeur = {
  nom: string;
  action: "create" | "update" | "reuse";
  existing: { id: number; slug: string; nom: string } | null;
  /** For "create": the acteur to insert, validated like the acteur form. */
  input: ActeurInput | null;
  /** For "update": the organisation number the acteur gains. */
  pivot: { siret?: string; rna?: string };
  siret: string | null;
  rna: string | null;
  lines: number[];
};

/** A row of the file and what the import does with it; `acteur` indexes PlannedLieuxActeur. */
export type PlannedLieu = {
  line: number;
  id: string;
  nom: string;
  action: "create" | "update" | "unchanged" | "skip";
  acteur: number | null;
  existing: { id: number; nom: string } | null;
  input: LieuInput | null;
  changes: (keyof LieuInput)[];
  problems: CellProblem[];
};

/** Something the moderator should know that does not stop a row. */
export type LieuxImportNote = { line?: number; column?: string; messageFr: string; messageEn: string };

export type LieuxImportPlan = { filename: string; acteurs: PlannedLieuxActeur[]; lieux: PlannedLieu[]; notes: LieuxImportNote[]; digest: string };

type ExistingLieu = { lieu: Lieu; acteurId: number };

// Columns of the schema the wiki has no field for: said once, not per row.
const NOT_KEPT = ["dispositif_programmes_nationaux", "formations_labels", "autres_formations_labels", "fiche_acces_libre", "prise_rdv"] as const;

function indexLieux(db: Db) {
  const byId = new Map<string, ExistingLieu>();
  const byIdentity = new Map<string, ExistingLieu>();
  for (const a of listExportableActeurs(db)) {
    for (const lieu of a.lieux) {
      byId.set(lieuSchemaId(a.nom, lieu), { lieu, acteurId: a.id });
      byIdentity.set(`${a.id}|${lieuIdentity(a.nom, lieu)}`, { lieu, acteurId: a.id });
    }
  }
  return { byId, byIdentity };
}

function indexPivots(db: Db) {
  const rows = db.select({ id: acteur.id, slug: acteur.slug, nom: acteur.nom, siret: acteur.siret, rna: acteur.rna }).from(acteur).orderBy(acteur.id).all();
  const bySiret = new Map<string, (typeof rows)[number]>();
  const byRna = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    if (row.siret && !bySiret.has(row.siret)) bySiret.set(row.siret, row);
    if (row.rna && !byRna.has(row.rna)) byRna.set(row.rna, row);
  }
  return { bySiret, byRna };
}

/**
 * What importing a read lieux CSV would do, without writing. Acteurs are matched by pivot (SIRET,
 * then RNA), then by normalised name (structure_parente, else the lieu's name); lieux by the id of
 * our own exports (a hash of their identity, so a file exported here and edited elsewhere updates
 * the same lieux), then by identity under their acteur: name, address and postal code. A row whose
 * cells are invalid is skipped with its problems; a lieu named twice in the file is kept once.
 */
export function planLieuxImport(db: Db, file: Extract<LieuxCsvFile, { ok: true }>, text = ""): LieuxImportPlan {
  const names = indexActeurs(db);
  const { bySiret, byRna } = indexPivots(db);
  const lieux = indexLieux(db);
  const acteurs: PlannedLieuxActeur[] = [];
  const planned: PlannedLieu[] = [];
  const notes: LieuxImportNote[] = [];
  const seen = new Set<string>();
  const matched = new Set<number>();

  // The file's organisations, found again by SIRET, RNA or normalised name for each of their rows.
  const inFile = new Map<string, number>();
  const remember = (index: number, key: string, pivot: { siret?: string | null; rna?: string | null }) => {
    for (const k of [`nom:${key}`, pivot.siret && `siret:${pivot.siret}`, pivot.rna && `rna:${pivot.rna}`]) if (k && !inFile.has(k)) inFile.set(k, index);
  };

  const acteurFor = (row: (typeof file.rows)[number], pivot: { siret?: string; rna?: string }): number => {
    const nom = acteurNomOf(row);
    const key = normaliseActeurName(nom);
    const known = (pivot.siret && inFile.get(`siret:${pivot.siret}`)) ?? (pivot.rna && inFile.get(`rna:${pivot.rna}`)) ?? inFile.get(`nom:${key}`);
    if (typeof known === "number") {
      acteurs[known].lines.push(row.line);
      remember(known, key, pivot);
      return known;
    }
    const existing = (pivot.siret && bySiret.get(pivot.siret)) || (pivot.rna && byRna.get(pivot.rna)) || null;
    const found = existing ?? names.get(key)?.[0] ?? null;
    if (found) {
      const current = db.select({ siret: acteur.siret, rna: acteur.rna }).from(acteur).where(eq(acteur.id, found.id)).get();
      // An acteur without an organisation number gains the file's, unless another acteur already holds it.
      const gains = {
        ...(pivot.siret && !current?.siret && !bySiret.has(pivot.siret) ? { siret: pivot.siret } : {}),
        ...(pivot.rna && !current?.rna && !byRna.has(pivot.rna) ? { rna: pivot.rna } : {}),
      };
      const action = Object.keys(gains).length ? "update" : "reuse";
      acteurs.push({ nom: found.nom, action, existing: { id: found.id, slug: found.slug, nom: found.nom }, input: null, pivot: gains, siret: pivot.siret ?? current?.siret ?? null, rna: pivot.rna ?? current?.rna ?? null, lines: [row.line] });
      remember(acteurs.length - 1, normaliseActeurName(found.nom), { siret: current?.siret, rna: current?.rna });
    } else {
      const kind = acteurKindOfRow(row) ?? (pivot.rna ? { typologie: "association" as const, categorie: "non_lucratif" as const } : guessActeurKind(key, nom));
      const input = acteurSchema.parse({ nom, categorie: kind.categorie, typologie: kind.typologie, siret: pivot.siret, rna: pivot.rna, themes: [] });
      acteurs.push({ nom, action: "create", existing: null, input, pivot, siret: pivot.siret ?? null, rna: pivot.rna ?? null, lines: [row.line] });
    }
    remember(acteurs.length - 1, key, pivot);
    return acteurs.length - 1;
  };

  for (const row of file.rows) {
    const base = { line: row.line, id: row.values.id, nom: row.values.nom, existing: null, changes: [] };
    const read = lieuInputOf(row);
    const nom = acteurNomOf(row);
    const nameProblem = acteurSchema.shape.nom.safeParse(nom).success
      ? []
      : [{ column: "structure_parente" as const, messageFr: `le nom de l'organisation « ${nom} » est vide ou trop long (160 caractères au plus)`, messageEn: `organisation name "${nom}" is empty or longer than 160 characters` }];
    if (!read.ok || nameProblem.length) {
      planned.push({ ...base, action: "skip", acteur: null, input: null, problems: [...(read.ok ? [] : read.problems), ...nameProblem] });
      continue;
    }
    const pivot = pivotOfRow(row);
    if (pivot.problem) notes.push({ line: row.line, column: "pivot", messageFr: pivot.problem.messageFr, messageEn: pivot.problem.messageEn });
    const index = acteurFor(row, pivot);
    const owner = acteurs[index];
    const identity = lieuIdentity(owner.nom, read.input);
    if (seen.has(`${index}|${identity}`)) {
      planned.push({
        ...base,
        action: "skip",
        acteur: index,
        input: null,
        problems: [{ column: "nom", messageFr: "ce lieu (même acteur, même nom, même adresse) figure déjà plus haut dans le fichier", messageEn: "this lieu (same acteur, name and address) appears earlier in the file" }],
      });
      continue;
    }
    seen.add(`${index}|${identity}`);
    const match = lieux.byId.get(row.values.id) ?? (owner.existing ? lieux.byIdentity.get(`${owner.existing.id}|${identity}`) : undefined);
    if (match && matched.has(match.lieu.id)) {
      planned.push({
        ...base,
        action: "skip",
        acteur: index,
        input: null,
        problems: [{ column: "id", messageFr: `une ligne plus haut met déjà à jour le lieu « ${match.lieu.nom} »`, messageEn: `a row above already updates lieu "${match.lieu.nom}"` }],
      });
      continue;
    }
    if (match) matched.add(match.lieu.id);
    if (!match) {
      planned.push({ ...base, action: "create", acteur: index, input: read.input, problems: [] });
      continue;
    }
    const changes = changedLieuFields(match.lieu, read.input);
    planned.push({ ...base, action: changes.length ? "update" : "unchanged", acteur: index, existing: { id: match.lieu.id, nom: match.lieu.nom }, input: read.input, changes, problems: [] });
  }

  for (const column of NOT_KEPT) {
    const count = file.rows.filter((r) => r.values[column]).length;
    if (count) {
      notes.push({
        column,
        messageFr: `La colonne « ${column} » est renseignée sur ${count} ligne${count > 1 ? "s" : ""} : le wiki ne la conserve pas.`,
        messageEn: `Column "${column}" is filled on ${count} row${count > 1 ? "s" : ""}: the wiki does not keep it.`,
      });
    }
  }
  const plan = { filename: file.filename, acteurs, lieux: planned, notes };
  return { ...plan, digest: digestOf(plan, text) };
}

function digestOf(plan: Omit<LieuxImportPlan, "digest">, text: string): string {
  const summary = {
    text: createHash("sha256").update(text).digest("base64url"),
    acteurs: plan.acteurs.map((a) => [a.nom, a.action, a.existing?.id ?? null, a.pivot]),
    lieux: plan.lieux.map((l) => [l.line, l.action, l.acteur, l.existing?.id ?? null, l.changes]),
  };
  return createHash("sha256").update(JSON.stringify(summary)).digest("base64url");
}
