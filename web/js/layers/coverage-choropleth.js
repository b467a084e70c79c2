/**
 * Coverage choropleth: districts or subdistricts filled by the share of their demand within the service target
 * (15 minutes), in the fixed classes of util/coverage.js SHARE_CLASSES; areas without demand grey. The tooltip gives
 * the figures (share at 5 / 10 / 15 / 20 minutes, demand, stations). SVG paths with class `coverage-area` and
 * `data-code`; the legend section is `data-testid="choropleth-legend"`.
 */
import * as L from 'leaflet';
import { el, testId } from '../util/dom.js';
import {
  COVERAGE_BANDS, NO_DEMAND_COLOR, SHARE_CLASSES, formatDemand, formatShare, shareColor,
} from '../util/coverage.js';
import { formatInteger } from '../util/format.js';

const PANE = 'coverageChoropleth';
const BASE = { color: '#ffffff', weight: 1.2, opacity: 1, fillOpacity: 0.72 };
const HOVER = { color: '#1f2933', weight: 2.5 };

/**
 * @param {L.Map} map
 * @param {{getContext: () => {t: Function, lang: string}}} options
 * @returns {{layer: L.Layer, update(data: {areas: object, summary: object}): number, clear(): void,
 *   refreshLanguage(): void}}
 */
export function createCoverageChoroplethLayer(map, { getContext }) {
  if (!map.getPane(PANE)) {
    // above the plain boundaries (400) so its tooltips answer, below the cells (410)
    map.createPane(PANE).style.zIndex = '405';
  }
  const group = L.featureGroup();

  function clear() {
    group.clearLayers();
  }

  /**
   * Draws the (Multi)Polygon features of `areas` (a district FeatureCollection with `properties.code`) coloured by
   * the figures of `summary` (util/coverage.js readSummary) at `summary.limitMinutes`. Returns the areas drawn.
   */
  function update({ areas, summary }) {
    clear();
    const features = (areas?.features ?? []).filter(
      (f) => f?.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'),
    );
    const limit = summary?.limitMinutes;
    const figuresOf = (feature) => summary?.areas?.get(String(feature.properties?.code)) ?? null;
    const styleOf = (feature) => {
      const share = figuresOf(feature)?.covered?.[limit] ?? null;
      return { ...BASE, fillColor: shareColor(share), className: 'coverage-area' };
    };
    const shapes = L.geoJSON({ type: 'FeatureCollection', features }, {
      pane: PANE,
      style: styleOf,
      onEachFeature: (feature, layer) => {
        layer.on('add', () => layer.getElement()?.setAttribute('data-code', String(feature.properties?.code ?? '')));
        layer.bindTooltip(() => areaTooltip(feature, figuresOf(feature), limit, getContext()), {
          sticky: true,
          className: 'coverage-area-tooltip',
        });
        layer.on('mouseover', () => layer.setStyle(HOVER).bringToFront());
        layer.on('mouseout', () => layer.setStyle(styleOf(feature)));
      },
    });
    group.addLayer(shapes);
    return features.length;
  }

  return {
    layer: group,
    update,
    clear,
    refreshLanguage() {
      // tooltips are built when they open
    },
  };
}

function areaTooltip(feature, figures, limit, { t, lang }) {
  const box = el('div', 'coverage-area-tooltip-body');
  box.appendChild(el('strong', null, feature.properties?.name ?? figures?.name ?? feature.properties?.code ?? ''));
  if (!figures || figures.demand === null || figures.demand === 0) {
    box.appendChild(el('div', 'muted', t('areas.noDemand')));
    return box;
  }
  const headline = el('div', 'coverage-area-headline', t('areas.coveredAt', {
    minutes: limit,
    share: formatShare(figures.covered[limit], lang),
  }));
  box.appendChild(headline);
  const bands = el('div', 'coverage-area-bands');
  for (const minutes of COVERAGE_BANDS) {
    if (minutes !== limit) {
      const text = `≤ ${minutes} ${t('unit.min')}: ${formatShare(figures.covered[minutes], lang)}`;
      bands.appendChild(el('span', null, text));
    }
  }
  box.appendChild(bands);
  box.appendChild(el('div', null, t('areas.demand', { demand: formatDemand(figures.demand, lang) })));
  if (figures.stations !== null) {
    box.appendChild(el('div', null, t('areas.stations', { n: formatInteger(figures.stations, lang) })));
  }
  return box;
}

/** Legend of the choropleth classes, highest first, and the no-demand grey. `data-testid="choropleth-legend"`. */
export function renderChoroplethLegend({ t, lang }, limitMinutes, level) {
  const section = testId(el('div'), 'choropleth-legend');
  const title = t('legend.areas', { minutes: limitMinutes, level: t(`areas.level.${level}`) });
  section.appendChild(el('h3', 'legend-subtitle', title));
  for (let i = SHARE_CLASSES.length - 1; i >= 0; i--) {
    const low = SHARE_CLASSES[i].minShare;
    const high = i + 1 < SHARE_CLASSES.length ? SHARE_CLASSES[i + 1].minShare : null;
    const text = high === null
      ? `≥ ${formatShare(low, lang, 0)}`
      : i === 0 ? `< ${formatShare(high, lang, 0)}` : `${formatShare(low, lang, 0)} – ${formatShare(high, lang, 0)}`;
    section.appendChild(legendRow(SHARE_CLASSES[i].color, text));
  }
  section.appendChild(legendRow(NO_DEMAND_COLOR, t('areas.noDemand')));
  return section;
}

function legendRow(color, text) {
  const row = el('div', 'legend-row');
  const swatch = el('span', 'legend-swatch');
  swatch.style.background = color;
  row.append(swatch, el('span', 'legend-text', text));
  return row;
}
