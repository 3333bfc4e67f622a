import L from "leaflet";

// A 1×1 transparent GIF: a tile that fails to load shows nothing instead of a broken image.
export const TRANSPARENT_TILE = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==";

let icon: L.DivIcon | null = null;

/**
 * The lieu marker: a CSS pin, so that no image is fetched (Leaflet's default icon URLs break once
 * bundled, and a pin drawn in CSS needs no other origin).
 */
export function lieuIcon(): L.DivIcon {
  icon ??= L.divIcon({
    className: "carte-marker",
    html: '<span class="carte-marker__pin" aria-hidden="true"></span>',
    iconSize: [28, 36],
    iconAnchor: [14, 34],
    popupAnchor: [0, -30],
  });
  return icon;
}

/**
 * Names the map for assistive technologies and puts Leaflet's English labels into French.
 * Returns the cleanup for a React effect.
 */
export function labelLeafletMap(map: L.Map, label: string, describedBy?: string): () => void {
  const container = map.getContainer();
  container.setAttribute("role", "region");
  container.setAttribute("aria-label", label);
  if (describedBy) container.setAttribute("aria-describedby", describedBy);
  const onPopupOpen = (event: L.PopupEvent) => {
    event.popup.getElement()?.querySelector(".leaflet-popup-close-button")?.setAttribute("aria-label", "Fermer");
  };
  map.on("popupopen", onPopupOpen);
  return () => {
    map.off("popupopen", onPopupOpen);
  };
}
