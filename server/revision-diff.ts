import { inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { acteur, lieu, taxonomyTerm, type FicheRevision } from "@/db/schema";
import { diffArraysBounded } from "@/lib/diff/arrays";
import { diffWords, type TextSegment } from "@/lib/diff/words";
import type { FicheContent } from "@/lib/fiche/document";
import { ACTEUR_ROLE_LABELS, ETAT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import { getFicheDocuments } from "./collab/write";
import type { RevisionSnapshot } from "./revision-snapshot";
import type { WikiLinkResolvers } from "./fiche-html";
import { bodyBlocks, type BodyBlock } from "./revision-blocks";
import { loadRevisionLinkResolvers } from "./revision-links";

/** A field whose value is one text: the word-level diff of its two values. */
export type TextFieldDiff = { kind: "text"; field: string; label: string; segments: TextSegment[] };

/** One member of a set field (themes, acteurs…) and what became of it. */
export type SetItem = { label: string; change: "kept" | "removed" | "added" };

/** A field holding a set: its members before (kept or removed) and after (kept or added), by label. */
export type SetFieldDiff = { kind: "set"; field: string; label: string; before: SetItem[]; after: SetItem[] };

export type FieldDiff = TextFieldDiff | SetFieldDiff;

/** One block of the body (heading, paragraph, list item, table row) in the diff. */
export type BodyBlockDiff = {
  /** "equal": unchanged; "insert" / "delete": a whole block added or removed; "change": edited in place. */
  op: "equal" | "insert" | "delete" | "change";
  kind: BodyBlock["kind"];
  /** A list item's marker ("•", "3.") and nesting depth; numbers are not compared, so inserting an item does not mark the next ones. */
  marker?: string;
  depth?: number;
  segments: TextSegment[];
};

/** What changed between two revisions: only the fields that differ, and the whole body block by block. */
export type RevisionDiff = { fields: FieldDiff[]; body: BodyBlockDiff[]; bodyChanged: boolean };

const TEXT_FIELDS: { field: "titre" | "commune" | "quartier" | "lienWeb" | "source"; label: string }[] = [
  { field: "titre", label: "Titre" },
  { field: "commune", label: "Commune" },
  { field: "quartier", label: "Quartier" },
  { field: "lienWeb", label: "Lien web" },
  { field: "source", label: "Source" },
];

const TERM_SETS: { field: "themes" | "publics" | "enjeux" | "themesSuggeres"; label: string }[] = [
  { field: "themes", label: "Thèmes" },
  { field: "publics", label: "Publics" },
  { field: "enjeux", label: "Enjeux" },
  { field: "themesSuggeres", label: "Thèmes suggérés" },
];

type Names = { terms: Map<number, string>; acteurs: Map<number, string>; lieux: Map<number, string> };

function resolveNames(db: Db, contents: FicheContent[]): Names {
  const termIds = [...new Set(contents.flatMap((c) => [...c.themes, ...c.publics, ...c.enjeux, ...c.themesSuggeres, ...(c.objectif === null ? [] : [c.objectif])]))];
  const acteurIds = [...new Set(contents.flatMap((c) => c.acteurs.map((a) => a.acteurId)))];
  const lieuIds = [...new Set(contents.flatMap((c) => c.lieux))];
  const terms = termIds.length ? db.select({ id: taxonomyTerm.id, label: taxonomyTerm.label }).from(taxonomyTerm).where(inArray(taxonomyTerm.id, termIds)).all() : [];
  const acteurs = acteurIds.length ? db.select({ id: acteur.id, nom: acteur.nom }).from(acteur).where(inArray(acteur.id, acteurIds)).all() : [];
  const lieux = lieuIds.length
    ? db.select({ id: lieu.id, nom: lieu.nom, commune: lieu.commune }).from(lieu).where(inArray(lieu.id, lieuIds)).all()
    : [];
  return {
    terms: new Map(terms.map((t) => [t.id, t.label])),
    acteurs: new Map(acteurs.map((a) => [a.id, a.nom])),
    lieux: new Map(lieux.map((l) => [l.id, `${l.nom} (${l.commune})`])),
  };
}

// Something deleted since the revision was taken is still named, by what it was.
const termLabel = (names: Names, id: number) => names.terms.get(id) ?? `Terme supprimé (n° ${id})`;
const acteurLabel = (names: Names, id: number) => names.acteurs.get(id) ?? `Acteur supprimé (n° ${id})`;
const lieuLabel = (names: Names, id: number) => names.lieux.get(id) ?? `Lieu supprimé (n° ${id})`;

function valueDiff(field: string, label: string, before: string, after: string): TextFieldDiff | null {
  if (before === after) return null;
  const segments: TextSegment[] = [];
  if (before) segments.push({ op: "delete", text: before });
  if (after) segments.push({ op: "insert", text: after });
  return { kind: "text", field, label, segments };
}

function setDiff(field: string, label: string, before: Map<string, string>, after: Map<string, string>): SetFieldDiff | null {
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const added = [...after.keys()].filter((k) => !before.has(k));
  if (removed.length === 0 && added.length === 0) return null;
  const items = (map: Map<string, string>, changed: string[], change: SetItem["change"]) =>
    [...map.entries()]
      .map(([key, itemLabel]) => ({ label: itemLabel, change: changed.includes(key) ? change : ("kept" as const) }))
      .sort((x, y) => x.label.localeCompare(y.label, "fr"));
  return { kind: "set", field, label, before: items(before, removed, "removed"), after: items(after, added, "added") };
}

/** The fields that differ between two contents, in the order of the fiche page, names resolved. */
export function diffFields(db: Db, before: FicheContent, after: FicheContent): FieldDiff[] {
  const names = resolveNames(db, [before, after]);
  const diffs: (FieldDiff | null)[] = [
    valueDiff("type", "Type de fiche", FICHE_TYPE_LABELS[before.type]?.singular ?? before.type, FICHE_TYPE_LABELS[after.type]?.singular ?? after.type),
  ];
  for (const { field, label } of TEXT_FIELDS) {
    if (before[field] !== after[field]) diffs.push({ kind: "text", field, label, segments: diffWords(before[field], after[field]) });
  }
  diffs.push(valueDiff("etat", "État de l'action", before.etat ? ETAT_LABELS[before.etat] : "", after.etat ? ETAT_LABELS[after.etat] : ""));
  diffs.push(
    valueDiff("objectif", "Objectif", before.objectif === null ? "" : termLabel(names, before.objectif), after.objectif === null ? "" : termLabel(names, after.objectif)),
  );
  for (const { field, label } of TERM_SETS) {
    const map = (c: FicheContent) => new Map(c[field].map((id) => [String(id), termLabel(names, id)]));
    diffs.push(setDiff(field, label, map(before), map(after)));
  }
  const acteurs = (c: FicheContent) =>
    new Map(c.acteurs.map((a) => [`${a.acteurId}:${a.role}`, `${acteurLabel(names, a.acteurId)} (${ACTEUR_ROLE_LABELS[a.role]?.singular ?? a.role})`]));
  diffs.push(setDiff("acteurs", "Acteurs", acteurs(before), acteurs(after)));
  const lieux = (c: FicheContent) => new Map(c.lieux.map((id) => [String(id), lieuLabel(names, id)]));
  diffs.push(setDiff("lieux", "Lieux", lieux(before), lieux(after)));
  return diffs.filter((d): d is FieldDiff => d !== null);
}

const sameBlock = (a: BodyBlock, b: BodyBlock) => a.kind === b.kind && a.text === b.text;

function shape(block: BodyBlock): Pick<BodyBlockDiff, "kind" | "marker" | "depth"> {
  return block.kind === "item" ? { kind: "item", marker: block.marker, depth: block.depth } : { kind: block.kind };
}

/**
 * The body's blocks, diffed as a sequence; a removed block followed by an added one of the same kind
 * reads as one edited block. Both sides' wiki links read through the same `links`.
 */
export function diffBodies(before: RevisionSnapshot["body"], after: RevisionSnapshot["body"], links: WikiLinkResolvers): BodyBlockDiff[] {
  const changes = diffArraysBounded(bodyBlocks(before, links), bodyBlocks(after, links), sameBlock);
  const out: BodyBlockDiff[] = [];
  let removed: BodyBlock[] = [];
  let added: BodyBlock[] = [];
  const flushChanges = () => {
    for (let j = 0; j < Math.max(removed.length, added.length); j++) {
      const old = removed[j];
      const next = added[j];
      if (old && next && old.kind === next.kind) {
        out.push({ op: "change", ...shape(next), segments: diffWords(old.text, next.text) });
        continue;
      }
      if (old) out.push({ op: "delete", ...shape(old), segments: [{ op: "delete", text: old.text }] });
      if (next) out.push({ op: "insert", ...shape(next), segments: [{ op: "insert", text: next.text }] });
    }
    removed = [];
    added = [];
  };
  // Kept runs carry the new side's blocks: they are shown as they are now (a list item's new number).
  for (const change of changes) {
    if (change.removed) removed.push(...change.value);
    else if (change.added) added.push(...change.value);
    else {
      flushChanges();
      for (const block of change.value) out.push({ op: "equal", ...shape(block), segments: [{ op: "equal", text: block.text }] });
    }
  }
  flushChanges();
  return out;
}

/** The readable diff from revision `a` to revision `b`: fields with names resolved, and the body's text, its links by their labels. */
export function diffRevisions(db: Db, a: FicheRevision, b: FicheRevision): RevisionDiff {
  const documents = getFicheDocuments(db);
  const before = documents.readState(a.state);
  const after = documents.readState(b.state);
  const body = diffBodies(before.body, after.body, loadRevisionLinkResolvers(db, [before.body, after.body]));
  return { fields: diffFields(db, before.content, after.content), body, bodyChanged: body.some((block) => block.op !== "equal") };
}

/** One field of a version, for its page: the label and the values, names resolved. */
export type FieldValue = { field: string; label: string; values: string[] };

/** The non-empty fields of a version (the title aside), in the order of the fiche page. */
export function describeFields(db: Db, content: FicheContent): FieldValue[] {
  const names = resolveNames(db, [content]);
  const fields: FieldValue[] = [{ field: "type", label: "Type de fiche", values: [FICHE_TYPE_LABELS[content.type]?.singular ?? content.type] }];
  for (const { field, label } of TEXT_FIELDS) if (field !== "titre" && content[field].trim()) fields.push({ field, label, values: [content[field]] });
  if (content.etat) fields.push({ field: "etat", label: "État de l'action", values: [ETAT_LABELS[content.etat]] });
  if (content.objectif !== null) fields.push({ field: "objectif", label: "Objectif", values: [termLabel(names, content.objectif)] });
  for (const { field, label } of TERM_SETS) {
    if (content[field].length) fields.push({ field, label, values: content[field].map((id) => termLabel(names, id)) });
  }
  if (content.acteurs.length) {
    fields.push({
      field: "acteurs",
      label: "Acteurs",
      values: content.acteurs.map((a) => `${acteurLabel(names, a.acteurId)} (${ACTEUR_ROLE_LABELS[a.role]?.singular ?? a.role})`),
    });
  }
  if (content.lieux.length) fields.push({ field: "lieux", label: "Lieux", values: content.lieux.map((id) => lieuLabel(names, id)) });
  return fields;
}
