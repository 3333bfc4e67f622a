/** What happens to what the mediator types: nothing is kept. */
export function PrivacyNote({ geocoding }: { geocoding: boolean }) {
  return (
    <aside className="orientation-privacy" aria-labelledby="titre-confidentialite">
      <h2 id="titre-confidentialite">Rien n&apos;est enregistré</h2>
      <p>
        Les réponses ne sont écrites nulle part : ni base de données, ni compte, ni journal propre au wiki. Elles ne vivent
        que dans l&apos;adresse de la page, que votre navigateur garde dans son historique, et dans le journal d&apos;accès
        ordinaire du serveur web. Ne saisissez ni nom ni autre information qui permettrait de reconnaître la personne.
        {geocoding &&
          " Une adresse tapée à l'étape « Où » est envoyée à la Base Adresse Nationale pour trouver sa position, puis oubliée."}
      </p>
    </aside>
  );
}
