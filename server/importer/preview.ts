import type { ImportPreview, ImportResultView, PreviewFiche } from "@/lib/import/preview";
import type { ImportOutcome } from "./apply";
import type { ImportPlan, PlannedActeur } from "./plan";
import type { ImportedFiche } from "./types";

/** A fiche's directory acteurs, each once with the role it is first named with, as applyImport links them. */
function acteursOf(fiche: ImportedFiche, acteurByKey: Map<string, PlannedActeur>): PreviewFiche["acteurs"] {
  const seen = new Set<string>();
  const acteurs: PreviewFiche["acteurs"] = [];
  for (const parsed of fiche.acteurs) {
    const planned = parsed.generic ? undefined : acteurByKey.get(parsed.key);
    if (!planned || planned.action === "skip" || seen.has(parsed.key)) continue;
    seen.add(parsed.key);
    acteurs.push({ nom: planned.existing?.nom ?? planned.nom, role: parsed.role, action: planned.action });
  }
  return acteurs;
}

/** The plan as the import page shows it: fiches with their acteurs and terms by name, the report in French. */
export function previewOf(plan: ImportPlan): ImportPreview {
  const acteurByKey = new Map(plan.acteurs.map((a) => [a.key, a]));
  const titreByKey = new Map(plan.fiches.map((f) => [f.fiche.key, f.fiche.titre]));
  const labels = (ids: number[]) => ids.map((id) => plan.terms.get(id)?.label).filter((label): label is string => !!label);
  return {
    digest: plan.digest,
    document: { filename: plan.document.filename, title: plan.document.title, format: plan.document.format },
    fiches: plan.fiches.map(({ fiche, action, existing, changes, kept, values }) => ({
      key: fiche.key,
      titre: fiche.titre,
      type: fiche.type,
      action,
      slug: existing?.slug ?? null,
      changes,
      kept,
      acteurs: acteursOf(fiche, acteurByKey),
      acteursRaw: fiche.acteursRaw,
      publics: labels(values.publics),
      themesSuggeres: labels(values.themesSuggeres),
      source: values.source,
      line: fiche.source.line,
    })),
    acteurs: plan.acteurs.map((a) => ({
      nom: a.nom,
      action: a.action,
      categorie: a.categorie,
      typologie: a.typologie,
      existing: a.existing && { nom: a.existing.nom, slug: a.existing.slug },
      fiches: a.fiches.length,
    })),
    report: plan.report.map((entry) => ({
      severity: entry.severity,
      code: entry.code,
      message: entry.messageFr,
      line: entry.line ?? null,
      fiche: (entry.ficheKey && titreByKey.get(entry.ficheKey)) ?? null,
    })),
  };
}

/** What an import did, for the page: links to the fiches and acteurs it created or updated. */
export function resultOf(outcome: ImportOutcome): ImportResultView {
  const link = (f: ImportOutcome["created"][number]) => ({ slug: f.slug, titre: f.titre, type: f.type });
  return {
    created: outcome.created.map(link),
    updated: outcome.updated.map((f) => ({ ...link(f), kept: f.kept })),
    unchanged: outcome.unchanged.length,
    acteursCreated: outcome.acteursCreated.map((a) => ({ slug: a.slug, nom: a.nom })),
    acteursReused: outcome.acteursReused.length,
  };
}
