"use client";

import { useEffect, useMemo, useState } from "react";
import type * as Y from "yjs";
import type { ActeurSuggestion, LinkedActeur } from "@/db/queries/acteur-suggestion";
import type { FicheActeurRole, FicheType } from "@/lib/fiche/values";
import { acteursMap, setField, type FicheContent } from "@/lib/fiche/document";
import { ACTEUR_ROLE_LABELS, acteurRolesFor } from "@/lib/fiche/labels";
import { ActeurCombobox } from "./ActeurCombobox";
import { useSharedValue } from "./shared-value";
import { YSetCheckboxes } from "./YSetCheckboxes";

type Known = Map<number, LinkedActeur | null>;

type Entry = [number, FicheActeurRole];

function readEntries(map: Y.Map<FicheActeurRole>): Entry[] {
  return [...map.entries()].map(([id, role]) => [Number(id), role] as Entry).filter(([id]) => Number.isSafeInteger(id));
}

/**
 * The acteurs of a fiche with their role, the picker that adds one, and (for a pratique) the lieux
 * of these acteurs where it takes place. Names of acteurs a peer adds are fetched as they appear.
 * Porteurs govern the fiche: only who may manage it makes or unmakes one (the server undoes anyone
 * else's attempt), and your own organisation is porteur by default when you may.
 */
export function ActeursField({
  doc,
  initialContent,
  ficheType,
  disabled,
  canManage,
  ownActeurIds,
  initialActeurs,
}: {
  /** Null until the fiche's document exists (see useFicheSession). */
  doc: Y.Doc | null;
  initialContent: Pick<FicheContent, "acteurs" | "lieux">;
  ficheType: FicheType;
  disabled: boolean;
  canManage: boolean;
  ownActeurIds: number[];
  initialActeurs: LinkedActeur[];
}) {
  const map = doc && acteursMap(doc);
  const [entries, change] = useSharedValue(
    map,
    readEntries,
    initialContent.acteurs.map((a): Entry => [a.acteurId, a.role]),
  );
  const [known, setKnown] = useState<Known>(() => new Map(initialActeurs.map((a) => [a.id, a])));

  const missing = entries.map(([id]) => id).filter((id) => !known.has(id));
  const missingKey = missing.join(",");
  useEffect(() => {
    if (missingKey === "") return;
    const controller = new AbortController();
    fetch(`/api/acteurs/suggestions?ids=${missingKey}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<{ acteurs: LinkedActeur[] }>) : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(({ acteurs }) => {
        setKnown((previous) => {
          const next = new Map(previous);
          for (const id of missingKey.split(",").map(Number)) next.set(id, acteurs.find((a) => a.id === id) ?? null);
          return next;
        });
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [missingKey]);

  // Who may not manage the fiche proposes porteurs; who may, decides.
  const roles = acteurRolesFor(ficheType).filter((role) => canManage || role !== "porteur");
  const proposed = entries.some(([, role]) => role === "porteur_propose");
  const setRole = (id: number, role: FicheActeurRole) =>
    change(
      (m) => m.set(String(id), role),
      entries.some(([other]) => other === id) ? entries.map(([other, r]): Entry => [other, other === id ? role : r]) : [...entries, [id, role]],
    );
  const add = (acteur: ActeurSuggestion) => {
    const own = canManage && ownActeurIds.includes(acteur.id) && roles.includes("porteur");
    setRole(acteur.id, own ? "porteur" : ficheType === "idee" ? "pressenti" : "partenaire");
  };
  const remove = (id: number) => {
    const lieuIds = (known.get(id)?.lieux ?? []).map((lieu) => String(lieu.id));
    change(
      (m) =>
        m.doc!.transact(() => {
          m.delete(String(id));
          const lieux = setField(m.doc!, "lieux");
          for (const lieu of lieuIds) lieux.delete(lieu);
        }),
      entries.filter(([other]) => other !== id),
    );
  };

  const lieuOptions = useMemo(
    () =>
      entries.flatMap(([id]) => {
        const acteur = known.get(id);
        return (acteur?.lieux ?? []).map((l) => ({ id: l.id, label: `${l.nom} (${l.commune}) – ${acteur!.nom}` }));
      }),
    [entries, known],
  );

  return (
    <>
      <fieldset className="field acteurs-field">
        <legend>Acteurs de la fiche</legend>
        {entries.length === 0 ? (
          <p className="hint">Aucun acteur pour l&apos;instant.</p>
        ) : (
          <ul className="linked-acteurs">
            {entries.map(([id, role]) => {
              const acteur = known.get(id);
              const nom = acteur ? acteur.nom : acteur === null ? `Acteur supprimé (n° ${id})` : "Chargement…";
              const options = roles.includes(role) ? roles : [role, ...roles];
              // A porteur stays one unless who manages the fiche decides otherwise.
              const locked = disabled || (role === "porteur" && !canManage);
              return (
                <li key={id} className="linked-acteurs__item">
                  <span className="linked-acteurs__nom">{acteur ? <a href={`/acteurs/${acteur.slug}`}>{nom}</a> : nom}</span>
                  <span className="linked-acteurs__role">
                    <label htmlFor={`role-acteur-${id}`}>
                      Rôle<span className="visually-hidden"> de {nom}</span>
                    </label>
                    <select id={`role-acteur-${id}`} value={role} disabled={locked} onChange={(e) => setRole(id, e.target.value as FicheActeurRole)}>
                      {options.map((r) => (
                        <option key={r} value={r}>
                          {ACTEUR_ROLE_LABELS[r].singular}
                        </option>
                      ))}
                    </select>
                  </span>
                  {!locked && (
                    <button type="button" className="button--secondary" onClick={() => remove(id)}>
                      Retirer<span className="visually-hidden"> {nom}</span>
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        {!disabled && canManage && proposed && (
          <p className="hint">Un acteur est proposé comme porteur : choisissez « Porteur » pour l&apos;accepter, ou retirez-le.</p>
        )}
        {!disabled && !canManage && (
          <p className="hint">
            Seuls les membres des porteurs et les modérateurs choisissent les porteurs : vous pouvez proposer un acteur comme
            « Porteur proposé ».
          </p>
        )}
        {!disabled && <ActeurCombobox excludeIds={entries.map(([id]) => id)} onSelect={add} />}
      </fieldset>
      {ficheType === "pratique" && lieuOptions.length > 0 && (
        <YSetCheckboxes map={doc && setField(doc, "lieux")} initialIds={initialContent.lieux} id="fiche-lieux" legend="Lieux où se déroule l'action" hint="Les lieux d'accueil des acteurs de la fiche." options={lieuOptions} disabled={disabled} />
      )}
    </>
  );
}
