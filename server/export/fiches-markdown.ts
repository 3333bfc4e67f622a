import type { ExportContext, ExportedFiche, TermValue } from "./fiche-record";
import { bodyToMarkdown, escapeMarkdown } from "./markdown-body";

// A fiche as a Markdown file: YAML front matter with its structured fields and the licence, then
// its title and body. Strings are written as JSON strings, which are valid YAML double-quoted
// scalars, so that no value can break out of the front matter.

const str = (value: string) => JSON.stringify(value);
const list = (values: string[]) => `[${values.map(str).join(", ")}]`;
const slugs = (terms: TermValue[]) => list(terms.map((t) => t.slug));

function frontMatter(fiche: ExportedFiche, context: ExportContext): string {
  const lines = [
    `titre: ${str(fiche.titre)}`,
    `slug: ${str(fiche.slug)}`,
    `url: ${str(fiche.url)}`,
    `type: ${str(fiche.type)}`,
    `statut: ${str(fiche.statut)}`,
  ];
  if (fiche.etat) lines.push(`etat: ${str(fiche.etat)}`);
  if (fiche.ebauche) lines.push("ebauche: true");
  if (fiche.commune) lines.push(`commune: ${str(fiche.commune)}`);
  if (fiche.quartier) lines.push(`quartier: ${str(fiche.quartier)}`);
  if (fiche.lienWeb) lines.push(`lienWeb: ${str(fiche.lienWeb)}`);
  if (fiche.source) lines.push(`source: ${str(fiche.source)}`);
  if (fiche.objectif) lines.push(`objectif: ${str(fiche.objectif.slug)}`);
  lines.push(`themes: ${slugs(fiche.themes)}`);
  if (fiche.themesSuggeres.length) lines.push(`themesSuggeres: ${slugs(fiche.themesSuggeres)}`);
  lines.push(`publics: ${slugs(fiche.publics)}`, `enjeux: ${slugs(fiche.enjeux)}`);
  if (fiche.acteurs.length) {
    lines.push("acteurs:");
    for (const a of fiche.acteurs) lines.push(`  - nom: ${str(a.nom)}`, `    slug: ${str(a.slug)}`, `    role: ${str(a.role)}`);
  } else lines.push("acteurs: []");
  if (fiche.lieux.length) {
    lines.push("lieux:");
    for (const l of fiche.lieux) {
      lines.push(`  - nom: ${str(l.nom)}`, `    adresse: ${str(`${l.adresse}, ${l.codePostal} ${l.commune}`)}`, `    acteur: ${str(l.acteurSlug)}`);
    }
  }
  lines.push(`createdAt: ${str(fiche.createdAt)}`, `updatedAt: ${str(fiche.contentUpdatedAt ?? fiche.updatedAt)}`);
  lines.push("licence:", `  id: ${str(context.licence.id)}`, `  name: ${str(context.licence.name)}`, `  url: ${str(context.licence.url)}`);
  return `---\n${lines.join("\n")}\n---\n`;
}

/** One fiche as a Markdown document: front matter (fields, acteurs, terms, licence), title, body. */
export function renderFicheMarkdown(fiche: ExportedFiche, context: ExportContext): string {
  const body = bodyToMarkdown(fiche.body);
  const title = `# ${escapeMarkdown(fiche.titre.trim() || "Fiche sans titre")}`;
  return `${frontMatter(fiche, context)}\n${title}\n${body ? `\n${body}\n` : ""}`;
}
