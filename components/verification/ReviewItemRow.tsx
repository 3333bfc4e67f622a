"use client";

import { useId, useState } from "react";
import { ACTEUR_ROLE_LABELS } from "@/lib/fiche/labels";
import type { FicheActeurRole } from "@/lib/fiche/values";
import { FICHE_TITRE_MAX } from "@/lib/schemas/fiche";
import { VERIFICATION_COMMUNE_MAX } from "@/lib/schemas/verification";
import { itemName, type ReviewItem, type ReviewMark } from "./items";
import styles from "./verification.module.css";

export type ReviewItemHandlers = {
  onConfirm: (item: ReviewItem) => void;
  onReject: (item: ReviewItem) => void;
  onEdit: (item: ReviewItem) => void;
  onCancelEdit: (item: ReviewItem) => void;
  onSave: (item: ReviewItem, value: string) => void;
  onChangeRole: (item: ReviewItem, role: FicheActeurRole) => void;
};

type Props = ReviewItemHandlers & {
  item: ReviewItem;
  mark: ReviewMark | undefined;
  roles: FicheActeurRole[];
  editing: boolean;
  busy: boolean;
  /** Errors of the correction being typed, field by field. */
  errors?: string[];
};

const STATE_LABELS: Record<ReviewMark | "a-verifier", string> = { "a-verifier": "à vérifier", confirme: "confirmé", corrige: "corrigé" };

function Hidden({ children }: { children: string }) {
  return <span className="visually-hidden">{children}</span>;
}

function valueOf(item: ReviewItem): string {
  switch (item.kind) {
    case "titre":
      return item.value || "Sans titre";
    case "commune":
      return item.value || "Aucune commune indiquée";
    case "acteur":
      return `${item.acteur.nom} — ${ACTEUR_ROLE_LABELS[item.acteur.role].singular}`;
    default:
      return item.term.label;
  }
}

/** The correction of the title or the commune, typed in place; Échap cancels. */
function EditForm({ item, errors, onSave, onCancelEdit }: Pick<Props, "item" | "errors" | "onSave" | "onCancelEdit">) {
  const id = useId();
  const isTitre = item.kind === "titre";
  const [value, setValue] = useState(item.kind === "titre" || item.kind === "commune" ? item.value : "");
  return (
    // The server's French messages rather than the browser's: noValidate.
    <form
      className={styles.edit}
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        onSave(item, value);
      }}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.preventDefault();
          onCancelEdit(item);
        }
      }}
    >
      <label htmlFor={`${id}-value`}>{isTitre ? "Titre corrigé" : "Commune corrigée (laissez vide pour l'effacer)"}</label>
      <input
        id={`${id}-value`}
        type="text"
        data-edit=""
        value={value}
        maxLength={isTitre ? FICHE_TITRE_MAX : VERIFICATION_COMMUNE_MAX}
        required={isTitre}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? `${id}-error` : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="field-error">
          {errors.join(" ")}
        </p>
      ) : null}
      <div className={styles.itemActions}>
        <button type="submit">
          Enregistrer<Hidden>{` ${itemName(item)}`}</Hidden>
        </button>
        <button type="button" className="button--secondary" onClick={() => onCancelEdit(item)}>
          Annuler<Hidden>{` la correction de ${itemName(item)}`}</Hidden>
        </button>
      </div>
    </form>
  );
}

/** One item of the review with its buttons: confirm, and reject, correct or change its role. */
export function ReviewItemRow(props: Props) {
  const { item, mark, roles, editing, busy, onConfirm, onReject, onEdit, onChangeRole } = props;
  const id = useId();
  const name = itemName(item);
  const [role, setRole] = useState<FicheActeurRole>(item.kind === "acteur" ? item.acteur.role : "porteur");
  const rejectLabel = item.kind === "acteur" ? "Retirer" : item.kind === "commune" ? "Effacer" : "Rejeter";
  const canReject = item.kind !== "titre" && !(item.kind === "commune" && item.value === "");
  return (
    <li className={styles.item} data-item-key={item.key} data-state={mark ?? "a-verifier"} aria-busy={busy || undefined}>
      <p className={styles.itemValue} id={`${id}-value`}>
        {valueOf(item)} <span className={styles.itemState}>({STATE_LABELS[mark ?? "a-verifier"]})</span>
      </p>
      <div className={styles.itemActions}>
        <button type="button" data-primary="" aria-keyshortcuts="C" onClick={() => onConfirm(item)}>
          Confirmer<Hidden>{` ${name}`}</Hidden>
        </button>
        {canReject && (
          <button type="button" className="button--danger" aria-keyshortcuts="R" onClick={() => onReject(item)}>
            {rejectLabel}
            <Hidden>{` ${name}`}</Hidden>
          </button>
        )}
        {(item.kind === "titre" || item.kind === "commune") && !editing && (
          <button type="button" className="button--secondary" aria-keyshortcuts="E" onClick={() => onEdit(item)}>
            Corriger<Hidden>{` ${name}`}</Hidden>
          </button>
        )}
        {item.kind === "acteur" && (
          <>
            <label htmlFor={`${id}-role`} className="visually-hidden">
              {`Rôle de ${item.acteur.nom}`}
            </label>
            <select id={`${id}-role`} data-edit="" value={role} onChange={(event) => setRole(event.target.value as FicheActeurRole)}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {ACTEUR_ROLE_LABELS[r].singular}
                </option>
              ))}
            </select>
            <button type="button" className="button--secondary" onClick={() => onChangeRole(item, role)}>
              Changer le rôle<Hidden>{` de ${item.acteur.nom}`}</Hidden>
            </button>
          </>
        )}
      </div>
      {editing && <EditForm item={item} errors={props.errors} onSave={props.onSave} onCancelEdit={props.onCancelEdit} />}
    </li>
  );
}
