import styles from "./verification.module.css";

const SHORTCUTS: [key: string, what: string][] = [
  ["C", "confirmer l'élément où se trouve le focus (ou le premier qui reste à vérifier)"],
  ["R", "rejeter ou retirer cet élément (effacer la commune)"],
  ["E", "corriger le titre ou la commune, choisir le rôle d'un acteur"],
  ["T", "tout confirmer et passer à la fiche suivante"],
  ["P", "passer cette fiche : elle reste à vérifier"],
  ["Échap", "annuler une correction en cours"],
];

/** The review's keyboard shortcuts, always shown: every one of them has its button too. */
export function ShortcutsHelp() {
  return (
    <section aria-labelledby="verification-raccourcis" className={styles.shortcuts}>
      <h3 id="verification-raccourcis">Raccourcis clavier</h3>
      <p className="hint">
        Ils agissent quand le focus est dans la vérification, hors des champs de saisie. Après chaque décision, le focus passe à
        l&apos;élément suivant ; Tab parcourt tous les boutons.
      </p>
      <dl>
        {SHORTCUTS.map(([key, what]) => (
          <div key={key} style={{ display: "contents" }}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
