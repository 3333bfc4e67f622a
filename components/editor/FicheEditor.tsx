"use client";

import { useMemo, useState } from "react";
import type { Editor } from "@tiptap/core";
import dynamic from "next/dynamic";
import type { LinkedActeur } from "@/db/queries/acteur-suggestion";
import type { FicheType } from "@/lib/fiche/values";
import { ETATS_ACTION, metaMap, setField, textField, type FicheContent } from "@/lib/fiche/document";
import { ETAT_LABELS } from "@/lib/fiche/labels";
import { ActeursField } from "./ActeursField";
import { Presence } from "./Presence";
import { LoadedBodyEditor } from "./LoadedBodyEditor";
import { LocalCopyToggle } from "./LocalCopyToggle";
import { SaveStatus } from "./SaveStatus";
import { useFicheSession, type EditorUser } from "./useFicheSession";
import { SuggestedThemes } from "./SuggestedThemes";
import { YMetaCheckbox } from "./YMetaCheckbox";
import { YMetaSelect } from "./YMetaSelect";
import { YSetCheckboxes } from "./YSetCheckboxes";
import { YTextField } from "./YTextField";
import styles from "./editor.module.css";

type TermOption = { id: number; label: string };

// Rendered only once the editor is open (see discussionShown): its code (zod with it) and the server
// action that loads the threads would otherwise compete with the body editor and the socket's sync.
const DiscussionLoading = () => <p className="muted">Chargement de la discussion…</p>;
const EditorDiscussion = dynamic(() => import("@/components/comment/EditorDiscussion").then((m) => m.EditorDiscussion), {
  ssr: false,
  loading: DiscussionLoading,
});

export type FicheEditorProps = {
  ficheId: number;
  type: FicheType;
  /** The stored Yjs state, base64: the browser's document starts from it, editable before the socket syncs. */
  initialState: string;
  /** The same state's fields, which the server renders without Yjs. */
  initialContent: FicheContent;
  user: EditorUser;
  canEdit: boolean;
  /** May change the fiche's porteurs (canManageFiche). */
  canManage: boolean;
  /** The acteurs the person is a member of: porteur by default when they may manage the fiche. */
  ownActeurIds: number[];
  terms: { theme: TermOption[]; public: TermOption[]; enjeu: TermOption[]; objectif: TermOption[] };
  initialActeurs: LinkedActeur[];
};

/** The live editor of a fiche: every field and the body bound to one shared Yjs document. */
export function FicheEditor({ ficheId, type, initialState, initialContent, user, canEdit, canManage, ownActeurIds, terms, initialActeurs }: FicheEditorProps) {
  const session = useFicheSession(ficheId, initialState, user);
  const [bodyEditor, setBodyEditor] = useState<Editor | null>(null);
  const etatOptions = useMemo(() => ETATS_ACTION.map((value) => ({ value, label: ETAT_LABELS[value] })), []);
  const objectifOptions = useMemo(() => terms.objectif.map((t) => ({ value: t.id, label: t.label })), [terms.objectif]);

  const { doc, provider, connection, unsaved, sentAfterOffline, refusal, pendingChanges, keptOnDevice, localCopy } = session;
  const readOnly = !canEdit || connection === "refused";
  // Latched: a reconnection later must not unmount the discussion and lose a comment being written.
  const [discussionShown, setDiscussionShown] = useState(false);
  if (!discussionShown && bodyEditor !== null && connection !== "connecting") setDiscussionShown(true);

  return (
    <div className="fiche-editor">
      <div className="fiche-editor__bar">
        <SaveStatus connection={connection} unsaved={unsaved} sentAfterOffline={sentAfterOffline} pendingChanges={pendingChanges} keptOnDevice={keptOnDevice} />
        {provider && <Presence awareness={provider.awareness} />}
      </div>
      {canEdit && <LocalCopyToggle localCopy={localCopy} sessionOpen={doc !== null} />}
      {refusal && (
        <div role="alert" className="alert alert--error">
          {refusal}
        </div>
      )}
      {!canEdit && <p className="alert">Vous pouvez lire cette fiche et voir qui la modifie, mais pas la modifier.</p>}

      <YTextField text={doc && textField(doc, "titre")} initialValue={initialContent.titre} id="fiche-titre" label="Titre de la fiche" disabled={readOnly} />

      <div className={styles.layout}>
        <section className="fiche-editor__section" aria-labelledby="fiche-contenu-titre">
          <h2 id="fiche-contenu-titre">Contenu de la fiche</h2>
          {doc && provider ? (
            <LoadedBodyEditor doc={doc} provider={provider} user={user} editable={!readOnly} labelledBy="fiche-contenu-titre" onEditor={setBodyEditor} />
          ) : (
            <p className="muted">Chargement de l&apos;éditeur…</p>
          )}
        </section>

        <div className={styles.panel}>
          {discussionShown ? <EditorDiscussion ficheId={ficheId} editor={bodyEditor} /> : <DiscussionLoading />}
          <section className="fiche-editor__section form" aria-labelledby="fiche-infos-titre">
            <h2 id="fiche-infos-titre">Informations</h2>
            {type === "pratique" && (
              <YMetaSelect meta={doc && metaMap(doc)} field="etat" initialValue={initialContent.etat} id="fiche-etat" label="État de l'action" options={etatOptions} emptyLabel="Non précisé" disabled={readOnly} />
            )}
            {type === "fiche_pratique" && (
              <YMetaSelect meta={doc && metaMap(doc)} field="objectif" initialValue={initialContent.objectif} id="fiche-objectif" label="Objectif" options={objectifOptions} emptyLabel="Non précisé" disabled={readOnly} />
            )}
            {type !== "fiche_pratique" && (
              <>
                <YTextField text={doc && textField(doc, "commune")} initialValue={initialContent.commune} id="fiche-commune" label="Commune" disabled={readOnly} autoComplete="address-level2" />
                <YTextField text={doc && textField(doc, "quartier")} initialValue={initialContent.quartier} id="fiche-quartier" label="Quartier" disabled={readOnly} />
              </>
            )}
            <YTextField
              text={doc && textField(doc, "lienWeb")}
              initialValue={initialContent.lienWeb}
              id="fiche-lien-web"
              label={type === "pratique" ? "Site web de l'action" : "Lien utile"}
              hint="Adresse complète, par exemple https://www.exemple.fr"
              type="url"
              disabled={readOnly}
            />
            <YMetaCheckbox
              meta={doc && metaMap(doc)}
              field="ebauche"
              initialChecked={initialContent.ebauche}
              id="fiche-ebauche"
              label="Ébauche : la fiche ne donne encore que l'essentiel"
              hint="Signalée comme « ébauche » aux lecteurs, pour inviter à la compléter. Décochez quand elle est complète."
              disabled={readOnly}
            />
            {type === "fiche_pratique" && <YTextField text={doc && textField(doc, "source")} initialValue={initialContent.source} id="fiche-source" label="Source" hint="D'où viennent ces conseils : guide, retour d'expérience, formation…" disabled={readOnly} />}
          </section>

          <section className="fiche-editor__section form" aria-labelledby="fiche-acteurs-titre">
            <h2 id="fiche-acteurs-titre">Acteurs</h2>
            <ActeursField doc={doc} initialContent={initialContent} ficheType={type} disabled={readOnly} canManage={canManage} ownActeurIds={ownActeurIds} initialActeurs={initialActeurs} />
          </section>

          <section className="fiche-editor__section form form--wide" aria-labelledby="fiche-classement-titre">
            <h2 id="fiche-classement-titre">Classement</h2>
            <YSetCheckboxes map={doc && setField(doc, "themes")} initialIds={initialContent.themes} id="fiche-themes" legend="Thèmes" options={terms.theme} disabled={readOnly} />
            <SuggestedThemes doc={doc} initialContent={initialContent} options={terms.theme} disabled={readOnly} />
            <YSetCheckboxes map={doc && setField(doc, "publics")} initialIds={initialContent.publics} id="fiche-publics" legend="Publics cibles" options={terms.public} disabled={readOnly} />
            <YSetCheckboxes map={doc && setField(doc, "enjeux")} initialIds={initialContent.enjeux} id="fiche-enjeux" legend="Enjeux" options={terms.enjeu} disabled={readOnly} />
          </section>
        </div>
      </div>
    </div>
  );
}
