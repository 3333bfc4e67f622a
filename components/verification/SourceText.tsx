import type { ImportedValuesView } from "@/server/verification";
import type { FicheSourceText } from "@/server/verification-source";
import { ACTEUR_ROLE_LABELS } from "@/lib/fiche/labels";
import styles from "./verification.module.css";

const UNAVAILABLE = {
  not_kept:
    "Le document d'origine de cette fiche n'est pas conservé par le wiki (un fichier envoyé lors d'un import n'est lu qu'une fois) : son texte ne peut pas être affiché.",
  not_found: "Le passage du document d'origine dont vient cette fiche est introuvable : le document a changé depuis l'import.",
} as const;

function ImportedValues({ imported }: { imported: ImportedValuesView | null }) {
  if (!imported) return <p>Les valeurs écrites par l&apos;import ne sont pas connues non plus : vérifiez la fiche d&apos;après vos propres sources.</p>;
  const list = (items: string[]) => (items.length ? items.join(", ") : "aucun");
  return (
    <>
      <p>Voici les valeurs que l&apos;import a écrites dans la fiche :</p>
      <dl className="details">
        <dt>Titre</dt>
        <dd>{imported.titre || "aucun"}</dd>
        <dt>Commune</dt>
        <dd>{imported.commune || "aucune"}</dd>
        <dt>Acteurs</dt>
        <dd>{list(imported.acteurs.map((a) => `${a.nom} (${ACTEUR_ROLE_LABELS[a.role].singular.toLowerCase()})`))}</dd>
        <dt>Publics</dt>
        <dd>{list(imported.publics.map((t) => t.label))}</dd>
        <dt>Thèmes suggérés</dt>
        <dd>{list(imported.themesSuggeres.map((t) => t.label))}</dd>
        <dt>Source citée</dt>
        <dd>{imported.source || "aucune"}</dd>
      </dl>
    </>
  );
}

/** The lines of the source document a fiche was read from, or why they cannot be shown and what the import wrote. */
export function SourceText({ source, imported }: { source: FicheSourceText; imported: ImportedValuesView | null }) {
  return (
    <section aria-labelledby="verification-source" className={styles.source}>
      <h3 id="verification-source">Texte source</h3>
      {source.kind === "document" ? (
        <>
          <p className="muted">
            {source.document}, {source.section}, lignes {source.firstLine} à {source.lastLine}.
          </p>
          {/* Focusable: a scrolling region must scroll from the keyboard too. */}
          <pre className={styles.sourceText} tabIndex={0}>
            {source.text}
          </pre>
        </>
      ) : (
        <>
          <p className="alert">{UNAVAILABLE[source.reason]}</p>
          <ImportedValues imported={imported} />
        </>
      )}
    </section>
  );
}
