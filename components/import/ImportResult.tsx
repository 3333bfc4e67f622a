import type { RefObject } from "react";
import { Link } from "@/components/ui/Link";
import {
  IMPORT_FIELD_LABELS,
  IMPORTED_TYPE_LABELS,
  type ImportedFicheLink,
  type ImportField,
  type ImportResultView,
  type PreviewIssue,
} from "@/lib/import/preview";
import { ImportIssueList } from "./ImportIssueList";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function FicheLinks({ fiches }: { fiches: (ImportedFicheLink & { kept?: ImportField[] })[] }) {
  return (
    <ul className="import-links">
      {fiches.map((f) => (
        <li key={f.slug}>
          <Link href={`/fiches/${f.slug}`}>{f.titre}</Link>{" "}
          <span className="muted">
            ({IMPORTED_TYPE_LABELS[f.type]}
            {f.kept?.length ? `, version du wiki gardée pour : ${f.kept.map((k) => IMPORT_FIELD_LABELS[k]).join(", ")}` : ""})
          </span>
        </li>
      ))}
    </ul>
  );
}

type Props = {
  result: ImportResultView;
  /** The warnings of the confirmed preview's report, still to be checked in the fiches. */
  warnings: PreviewIssue[];
  headingRef: RefObject<HTMLHeadingElement | null>;
  onRestart: () => void;
};

/** The outcome of an import, with links to every fiche and acteur it created or updated, and what is left to check. */
export function ImportResultSummary({ result, warnings, headingRef, onRestart }: Props) {
  return (
    <section aria-labelledby="import-done-title" className="import-result">
      <h2 id="import-done-title" ref={headingRef} tabIndex={-1}>
        Import terminé
      </h2>
      <div role="status" className="alert alert--success">
        <p>
          {plural(result.created.length, "fiche créée", "fiches créées")}, {plural(result.updated.length, "fiche mise à jour", "fiches mises à jour")},{" "}
          {plural(result.unchanged, "inchangée", "inchangées")} ; {plural(result.acteursCreated.length, "acteur ajouté", "acteurs ajoutés")} à
          l&apos;annuaire, {plural(result.acteursReused, "acteur déjà présent relié", "acteurs déjà présents reliés")}.
          {warnings.length ? ` Le rapport signale ${plural(warnings.length, "point à vérifier, listé", "points à vérifier, listés")} ci-dessous.` : ""}
        </p>
      </div>
      {result.created.length > 0 && (
        <>
          <h3>Fiches créées</h3>
          <FicheLinks fiches={result.created} />
        </>
      )}
      {result.updated.length > 0 && (
        <>
          <h3>Fiches mises à jour</h3>
          <FicheLinks fiches={result.updated} />
        </>
      )}
      {result.acteursCreated.length > 0 && (
        <details>
          <summary>Acteurs ajoutés à l&apos;annuaire ({result.acteursCreated.length})</summary>
          <ul className="import-links">
            {result.acteursCreated.map((a) => (
              <li key={a.slug}>
                <Link href={`/acteurs/${a.slug}`}>{a.nom}</Link>
              </li>
            ))}
          </ul>
        </details>
      )}
      {warnings.length > 0 && (
        <details>
          <summary>Points à vérifier ({warnings.length})</summary>
          <ImportIssueList issues={warnings} />
        </details>
      )}
      <div className="actions">
        <button type="button" onClick={onRestart}>
          Importer un autre fichier
        </button>
      </div>
    </section>
  );
}
