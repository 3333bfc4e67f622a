"use client";

import dynamic from "next/dynamic";
import { useCallback, useId, useMemo, useRef, useState } from "react";
import { isPlaced, type CarteItem } from "@/lib/carte/item";
import { CarteList } from "./CarteList";
import type { CarteTiles, FocusRequest } from "./CarteMap";

// Leaflet reads window as soon as it loads: the map exists only in the browser. The list below
// is rendered on the server and is the whole answer without JavaScript.
const CarteMap = dynamic(() => import("./CarteMap"), {
  ssr: false,
  loading: () => <div className="carte-map carte-map--loading" />,
});

function plural(n: number, one: string, many: string): string {
  return `${n} ${n > 1 ? many : one}`;
}

/** The map and its linked list, kept in step: same lieux, and optionally only those in view. */
export function CarteExplorer({ items, tiles }: { items: CarteItem[]; tiles: CarteTiles }) {
  const [mapReady, setMapReady] = useState(false);
  const [visibleIds, setVisibleIds] = useState<number[] | null>(null);
  const [onlyVisible, setOnlyVisible] = useState(false);
  const [focus, setFocus] = useState<FocusRequest>(null);
  const mapRef = useRef<HTMLDivElement>(null);
  const hintId = useId();

  const onVisibleChange = useCallback((ids: number[]) => {
    setMapReady(true);
    setVisibleIds(ids);
  }, []);

  const placed = items.filter(isPlaced).length;
  const shown = useMemo(() => {
    if (!onlyVisible || !visibleIds) return items;
    const visible = new Set(visibleIds);
    return items.filter((i) => visible.has(i.id));
  }, [items, onlyVisible, visibleIds]);

  const show = (id: number) => {
    setFocus({ id, nonce: Date.now() });
    mapRef.current?.scrollIntoView({ block: "center" });
  };

  return (
    <>
      <section aria-labelledby="titre-carte" ref={mapRef}>
        <h2 id="titre-carte" className="visually-hidden">
          Carte
        </h2>
        <p id={hintId} className="hint carte-hint">
          {placed === items.length
            ? "Chaque repère ouvre la fiche du lieu et mène à son acteur. "
            : `${plural(items.length - placed, "lieu n'est pas encore placé", "lieux ne sont pas encore placés")} sur la carte : la liste les présente aussi. `}
          Au clavier, les flèches déplacent la carte et les touches + et − zooment ; la liste ci-dessous donne les mêmes lieux.
        </p>
        <CarteMap items={items} tiles={tiles} onVisibleChange={onVisibleChange} focus={focus} label="Carte des lieux d'accueil" describedBy={hintId} />
      </section>
      <section aria-labelledby="titre-liste">
        <h2 id="titre-liste">Liste des lieux</h2>
        {mapReady && (
          <div className="carte-visible">
            <label>
              <input type="checkbox" checked={onlyVisible} onChange={(event) => setOnlyVisible(event.target.checked)} />
              Ne lister que les lieux de la zone visible sur la carte
            </label>
            {onlyVisible && (
              <p role="status" className="result-count">
                {shown.length === 0
                  ? "Aucun lieu dans la zone visible : déplacez ou dézoomez la carte."
                  : `${plural(shown.length, "lieu", "lieux")} dans la zone visible, sur ${items.length}.`}
              </p>
            )}
          </div>
        )}
        <CarteList items={shown} onShow={mapReady ? show : undefined} />
      </section>
    </>
  );
}
