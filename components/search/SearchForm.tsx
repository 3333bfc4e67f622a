/** The search page's own form: a GET to /recherche, so that every search has its URL. */
export function SearchForm({ q }: { q: string }) {
  return (
    <form role="search" action="/recherche" method="get" className="search-form" aria-label="Nouvelle recherche">
      <label htmlFor="recherche-q">Mots recherchés</label>
      <p id="recherche-q-aide" className="hint">
        Accents et majuscules sont ignorés, singulier et pluriel se valent ; des guillemets cherchent une expression exacte.
      </p>
      <div className="search-form__row">
        <input id="recherche-q" type="search" name="q" defaultValue={q} maxLength={200} aria-describedby="recherche-q-aide" enterKeyHint="search" />
        <button type="submit">Rechercher</button>
      </div>
    </form>
  );
}
