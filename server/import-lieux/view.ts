import { LIEU_LIST_FIELDS } from "@/lib/lieu/labels";
import type { LieuxImportView } from "@/lib/lieu/import-view";
import type { LieuInput } from "@/lib/schemas/lieu";
import type { LieuxImportOutcome } from "./apply";
import type { LieuxImportPlan } from "./plan";

const FIELD_LABELS: Record<keyof LieuInput, string> = {
  nom: "nom",
  adresse: "adresse",
  complementAdresse: "complément d'adresse",
  codePostal: "code postal",
  commune: "commune",
  codeInsee: "code INSEE",
  latitude: "latitude",
  longitude: "longitude",
  telephone: "téléphone",
  courriels: "courriels",
  siteWeb: "sites web",
  horaires: "horaires",
  presentationResume: "présentation résumée",
  presentationDetail: "présentation détaillée",
  ...(Object.fromEntries(Object.entries(LIEU_LIST_FIELDS).map(([field, { legend }]) => [field, legend.toLowerCase()])) as Record<keyof typeof LIEU_LIST_FIELDS, string>),
};

/** The plan (a preview) or the outcome (once imported) as the page shows it, in French. */
export function toLieuxImportView(plan: LieuxImportPlan, outcome?: LieuxImportOutcome): LieuxImportView {
  const count = (action: string) => plan.lieux.filter((l) => l.action === action).length;
  const countActeurs = (action: string) => plan.acteurs.filter((a) => a.action === action).length;
  // Created acteurs come out of applyLieuxImport in plan order: the n-th "create" is the n-th created.
  const createdSlugs = [...(outcome?.acteursCreated.map((a) => a.acteurSlug) ?? [])];
  const hrefs = plan.acteurs.map((a) => {
    if (a.existing) return `/acteurs/${a.existing.slug}`;
    const slug = a.action === "create" ? createdSlugs.shift() : undefined;
    return slug ? `/acteurs/${slug}` : null;
  });
  const acteurHref = (index: number | null) => (index === null ? null : hrefs[index]);
  return {
    filename: plan.filename,
    digest: plan.digest,
    done: outcome !== undefined,
    counts: {
      create: count("create"),
      update: count("update"),
      unchanged: count("unchanged"),
      skip: count("skip"),
      acteursCreate: countActeurs("create"),
      acteursUpdate: countActeurs("update"),
      acteursReuse: countActeurs("reuse"),
    },
    acteurs: plan.acteurs.map((a, index) => ({ nom: a.nom, action: a.action, href: hrefs[index] })),
    rows: plan.lieux.map((l) => ({
      line: l.line,
      nom: l.nom,
      acteur: l.acteur === null ? null : plan.acteurs[l.acteur].nom,
      action: l.action,
      changes: l.changes.map((field) => FIELD_LABELS[field]),
      problems: l.problems.map((p) => ({ column: p.column, message: p.messageFr })),
      href: l.action === "skip" ? null : acteurHref(l.acteur),
    })),
    notes: plan.notes.map((n) => (n.line ? `Ligne ${n.line} : ${n.messageFr}` : n.messageFr)),
  };
}
