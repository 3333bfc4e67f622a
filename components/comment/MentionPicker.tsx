"use client";

import { Combobox } from "@/components/ui/Combobox";
import { getSuggestions } from "@/components/ui/useSuggestions";

type Person = { id: number; name: string };
const plural = (count: number) => (count > 1 ? "s" : "");

/** "@": picks a person among the wiki's accounts, by name, and hands them to the composer. */
export function MentionPicker({ id, onPick }: { id: string; onPick: (person: Person) => void }) {
  return (
    <Combobox<Person>
      id={id}
      label="Mentionner une personne (facultatif)"
      hint="Tapez le début de son nom puis choisissez-la : elle sera prévenue de votre message."
      autoHighlight
      load={async (term, signal) => (await getSuggestions<{ personnes: Person[] }>(`/api/commentaires/personnes?q=${encodeURIComponent(term)}`, signal)).personnes}
      optionKey={(person) => person.id}
      renderOption={(person) => person.name}
      onSelect={(person) => {
        onPick(person);
        return "";
      }}
      selectedAnnouncement={(person) => `${person.name} est mentionnée dans votre message.`}
      listLabel="Personnes trouvées"
      foundAnnouncement={(count) => `${count} personne${plural(count)} trouvée${plural(count)}.`}
      emptyText="Personne ne porte ce nom."
      errorText="La recherche de personnes a échoué ; réessayez."
    />
  );
}
