"use client";

import { createContext, useContext, useState } from "react";
import type { ModuleChoice } from "./module-choices";

/**
 * The catalogue's modules, for every « Déplacer vers le module » list. Read from context rather than
 * passed to each row: adding, renaming or moving a module re-renders these lists, not the 200 rows.
 */
export const ModuleChoicesContext = createContext<ModuleChoice[]>([]);

/** « Déplacer vers le module »: a list of the other modules and its button; nothing when there is no other module. */
export function ItemMoveTarget({ itemId, titre, moduleId, onMove }: { itemId: number; titre: string; moduleId: number; onMove: (moduleId: number | null) => void }) {
  const modules = useContext(ModuleChoicesContext);
  const [target, setTarget] = useState("");
  const others = modules.filter((m) => m.id !== moduleId);
  if (others.length === 0) return null;
  const id = `item-${itemId}-target`;
  return (
    <span className="catalogue-move__target">
      <label htmlFor={id}>
        Déplacer<span className="visually-hidden"> {titre}</span> vers le module
      </label>
      <select id={id} value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">Choisir un module</option>
        {others.map((m) => (
          <option key={m.id} value={m.id}>
            {m.titre}
          </option>
        ))}
      </select>
      <button type="button" className="button--secondary" onClick={() => onMove(target ? Number(target) : null)} aria-disabled={target === ""}>
        Déplacer<span className="visually-hidden"> {titre}</span>
      </button>
    </span>
  );
}
