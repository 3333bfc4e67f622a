"use client";

import "leaflet/dist/leaflet.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { MapContainer, TileLayer, ZoomControl, useMap, useMapEvent } from "react-leaflet";
import { DEFAULT_CENTER } from "@/lib/carte/item";
import { labelLeafletMap, lieuIcon, TRANSPARENT_TILE } from "@/components/carte/leaflet-setup";

export type Position = { latitude: number; longitude: number };
type Props = {
  position: Position | null;
  onPick: (position: Position) => void;
  tiles: { url: string; attribution: string } | null;
  label: string;
  describedBy: string;
};

function Picker({ position, onPick, label, describedBy }: Omit<Props, "tiles">) {
  const map = useMap();
  const marker = useRef<L.Marker | null>(null);
  useMapEvent("click", (event) => onPick({ latitude: event.latlng.lat, longitude: event.latlng.lng }));
  useEffect(() => labelLeafletMap(map, label, describedBy), [map, label, describedBy]);
  useEffect(() => {
    if (!position) {
      marker.current?.remove();
      marker.current = null;
      return;
    }
    const latLng: [number, number] = [position.latitude, position.longitude];
    if (marker.current) marker.current.setLatLng(latLng);
    // Not keyboard-focusable: keyboard users set the position in the two fields above.
    else marker.current = L.marker(latLng, { icon: lieuIcon(), keyboard: false, interactive: false }).addTo(map);
    if (!map.getBounds().contains(latLng)) map.setView(latLng, Math.max(map.getZoom(), 15));
  }, [map, position]);
  return null;
}

/** A small map where a click places the lieu; the marker follows what is typed in the fields. */
export default function CoordinatesMap({ position, onPick, tiles, label, describedBy }: Props) {
  return (
    <MapContainer
      center={position ? [position.latitude, position.longitude] : DEFAULT_CENTER}
      zoom={position ? 16 : 12}
      zoomControl={false}
      scrollWheelZoom={false}
      className="carte-map carte-map--picker"
    >
      {tiles && <TileLayer url={tiles.url} attribution={tiles.attribution} errorTileUrl={TRANSPARENT_TILE} />}
      <ZoomControl position="topleft" zoomInTitle="Zoomer" zoomOutTitle="Dézoomer" />
      <Picker position={position} onPick={onPick} label={label} describedBy={describedBy} />
    </MapContainer>
  );
}
