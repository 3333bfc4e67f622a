"use client";

import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";
import { initialsOf } from "@/lib/editor/user-color";

type Present = { key: string; name: string; color: string | null; self: boolean };

// Awareness states come from peers: keep only a string name and a #rrggbb colour.
function readPresent(awareness: Awareness): Present[] {
  const seen = new Map<string, Present>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { id?: unknown; name?: unknown; color?: unknown } }).user;
    if (!user || typeof user.name !== "string" || user.name.trim() === "") continue;
    const self = clientId === awareness.clientID;
    const key = typeof user.id === "number" ? `user-${user.id}` : `client-${clientId}`;
    const color = typeof user.color === "string" && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : null;
    const previous = seen.get(key);
    // One person with two tabs is listed once.
    if (!previous || self) seen.set(key, { key, name: user.name.trim().slice(0, 80), color, self: self || (previous?.self ?? false) });
  }
  return [...seen.values()].sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name, "fr"));
}

/** Who is on this fiche right now: an avatar with initials and the name of each person. */
export function Presence({ awareness }: { awareness: Awareness }) {
  const [present, setPresent] = useState<Present[]>(() => readPresent(awareness));
  useEffect(() => {
    const refresh = () => setPresent(readPresent(awareness));
    refresh();
    awareness.on("change", refresh);
    return () => awareness.off("change", refresh);
  }, [awareness]);

  return (
    <section className="presence" aria-labelledby="presence-titre">
      <h2 id="presence-titre" className="presence__titre">
        Sur cette fiche en ce moment
      </h2>
      <ul className="presence__list">
        {present.map((p) => (
          <li key={p.key} className="presence__person">
            <span className="presence__avatar" aria-hidden="true" style={p.color ? { backgroundColor: p.color } : undefined}>
              {initialsOf(p.name)}
            </span>
            <span>
              {p.name}
              {p.self && " (vous)"}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
