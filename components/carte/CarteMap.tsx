"use client";

import "leaflet/dist/leaflet.css";
import "leaflet.markercluster/dist/MarkerCluster.css";
import L from "leaflet";
// Registers L.markerClusterGroup on the global L that leaflet's UMD build has just set.
import "leaflet.markercluster";
import { useEffect, useRef, useState } from "react";
import { MapContainer, TileLayer, ZoomControl, useMap } from "react-leaflet";
import { DEFAULT_CENTER, isPlaced, lieuHref, type CarteItem } from "@/lib/carte/item";
import { labelLeafletMap, lieuIcon, TRANSPARENT_TILE } from "./leaflet-setup";

export type CarteTiles = { url: string; attribution: string } | null;
export type FocusRequest = { id: number; nonce: number } | null;

type Props = {
  items: CarteItem[];
  tiles: CarteTiles;
  /** Told the ids of the placed lieux inside the visible area, after every move. */
  onVisibleChange?: (ids: number[]) => void;
  /** Centre the map on this lieu and open its popup. */
  focus?: FocusRequest;
  label: string;
  describedBy?: string;
};

function popupContent(item: CarteItem): HTMLElement {
  // Built node by node: names and addresses are contributors' text, never parsed as HTML.
  const root = document.createElement("div");
  root.className = "carte-popup";
  const name = root.appendChild(document.createElement("p"));
  name.className = "carte-popup__nom";
  name.textContent = item.nom;
  const address = root.appendChild(document.createElement("p"));
  address.textContent = [item.adresse, item.complementAdresse, `${item.codePostal} ${item.commune}`].filter(Boolean).join(", ");
  if (item.services.length) {
    const services = root.appendChild(document.createElement("p"));
    services.textContent = item.services.join(" · ");
  }
  const link = root.appendChild(document.createElement("p")).appendChild(document.createElement("a"));
  link.href = lieuHref(item);
  link.textContent = item.acteur.nom;
  return root;
}

function clusterIcon(cluster: L.MarkerCluster): L.DivIcon {
  const count = cluster.getChildCount();
  const size = count < 10 ? 36 : count < 100 ? 44 : 52;
  return L.divIcon({
    html: `<span aria-hidden="true">${count}</span><span class="visually-hidden">${count} lieux regroupés : zoomez pour les voir</span>`,
    className: "carte-cluster",
    iconSize: [size, size],
  });
}

function Markers({ items, onVisibleChange, focus, label, describedBy }: Omit<Props, "tiles">) {
  const map = useMap();
  const markers = useRef(new Map<number, L.Marker>());
  const group = useRef<L.MarkerClusterGroup | null>(null);

  useEffect(() => {
    const cluster = L.markerClusterGroup({ showCoverageOnHover: false, iconCreateFunction: clusterIcon, maxClusterRadius: 50 });
    const placed = items.filter(isPlaced);
    for (const item of placed) {
      const marker = L.marker([item.latitude!, item.longitude!], { icon: lieuIcon(), title: `${item.nom} (${item.acteur.nom})` });
      marker.bindPopup(() => popupContent(item));
      markers.current.set(item.id, marker);
      cluster.addLayer(marker);
    }
    map.addLayer(cluster);
    group.current = cluster;
    if (placed.length) map.fitBounds(L.latLngBounds(placed.map((i) => [i.latitude!, i.longitude!] as [number, number])), { padding: [30, 30], maxZoom: 15 });
    const registry = markers.current;
    return () => {
      map.removeLayer(cluster);
      registry.clear();
      group.current = null;
    };
  }, [map, items]);

  useEffect(() => {
    if (!onVisibleChange) return;
    const report = () => {
      const bounds = map.getBounds();
      onVisibleChange(items.filter((i) => isPlaced(i) && bounds.contains([i.latitude!, i.longitude!])).map((i) => i.id));
    };
    report();
    map.on("moveend", report);
    return () => {
      map.off("moveend", report);
    };
  }, [map, items, onVisibleChange]);

  useEffect(() => {
    if (!focus) return;
    const marker = markers.current.get(focus.id);
    if (!marker || !group.current) return;
    group.current.zoomToShowLayer(marker, () => marker.openPopup());
  }, [focus]);

  useEffect(() => labelLeafletMap(map, label, describedBy), [map, label, describedBy]);
  return null;
}

/** The lieux on a Leaflet map, clustered; without tiles they stand on a plain background. */
export default function CarteMap({ items, tiles, onVisibleChange, focus, label, describedBy }: Props) {
  const [tilesFailed, setTilesFailed] = useState(false);
  return (
    <div className="carte-map-wrap">
      <MapContainer
        center={DEFAULT_CENTER}
        zoom={12}
        // Set here, not left to the tile layer: with MAP_TILE_URL=none there is none, and the
        // marker clusters refuse a map without a maximum zoom.
        maxZoom={19}
        zoomControl={false}
        scrollWheelZoom={false}
        className="carte-map"
      >
        {tiles && (
          <TileLayer
            url={tiles.url}
            attribution={tiles.attribution}
            errorTileUrl={TRANSPARENT_TILE}
            eventHandlers={{ tileerror: () => setTilesFailed(true) }}
          />
        )}
        <ZoomControl position="topleft" zoomInTitle="Zoomer" zoomOutTitle="Dézoomer" />
        <Markers items={items} onVisibleChange={onVisibleChange} focus={focus} label={label} describedBy={describedBy} />
      </MapContainer>
      {(tilesFailed || !tiles) && (
        <p className="carte-note">
          {tiles ? "Le fond de carte n'a pas pu être chargé : les lieux restent placés, et la liste les présente tous." : "Carte sans fond de plan : les lieux restent placés, et la liste les présente tous."}
        </p>
      )}
    </div>
  );
}
