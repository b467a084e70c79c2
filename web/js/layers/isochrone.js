/**
 * Isochrone bands around any point of the map (right-click): the areas reachable from it within 5, 10 and 15
 * minutes in the chosen group's travel mode, filled with the travel-time colours. Non-interactive SVG paths with class
 * `isochrone-band`, `data-testid="isochrone-band"` and `data-minutes`.
 */
import * as L from 'leaflet';
import { minutesColor } from '../util/colors.js';

const PANE = 'isochrones';

/**
 * @param {L.Map} map
 * @returns {{layer: L.Layer, update(fc: object): number, clear(): void, refreshLanguage(): void}}
 */
export function createIsochroneLayer(map) {
  if (!map.getPane(PANE)) {
    const pane = map.createPane(PANE);
    pane.style.zIndex = '425';
    pane.style.pointerEvents = 'none';
  }
  const group = L.featureGroup().addTo(map);

  /** Replaces the bands by the polygons of `featureCollection` (largest minutes drawn first); returns the count. */
  function update(featureCollection) {
    group.clearLayers();
    const minutesOf = (f) => (Number.isFinite(f.properties?.minutes) ? f.properties.minutes : Infinity);
    const bands = (featureCollection?.features ?? [])
      .filter((f) => f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
      .sort((a, b) => minutesOf(b) - minutesOf(a));
    for (const band of bands) {
      const minutes = band.properties?.minutes;
      const shape = L.geoJSON(band, {
        pane: PANE,
        interactive: false,
        style: () => ({
          color: minutesColor(minutes),
          weight: 2,
          opacity: 0.95,
          fillColor: minutesColor(minutes),
          fillOpacity: 0.22,
          className: 'isochrone-band',
        }),
      });
      shape.eachLayer((path) => path.on('add', () => {
        path.getElement()?.setAttribute('data-testid', 'isochrone-band');
        path.getElement()?.setAttribute('data-minutes', String(minutes));
      }));
      group.addLayer(shape);
    }
    return bands.length;
  }

  return {
    layer: group,
    update,
    clear: () => group.clearLayers(),
    refreshLanguage() {
      // no text on the map
    },
  };
}
