/**
 * Follows a theme the classifier suggested and nobody has confirmed yet. Written out, not only
 * styled, so that screen readers and printouts say it too.
 */
export function SuggestedMark() {
  return (
    <span className="tag__suggere" title="Thème proposé automatiquement d'après le texte, pas encore confirmé">
      {" "}
      (suggéré)
    </span>
  );
}
