"use client";

import { Link } from "@/components/ui/Link";
import { useId } from "react";
import { Combobox } from "@/components/ui/Combobox";
import { getSuggestions } from "@/components/ui/useSuggestions";
import type { ActeurSuggestion } from "@/db/queries/acteur-suggestion";
import { typologieLabel } from "@/lib/acteur/labels";

const plural = (count: number) => (count > 1 ? "s" : "");

/** "Ajouter un acteur": searches the directory as one types; the chosen acteur is handed over and the input emptied. */
export function ActeurCombobox({ excludeIds, onSelect }: { excludeIds: number[]; onSelect: (acteur: ActeurSuggestion) => void }) {
  const id = useId();
  return (
    <Combobox<ActeurSuggestion>
      id={`${id}-input`}
      label="Ajouter un acteur"
      hint="Tapez une partie de son nom, puis choisissez-le dans la liste avec les flèches et Entrée."
      load={async (term, signal) => {
        const { acteurs } = await getSuggestions<{ acteurs: ActeurSuggestion[] }>(`/api/acteurs/suggestions?q=${encodeURIComponent(term)}`, signal);
        return acteurs.filter((a) => !excludeIds.includes(a.id));
      }}
      optionKey={(acteur) => acteur.id}
      renderOption={(acteur) => (
        <span>
          {acteur.nom} <span className="muted">({typologieLabel(acteur.typologie)})</span>
        </span>
      )}
      onSelect={(acteur) => {
        onSelect(acteur);
        return "";
      }}
      selectedAnnouncement={(acteur) => `${acteur.nom} ajouté.`}
      listLabel="Acteurs suggérés"
      foundAnnouncement={(count) => `${count} acteur${plural(count)} trouvé${plural(count)}.`}
      emptyText="Aucun acteur ne porte ce nom."
      emptyAction={<Link href="/acteurs/nouveau">Présenter un nouvel acteur</Link>}
      errorText="La recherche d'acteurs a échoué ; réessayez."
    />
  );
}
