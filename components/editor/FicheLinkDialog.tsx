"use client";

import { useEffect, useId, useRef } from "react";
import type { Editor } from "@tiptap/react";
import { FicheCombobox } from "@/components/fiche/FicheCombobox";
import { displayTitre } from "@/lib/fiche/labels";
import { insertWikiLink } from "./wiki-link-suggestion";

/**
 * "Lier une fiche": a modal dialog (the browser's <dialog>, which keeps the focus inside and closes
 * on Escape) to find a fiche by its title and insert a link to it where the caret was.
 */
export function FicheLinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  // Close the modal first: the editor cannot take the focus while it is open.
  const finish = (insert?: () => void) => {
    dialog.current?.close();
    if (insert) insert();
    else editor.commands.focus();
    onClose();
  };

  return (
    <dialog ref={dialog} className="fiche-link-dialog" aria-labelledby={`${id}-title`} onCancel={(e) => (e.preventDefault(), finish())}>
      <h2 id={`${id}-title`}>Lier une fiche</h2>
      <p className="hint">Le lien affichera toujours le titre actuel de la fiche, même si elle est renommée.</p>
      <FicheCombobox
        label="Titre de la fiche à lier"
        hint="Tapez une partie du titre, puis choisissez la fiche avec les flèches et Entrée."
        autoFocus
        onSelect={(fiche) => {
          const item = {
            id: fiche.id,
            label: displayTitre(fiche.titre),
            detail: "",
            view: { label: displayTitre(fiche.titre), href: `/fiches/${fiche.slug}`, note: fiche.statut === "brouillon" ? "brouillon" : null },
          };
          // At the editor's selection, which ProseMirror keeps (and maps through peers' edits) while it is blurred.
          finish(() => insertWikiLink(editor, "fiche", item));
        }}
      />
      <div className="actions">
        <button type="button" className="button--secondary" onClick={() => finish()}>
          Annuler
        </button>
      </div>
    </dialog>
  );
}
