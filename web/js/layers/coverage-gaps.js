/**
 * Gap areas: merged uncovered demand cells, outlined in red with their rank (1 = the most demand outside every
 * service circle) in a badge, shown when the gap is big enough on screen for it. Only the outline and the badge
 * are interactive, so cells inside a gap can still be clicked for their route. SVG paths with class `coverage-gap` and `data-rank`; badges `.gap-rank[data-rank]`.
 */
import * as L from 'leaflet';
import { el } from '../util/dom.js';
import { labelPoint } from '../util/geometry.js';
import { rankGaps, formatDemand, formatMinutesPrecise } from '../util/coverage.js';

const PANE = 'coverageGaps';
const MIN_BADGE_GAP_PX = 24;
export const GAP_COLOR = '#d7191c';
const STYLE = { color: GAP_COLOR, weight: 2.2, opacity: 0.95, fill: false, dashArray: null };
// no fill even when selected: a filled gap would swallow the clicks meant for its cells
const SELECTED_STYLE = { color: '#8e0012', weight: 4.5, opacity: 1, fill: false, dashArray: null };

/**
 * @param {L.Map} map
 * @param {{getContext: () => {t: Function, lang: string}, onGapClick?: (rank: number) => void}} options
 * @returns {{layer: L.Layer, update(fc: object): object[], clear(): void, refreshLanguage(): void,
 *   select(rank: number|null, zoom?: boolean): boolean}}
 */
export function createGapLayer(map, { getContext, onGapClick }) {
  if (!map.getPane(PANE)) {
    map.createPane(PANE).style.zIndex = '420';
  }
  const group = L.featureGroup();
  const byRank = new Map(); // rank → {shape, badge, feature}
  let selected = null;

  function clear() {
    group.clearLayers();
    byRank.clear();
    selected = null;
  }

  /** Shows a gap's rank badge only when the gap is at least MIN_BADGE_GAP_PX wide or high on screen. */
  function placeBadges() {
    for (const { shape, badge } of byRank.values()) {
      if (!badge) {
        continue;
      }
      const bounds = shape.getBounds();
      const size = map.project(bounds.getNorthEast()).subtract(map.project(bounds.getSouthWest()));
      const big = Math.max(Math.abs(size.x), Math.abs(size.y)) >= MIN_BADGE_GAP_PX;
      if (big && !group.hasLayer(badge)) {
        group.addLayer(badge);
      } else if (!big && group.hasLayer(badge)) {
        group.removeLayer(badge);
      }
    }
  }
  map.on('zoomend', placeBadges);

  /** Replaces the gaps by the ranked polygons of `featureCollection`; returns them in rank order. */
  function update(featureCollection) {
    clear();
    const features = rankGaps(featureCollection?.features);
    for (const feature of features) {
      const rank = feature.properties.rank;
      const shape = L.geoJSON(feature, {
        pane: PANE,
        style: () => ({ ...STYLE, className: 'coverage-gap' }),
      });
      shape.eachLayer((path) => {
        path.on('add', () => path.getElement()?.setAttribute('data-rank', String(rank)));
      });
      shape.bindTooltip(() => gapTooltip(feature, getContext()), { sticky: true, className: 'gap-tooltip' });
      shape.on('click', () => onGapClick?.(rank));
      group.addLayer(shape);
      const point = labelPoint(feature.geometry);
      let badge = null;
      if (point) {
        const text = el('span', 'gap-rank-text', rank);
        badge = L.marker([point[1], point[0]], {
          keyboard: false,
          icon: L.divIcon({ className: 'gap-rank', html: text, iconSize: [22, 22] }),
        });
        badge.on('add', () => badge.getElement()?.setAttribute('data-rank', String(rank)));
        badge.bindTooltip(() => gapTooltip(feature, getContext()), {
          className: 'gap-tooltip',
          direction: 'top',
          offset: [0, -10],
        });
        badge.on('click', () => onGapClick?.(rank));
      }
      byRank.set(rank, { shape, badge, feature });
    }
    placeBadges();
    return features;
  }

  /** Highlights one gap (null: none) and, when `zoom`, frames it. Returns false for an unknown rank. */
  function select(rank, zoom = true) {
    if (selected !== null && byRank.has(selected)) {
      byRank.get(selected).shape.setStyle(STYLE);
    }
    selected = null;
    const entry = rank === null ? null : byRank.get(rank);
    if (!entry) {
      return rank === null;
    }
    selected = rank;
    entry.shape.setStyle(SELECTED_STYLE);
    entry.shape.bringToFront();
    if (zoom) {
      map.fitBounds(entry.shape.getBounds(), { padding: [40, 40], maxZoom: 16 });
    }
    return true;
  }

  return {
    layer: group,
    update,
    clear,
    select,
    refreshLanguage() {
      // tooltips are built when they open, in the language of that moment
    },
  };
}

function gapTooltip(feature, { t, lang }) {
  const props = feature.properties ?? {};
  const box = el('div', 'gap-tooltip-body');
  box.appendChild(el('strong', null, t('gaps.item', { rank: props.rank })));
  box.appendChild(el('div', null, t('gaps.demand', { demand: formatDemand(props.demand, lang) })));
  if (Number.isFinite(props.cells)) {
    box.appendChild(el('div', null, t('gaps.cells', { n: props.cells })));
  }
  box.appendChild(el('div', null, t('gaps.maxMinutes', { minutes: formatMinutesPrecise(props.maxMinutes, t) })));
  return box;
}

/** Legend row of the gap outlines. */
export function renderGapLegend({ t }) {
  const section = el('div');
  const row = el('div', 'legend-row');
  row.append(el('span', 'legend-gap'), el('span', 'legend-text', t('legend.gaps')));
  section.appendChild(row);
  return section;
}
