"use client";

import { Link } from "@/components/ui/Link";
import { useState } from "react";
import { Combobox } from "@/components/ui/Combobox";
import { getSuggestions } from "@/components/ui/useSuggestions";
import type { FicheSuggestion } from "@/db/queries/fiche-suggestion";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

const plural = (count: number) => (count > 1 ? "s" : "");

/**
 * Searches the published fiches as one types and puts the chosen one's id in a hidden `ficheId`
 * field; typing again forgets the choice. Enter submits the form only once a fiche is chosen.
 */
export function FichePicker({
  id,
  initial,
  error,
}: {
  id: string;
  /** What was chosen and typed before a refused submission. */
  initial: { ficheId: string; titre: string };
  error?: string[];
}) {
  const [chosen, setChosen] = useState(initial.ficheId);
  return (
    <>
      <input type="hidden" name="ficheId" value={chosen} />
      <Combobox<FicheSuggestion>
        id={id}
        name="ficheTitre"
        label="Fiche à ajouter"
        required
        hint="Tapez quelques mots de son titre, puis choisissez-la dans la liste avec les flèches et Entrée. Seules les fiches publiées sont proposées."
        errors={error}
        defaultValue={initial.titre}
        load={async (term, signal) => (await getSuggestions<{ fiches: FicheSuggestion[] }>(`/api/fiches/suggestions?q=${encodeURIComponent(term)}`, signal)).fiches}
        optionKey={(fiche) => fiche.id}
        renderOption={(fiche) => (
          <span>
            {displayTitre(fiche.titre)} <span className="muted">({FICHE_TYPE_LABELS[fiche.type].singular})</span>
          </span>
        )}
        onSelect={(fiche) => {
          setChosen(String(fiche.id));
          return displayTitre(fiche.titre);
        }}
        selectedAnnouncement={(fiche) => `Fiche choisie : ${displayTitre(fiche.titre)}.`}
        onTextChange={() => setChosen("")}
        listLabel="Fiches suggérées"
        foundAnnouncement={(count) => `${count} fiche${plural(count)} trouvée${plural(count)}.`}
        emptyText="Aucune fiche publiée ne porte ce titre."
        emptyAction={<Link href="/fiches/nouvelle">Écrire une nouvelle fiche</Link>}
        errorText="La recherche de fiches a échoué ; réessayez."
        submitOnEnter={chosen !== ""}
      />
    </>
  );
}
