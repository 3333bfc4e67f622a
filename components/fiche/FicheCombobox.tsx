"use client";

import { useId, useState } from "react";
import { Combobox } from "@/components/ui/Combobox";
import { getSuggestions } from "@/components/ui/useSuggestions";
import type { FicheLinkSuggestion } from "@/db/queries/fiche-link-suggestion";
import { displayTitre, FICHE_STATUT_LABELS, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";

type Props = {
  label: string;
  hint?: string;
  /** With a name, the chosen fiche's id is submitted with the form; without, onSelect receives it. */
  name?: string;
  onSelect?: (fiche: FicheLinkSuggestion) => void;
  excludeIds?: number[];
  errors?: string[];
  autoFocus?: boolean;
  /** The id of the input, for an error summary's link. */
  inputId?: string;
};

const plural = (count: number) => (count > 1 ? "s" : "");

/**
 * Picks a fiche by its title among the published fiches and one's own drafts (/api/fiches/liens).
 * The first suggestion is highlighted as it comes, so that typing then Enter links the best match;
 * Enter never submits the surrounding form from here.
 */
export function FicheCombobox({ label, hint, name, onSelect, excludeIds = [], errors, autoFocus, inputId }: Props) {
  const id = useId();
  const [chosen, setChosen] = useState<FicheLinkSuggestion | null>(null);
  return (
    <>
      <Combobox<FicheLinkSuggestion>
        id={inputId ?? `${id}-input`}
        label={label}
        hint={hint}
        errors={errors}
        autoFocus={autoFocus}
        autoHighlight
        load={async (term, signal) => {
          const { fiches } = await getSuggestions<{ fiches: FicheLinkSuggestion[] }>(`/api/fiches/liens?q=${encodeURIComponent(term)}`, signal);
          return fiches.filter((f) => !excludeIds.includes(f.id));
        }}
        optionKey={(fiche) => fiche.id}
        renderOption={(fiche) => (
          <span>
            {displayTitre(fiche.titre)}{" "}
            <span className="muted">
              ({FICHE_TYPE_LABELS[fiche.type].singular}
              {fiche.statut !== "publiee" ? `, ${FICHE_STATUT_LABELS[fiche.statut].toLowerCase()}` : ""})
            </span>
          </span>
        )}
        onSelect={(fiche) => {
          onSelect?.(fiche);
          if (!name) return "";
          setChosen(fiche);
          return displayTitre(fiche.titre);
        }}
        selectedAnnouncement={(fiche) => (name ? `« ${displayTitre(fiche.titre)} » choisie.` : "")}
        onTextChange={() => setChosen(null)}
        listLabel="Fiches trouvées"
        foundAnnouncement={(count) => `${count} fiche${plural(count)} trouvée${plural(count)}.`}
        emptyText="Aucune fiche ne porte ce titre."
        errorText="La recherche de fiches a échoué ; réessayez."
      />
      {name && <input type="hidden" name={name} value={chosen?.id ?? ""} />}
    </>
  );
}
