/**
 * Administrative boundaries of one level ("district" or "subdistrict") with name labels.
 *
 * Drawn as SVG paths with class `district-boundary` (plus `district-level-<level>`) while the layer is small; above
 * CANVAS_VERTEX_THRESHOLD vertices or CANVAS_FEATURE_THRESHOLD features it switches to a canvas renderer, which
 * stays smooth with large boundary sets but has no per-path DOM elements. Labels are non-interactive DOM markers
 * in their own pane (under the station markers), placed with util/geometry.js `labelPoint`.
 */
import * as L from 'leaflet';
import { el } from '../util/dom.js';
import { labelPoint, countVertices } from '../util/geometry.js';
import { formatInteger } from '../util/format.js';

export const CANVAS_VERTEX_THRESHOLD = 20000;
export const CANVAS_FEATURE_THRESHOLD = 400;
const LABEL_PANE = 'districtLabels';

const STYLES = {
  district: { color: '#3f4b5b', weight: 2, opacity: 0.85, fillColor: '#5b6b80', fillOpacity: 0.04 },
  subdistrict: { color: '#6d7a8c', weight: 1, opacity: 0.8, dashArray: '4 3', fillColor: '#5b6b80', fillOpacity: 0.0 },
};
const HOVER = { weight: 3, opacity: 1, fillOpacity: 0.1 };

/**
 * @param {L.Map} map
 * @param {{level: 'district'|'subdistrict', getContext: () => {t: Function, lang: string}}} options
 * @returns {{layer: L.Layer, level: string, update(fc: object): number, clear(): void, refreshLanguage(): void,
 *   usesCanvas(): boolean}}
 */
export function createDistrictLayer(map, { level, getContext }) {
  if (!STYLES[level]) {
    throw new RangeError(`district level must be 'district' or 'subdistrict', got '${level}'`);
  }
  if (!map.getPane(LABEL_PANE)) {
    const pane = map.createPane(LABEL_PANE);
    pane.style.zIndex = '450';
    pane.style.pointerEvents = 'none';
  }
  const group = L.featureGroup();
  const labels = L.layerGroup();
  let canvas = false;
  let canvasRenderer = null; // one per layer, reused across updates (a renderer stays on the map once used)
  let shapes = null;

  function clear() {
    group.clearLayers();
    labels.clearLayers();
    shapes = null;
  }

  /** Replaces the boundaries by the (Multi)Polygon features of `featureCollection`; returns the feature count. */
  function update(featureCollection) {
    clear();
    const features = (featureCollection?.features ?? []).filter(
      (f) => f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
    );
    canvas = features.length > CANVAS_FEATURE_THRESHOLD || countVertices({ features }) > CANVAS_VERTEX_THRESHOLD;
    if (canvas && !canvasRenderer) {
      canvasRenderer = L.canvas({ padding: 0.5, tolerance: 3 });
    }
    const base = STYLES[level];
    shapes = L.geoJSON({ type: 'FeatureCollection', features }, {
      renderer: canvas ? canvasRenderer : undefined,
      style: () => ({ ...base, className: `district-boundary district-level-${level}` }),
      onEachFeature: (feature, layer) => {
        layer.bindTooltip(() => districtTooltip(feature, getContext()), { sticky: true, className: 'district-tooltip' });
        layer.on('mouseover', () => layer.setStyle(HOVER));
        layer.on('mouseout', () => layer.setStyle(base));
      },
    });
    group.addLayer(shapes);
    for (const feature of features) {
      const point = labelPoint(feature.geometry);
      const name = feature.properties?.name;
      if (!point || !name) {
        continue;
      }
      const text = el('span', 'district-label-text', name);
      labels.addLayer(L.marker([point[1], point[0]], {
        pane: LABEL_PANE,
        interactive: false,
        keyboard: false,
        icon: L.divIcon({ className: `district-label district-label-${level}`, html: text, iconSize: null }),
      }));
    }
    group.addLayer(labels);
    return features.length;
  }

  function refreshLanguage() {
    // tooltips are built on opening, in the language of that moment; nothing else is language dependent
  }

  return { layer: group, level, update, clear, refreshLanguage, usesCanvas: () => canvas };
}

function districtTooltip(feature, { t, lang }) {
  const props = feature.properties ?? {};
  const box = el('div', 'district-tooltip-body');
  box.appendChild(el('strong', null, props.name ?? props.code ?? ''));
  if (Number.isFinite(props.population)) {
    box.appendChild(el('div', null, t('district.population', { n: formatInteger(props.population, lang) })));
  }
  return box;
}
