import * as Y from "yjs";
import type { FicheActeurRole, FicheType } from "./values";

/**
 * The layout of a fiche's Yjs document, the one source of truth of its content.
 *
 * Every field is a top-level shared type: two peers that create the same nested type at the same
 * time would each make their own and one would be dropped, with what was typed in it. Top-level
 * types exist in every replica from the start, so concurrent edits always merge.
 */
export const TEXT_FIELDS = ["titre", "commune", "quartier", "lienWeb", "source"] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

export const SET_FIELDS = ["themes", "publics", "enjeux", "lieux", "themesSuggeres"] as const;
export type SetField = (typeof SET_FIELDS)[number];

export const ETATS_ACTION = ["en_projet", "en_cours", "terminee"] as const;
export type EtatAction = (typeof ETATS_ACTION)[number];

export const BODY_FIELD = "body";

/** Plain-object view of a fiche's content, read from or written to its Yjs document. */
export type FicheContent = {
  type: FicheType;
  titre: string;
  commune: string;
  quartier: string;
  lienWeb: string;
  source: string;
  etat: EtatAction | null;
  /** A stub to complete: shown as « ébauche » and filterable, until someone fleshes it out. */
  ebauche: boolean;
  objectif: number | null;
  acteurs: { acteurId: number; role: FicheActeurRole }[];
  themes: number[];
  publics: number[];
  enjeux: number[];
  lieux: number[];
  themesSuggeres: number[];
};

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap("meta");
}
export function textField(doc: Y.Doc, name: TextField): Y.Text {
  return doc.getText(name);
}
export function setField(doc: Y.Doc, name: SetField): Y.Map<true> {
  return doc.getMap(name);
}
export function acteursMap(doc: Y.Doc): Y.Map<FicheActeurRole> {
  return doc.getMap("acteurs");
}
export function bodyFragment(doc: Y.Doc): Y.XmlFragment {
  return doc.getXmlFragment(BODY_FIELD);
}

/**
 * What the importer (server/importer) keeps in a fiche it wrote: "key", the fiche's stable key in
 * its source document, and "baseline", the JSON of the values it last wrote there, so that a
 * re-import tells the document's changes from people's edits. The editor never touches it.
 */
export function importMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap("import");
}

const IMPORT_KEY_MAX = 300;

/** The importer's key of a fiche, or null for a fiche written on the wiki (or a malformed key). */
export function readImportKey(doc: Y.Doc): string | null {
  const key = importMap(doc).get("key");
  return typeof key === "string" && key.length > 0 && key.length <= IMPORT_KEY_MAX ? key : null;
}

function ids(map: { keys(): IterableIterator<string> }): number[] {
  return [...map.keys()].map(Number).filter(Number.isInteger).sort((a, b) => a - b);
}

/** Reads the structured fields of a fiche (everything but the body). */
export function readFicheContent(doc: Y.Doc): FicheContent {
  const meta = metaMap(doc);
  const objectif = meta.get("objectif");
  const etat = meta.get("etat");
  return {
    type: (meta.get("type") as FicheType) ?? "pratique",
    titre: textField(doc, "titre").toString(),
    commune: textField(doc, "commune").toString(),
    quartier: textField(doc, "quartier").toString(),
    lienWeb: textField(doc, "lienWeb").toString(),
    source: textField(doc, "source").toString(),
    etat: typeof etat === "string" && (ETATS_ACTION as readonly string[]).includes(etat) ? (etat as EtatAction) : null,
    ebauche: meta.get("ebauche") === true,
    objectif: typeof objectif === "number" ? objectif : null,
    acteurs: [...acteursMap(doc).entries()]
      .map(([id, role]) => ({ acteurId: Number(id), role }))
      .filter((a) => Number.isInteger(a.acteurId))
      .sort((a, b) => a.acteurId - b.acteurId),
    themes: ids(setField(doc, "themes")),
    publics: ids(setField(doc, "publics")),
    enjeux: ids(setField(doc, "enjeux")),
    lieux: ids(setField(doc, "lieux")),
    themesSuggeres: ids(setField(doc, "themesSuggeres")),
  };
}

/** Replaces a Y.Text's content by the smallest edit (common prefix and suffix kept). */
export function setText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  let start = 0;
  while (start < current.length && start < next.length && current[start] === next[start]) start++;
  let endCurrent = current.length;
  let endNext = next.length;
  while (endCurrent > start && endNext > start && current[endCurrent - 1] === next[endNext - 1]) {
    endCurrent--;
    endNext--;
  }
  if (endCurrent > start) text.delete(start, endCurrent - start);
  if (endNext > start) text.insert(start, next.slice(start, endNext));
}

function setIds(map: Y.Map<true>, next: number[]): void {
  const wanted = new Set(next.map(String));
  for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
  for (const key of wanted) if (!map.has(key)) map.set(key, true);
}

/**
 * Writes the given structured fields into the document in one transaction, touching only what
 * differs, so that a write from the API or an import merges with live editors' work.
 */
export function writeFicheContent(doc: Y.Doc, content: Partial<FicheContent>, origin: unknown = null): void {
  doc.transact(() => {
    const meta = metaMap(doc);
    if (content.type !== undefined && meta.get("type") !== content.type) meta.set("type", content.type);
    for (const name of TEXT_FIELDS) {
      const value = content[name];
      if (value !== undefined) setText(textField(doc, name), value);
    }
    if (content.etat !== undefined) {
      if (content.etat === null) meta.delete("etat");
      else if (meta.get("etat") !== content.etat) meta.set("etat", content.etat);
    }
    if (content.ebauche !== undefined) {
      if (!content.ebauche) meta.delete("ebauche");
      else if (meta.get("ebauche") !== true) meta.set("ebauche", true);
    }
    if (content.objectif !== undefined) {
      if (content.objectif === null) meta.delete("objectif");
      else if (meta.get("objectif") !== content.objectif) meta.set("objectif", content.objectif);
    }
    for (const name of SET_FIELDS) {
      const value = content[name];
      if (value !== undefined) setIds(setField(doc, name), value);
    }
    if (content.acteurs !== undefined) {
      const map = acteursMap(doc);
      const wanted = new Map(content.acteurs.map((a) => [String(a.acteurId), a.role]));
      for (const key of [...map.keys()]) if (!wanted.has(key)) map.delete(key);
      for (const [key, role] of wanted) if (map.get(key) !== role) map.set(key, role);
    }
  }, origin);
}
