import type { LieuxImportView } from "@/lib/lieu/import-view";

const ROW_ACTIONS = {
  create: { preview: "À créer", done: "Créé" },
  update: { preview: "À mettre à jour", done: "Mis à jour" },
  unchanged: { preview: "Inchangé", done: "Inchangé" },
  skip: { preview: "Ignoré", done: "Ignoré" },
} as const;

const ACTEUR_ACTIONS = {
  create: { preview: "à créer", done: "créé" },
  update: { preview: "SIRET ou RNA à compléter", done: "SIRET ou RNA complété" },
  reuse: { preview: "déjà dans l'annuaire", done: "déjà dans l'annuaire" },
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** The counts, acteurs, rows and notes of a lieux import, before (preview) or after it ran. */
export function LieuxImportReport({ view }: { view: LieuxImportView }) {
  const when = view.done ? "done" : "preview";
  const { counts } = view;
  return (
    <>
      <ul className="stats">
        <li>
          <strong>{counts.create}</strong> {counts.create > 1 ? "lieux" : "lieu"} {view.done ? (counts.create > 1 ? "créés" : "créé") : "à créer"}
        </li>
        <li>
          <strong>{counts.update}</strong> {counts.update > 1 ? "lieux" : "lieu"} {view.done ? "mis à jour" : "à mettre à jour"}
        </li>
        <li>
          <strong>{counts.unchanged}</strong> {counts.unchanged > 1 ? "lieux inchangés" : "lieu inchangé"}
        </li>
        <li>
          <strong>{counts.skip}</strong> {counts.skip > 1 ? "lignes ignorées" : "ligne ignorée"}
        </li>
        <li>
          <strong>{counts.acteursCreate}</strong> {counts.acteursCreate > 1 ? "acteurs" : "acteur"}{" "}
          {view.done ? (counts.acteursCreate > 1 ? "créés" : "créé") : "à créer"}
        </li>
      </ul>

      {view.rows.some((r) => r.action === "skip") && (
        <p className="alert alert--error">
          {plural(counts.skip, "ligne ne peut pas être importée", "lignes ne peuvent pas être importées")} : la raison est donnée
          dans le tableau. Corrigez le fichier et importez-le à nouveau pour {counts.skip > 1 ? "les" : "la"} reprendre.
        </p>
      )}

      <div className="table-wrap">
        <table className="import-lieux-table">
          <caption>Lignes du fichier « {view.filename} »</caption>
          <thead>
            <tr>
              <th scope="col">Ligne</th>
              <th scope="col">Lieu</th>
              <th scope="col">Acteur</th>
              <th scope="col">{view.done ? "Résultat" : "Ce que fera l'import"}</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <th scope="row">{row.nom || <span className="muted">(sans nom)</span>}</th>
                <td>{row.href ? <a href={row.href}>{row.acteur}</a> : (row.acteur ?? "—")}</td>
                <td>
                  <span className={row.action === "skip" ? "import-lieux-table__skip" : undefined}>{ROW_ACTIONS[row.action][when]}</span>
                  {row.changes.length > 0 && <> : {row.changes.join(", ")}</>}
                  {row.problems.length > 0 && (
                    <ul>
                      {row.problems.map((p, i) => (
                        <li key={i}>
                          colonne <code>{p.column}</code> : {p.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {view.acteurs.length > 0 && (
        <>
          <h3>Acteurs</h3>
          <ul>
            {view.acteurs.map((a, i) => (
              <li key={i}>
                {a.href ? <a href={a.href}>{a.nom}</a> : a.nom} : {ACTEUR_ACTIONS[a.action][when]}
              </li>
            ))}
          </ul>
        </>
      )}

      {view.notes.length > 0 && (
        <>
          <h3>À savoir</h3>
          <ul>
            {view.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
