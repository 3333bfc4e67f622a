import type { RefObject } from "react";
import { Link } from "@/components/ui/Link";
import { ACTEUR_CATEGORIE_LABELS, typologieLabel } from "@/lib/acteur/labels";
import {
  IMPORT_FIELD_LABELS,
  IMPORTED_ROLE_LABELS,
  IMPORTED_TYPE_LABELS,
  type ImportField,
  type ImportPreview,
  type PreviewFiche,
} from "@/lib/import/preview";
import { ImportIssueList } from "./ImportIssueList";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const fieldList = (fields: ImportField[]) => fields.map((field) => IMPORT_FIELD_LABELS[field]).join(", ");

function FicheAction({ fiche }: { fiche: PreviewFiche }) {
  const kept = fiche.kept.length ? `, garde la version du wiki : ${fieldList(fiche.kept)}` : "";
  if (fiche.action === "create") return <>À créer</>;
  if (fiche.action === "unchanged") return <>Inchangée{kept}</>;
  return (
    <>
      À mettre à jour : {fieldList(fiche.changes)}
      {kept}
    </>
  );
}

function FicheRow({ fiche }: { fiche: PreviewFiche }) {
  return (
    <tr>
      <th scope="row">
        {fiche.slug ? <Link href={`/fiches/${fiche.slug}`}>{fiche.titre}</Link> : fiche.titre}
        <span className="import-source muted">Ligne {fiche.line}</span>
      </th>
      <td>{IMPORTED_TYPE_LABELS[fiche.type]}</td>
      <td>
        <FicheAction fiche={fiche} />
      </td>
      <td>
        {fiche.acteurs.length ? (
          <ul className="plain-list">
            {fiche.acteurs.map((a) => (
              <li key={a.nom}>
                {a.nom} <span className="muted">({IMPORTED_ROLE_LABELS[a.role]}{a.action === "reuse" ? ", déjà dans l'annuaire" : ""})</span>
              </li>
            ))}
          </ul>
        ) : null}
        {fiche.acteursRaw && fiche.acteurs.length === 0 ? <span className="muted">Écrit sur la fiche : {fiche.acteursRaw}</span> : null}
        {!fiche.acteursRaw ? <span className="muted">Aucun</span> : null}
      </td>
      <td>{fiche.publics.join(", ") || <span className="muted">Aucun</span>}</td>
      <td>{fiche.themesSuggeres.join(", ") || <span className="muted">Aucun</span>}</td>
    </tr>
  );
}

type Props = {
  preview: ImportPreview;
  /** Why this preview replaces the one the moderator confirmed, if it does. */
  notice: string | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onConfirm: () => void;
  onCancel: () => void;
};

/** What an import will do, the report of what is uncertain, and the confirmation. */
export function ImportPreviewView({ preview, notice, headingRef, onConfirm, onCancel }: Props) {
  const count = (action: string) => preview.fiches.filter((f) => f.action === action).length;
  const acteurs = (action: string) => preview.acteurs.filter((a) => a.action === action).length;
  const warnings = preview.report.filter((entry) => entry.severity === "warning");
  const infos = preview.report.filter((entry) => entry.severity === "info");
  const writes = count("create") + count("update");
  return (
    <section aria-labelledby="import-preview-title" className="import-preview">
      <h2 id="import-preview-title" ref={headingRef} tabIndex={-1}>
        Aperçu de l&apos;import
      </h2>
      {notice && (
        <div role="alert" className="alert alert--error">
          <p>{notice}</p>
        </div>
      )}
      <p>
        « {preview.document.filename} », lu comme {preview.document.format === "livre-blanc" ? "le texte du Livre blanc" : "un document Markdown"} :{" "}
        {plural(preview.fiches.length, "fiche trouvée", "fiches trouvées")}. Rien n&apos;est encore écrit.
      </p>
      <ul className="stats" aria-label="Ce que l'import va faire">
        <li><strong>{count("create")}</strong> {count("create") > 1 ? "fiches à créer" : "fiche à créer"}</li>
        <li><strong>{count("update")}</strong> à mettre à jour</li>
        <li><strong>{count("unchanged")}</strong> {count("unchanged") > 1 ? "inchangées" : "inchangée"}</li>
        <li><strong>{acteurs("create")}</strong> {acteurs("create") > 1 ? "acteurs à créer" : "acteur à créer"}</li>
        <li><strong>{acteurs("reuse")}</strong> déjà dans l&apos;annuaire</li>
        <li><strong>{warnings.length}</strong> {warnings.length > 1 ? "points à vérifier" : "point à vérifier"}</li>
      </ul>
      <p className="muted">
        Les fiches créées sont publiées et marquées « à vérifier » ; leurs thèmes sont des suggestions, à confirmer dans chaque fiche.
      </p>
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={writes === 0 && acteurs("create") === 0} aria-describedby={writes === 0 ? "import-nothing" : undefined}>
          Confirmer l&apos;import
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          Choisir un autre fichier
        </button>
        {writes === 0 && (
          <span id="import-nothing" className="muted">
            Tout est déjà à jour : il n&apos;y a rien à importer.
          </span>
        )}
      </div>

      <h3>Points à vérifier ({warnings.length})</h3>
      {warnings.length ? <ImportIssueList issues={warnings} /> : <p>Aucun : rien d&apos;incertain dans ce document.</p>}
      {infos.length > 0 && (
        <details>
          <summary>Informations ({infos.length}) : catégories d&apos;acteurs devinées, acteurs reconnus, copies fusionnées</summary>
          <ImportIssueList issues={infos} />
        </details>
      )}

      <div className="table-wrap">
        <table className="import-table">
          <caption>Fiches ({preview.fiches.length})</caption>
          <thead>
            <tr>
              <th scope="col">Fiche</th>
              <th scope="col">Type</th>
              <th scope="col">Import</th>
              <th scope="col">Acteurs</th>
              <th scope="col">Publics</th>
              <th scope="col">Thèmes suggérés</th>
            </tr>
          </thead>
          <tbody>
            {preview.fiches.map((fiche) => (
              <FicheRow key={fiche.key} fiche={fiche} />
            ))}
          </tbody>
        </table>
      </div>

      <details>
        <summary>Acteurs de l&apos;annuaire ({preview.acteurs.length})</summary>
        <div className="table-wrap">
          <table className="import-table">
            <caption>Acteurs ({preview.acteurs.length})</caption>
            <thead>
              <tr>
                <th scope="col">Acteur</th>
                <th scope="col">Catégorie</th>
                <th scope="col">Type d&apos;organisation</th>
                <th scope="col">Import</th>
                <th scope="col">Fiches</th>
              </tr>
            </thead>
            <tbody>
              {preview.acteurs.map((a) => (
                <tr key={a.nom}>
                  <th scope="row">{a.nom}</th>
                  <td>{ACTEUR_CATEGORIE_LABELS[a.categorie]}</td>
                  <td>{typologieLabel(a.typologie)}</td>
                  <td>
                    {a.action === "create" ? "À créer" : a.action === "skip" ? "Non ajouté (voir les points à vérifier)" : null}
                    {a.existing ? (
                      <>
                        Déjà dans l&apos;annuaire : <Link href={`/acteurs/${a.existing.slug}`}>{a.existing.nom}</Link>
                      </>
                    ) : null}
                  </td>
                  <td>{a.fiches}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
