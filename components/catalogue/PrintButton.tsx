"use client";

/** Opens the browser's print dialog for the page. */
export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()}>
      Imprimer ce catalogue
    </button>
  );
}
