/**
 * Service circles: the area reachable from a station within the service target on the road network (an isochrone,
 * not a compass circle). Two parts:
 * - `layer`, the circles of all stations in view (switched in the layer control; the caller fetches them lazily);
 * - `focusLayer`, always on the map, the one circle asked for from a station popup, drawn stronger.
 * Non-interactive SVG paths (clicks fall through to the cells) with class `service-circle`,
 * `data-testid="service-circle"` and `data-station-id`.
 */
import * as L from 'leaflet';
import { el } from '../util/dom.js';

const PANE = 'serviceCircles';
export const CIRCLE_COLOR = '#5b3cc4';
// outlines only: dozens of overlapping fills would hide the cells beneath
const ALL_STYLE = { color: CIRCLE_COLOR, weight: 1.2, opacity: 0.7, fill: false };
const FOCUS_STYLE = { color: CIRCLE_COLOR, weight: 3, opacity: 1, fillColor: CIRCLE_COLOR, fillOpacity: 0.12 };

/**
 * @param {L.Map} map
 * @returns {{layer: L.Layer, focusLayer: L.Layer, update(features: object[]): number, add(stationId, feature): void,
 *   has(stationId): boolean, clear(): void, showFocus(stationId, feature): L.LatLngBounds|null, clearFocus(): void,
 *   focusedStation(): string|null, refreshLanguage(): void}}
 */
export function createServiceCircleLayer(map) {
  if (!map.getPane(PANE)) {
    const pane = map.createPane(PANE);
    pane.style.zIndex = '415';
    pane.style.pointerEvents = 'none';
  }
  const all = L.featureGroup();
  const focus = L.featureGroup().addTo(map);
  const shown = new Map(); // station id → layer
  let focused = null;

  function shapeOf(stationId, feature, style, extraClass) {
    const shape = L.geoJSON(feature, {
      pane: PANE,
      interactive: false,
      style: () => ({ ...style, className: `service-circle ${extraClass}` }),
    });
    shape.eachLayer((path) => {
      path.on('add', () => {
        const element = path.getElement();
        element?.setAttribute('data-testid', 'service-circle');
        element?.setAttribute('data-station-id', String(stationId));
      });
    });
    return shape;
  }

  /** Adds one station's circle to the all-stations layer (replacing an older one of that station). */
  function add(stationId, feature) {
    const key = String(stationId);
    if (shown.has(key)) {
      all.removeLayer(shown.get(key));
    }
    const shape = shapeOf(key, feature, ALL_STYLE, 'service-circle-all');
    shown.set(key, shape);
    all.addLayer(shape);
  }

  function clear() {
    all.clearLayers();
    shown.clear();
  }

  /** Replaces the all-stations circles by `entries` ([{stationId, feature}]); returns how many are shown. */
  function update(entries) {
    clear();
    for (const { stationId, feature } of entries ?? []) {
      add(stationId, feature);
    }
    return shown.size;
  }

  /** Shows one station's circle strongly (replacing the previous one); returns its bounds, null when empty. */
  function showFocus(stationId, feature) {
    clearFocus();
    const shape = shapeOf(String(stationId), feature, FOCUS_STYLE, 'service-circle-focus');
    focus.addLayer(shape);
    focused = String(stationId);
    const bounds = shape.getBounds();
    return bounds.isValid() ? bounds : null;
  }

  function clearFocus() {
    focus.clearLayers();
    focused = null;
  }

  return {
    layer: all,
    focusLayer: focus,
    update,
    add,
    has: (stationId) => shown.has(String(stationId)),
    clear,
    showFocus,
    clearFocus,
    focusedStation: () => focused,
    refreshLanguage() {
      // no text on the map
    },
  };
}

/** Legend row of the service circles. */
export function renderServiceCircleLegend({ t }, limitMinutes) {
  const section = el('div');
  const row = el('div', 'legend-row');
  row.append(el('span', 'legend-circle'), el('span', 'legend-text', t('legend.serviceCircle', { minutes: limitMinutes })));
  section.appendChild(row);
  return section;
}
