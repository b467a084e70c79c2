/**
 * The route from a clicked coverage cell to its nearest serving station: a line on the map (white casing under a
 * dark line, the cell's centre as a dot) and the popup that names the station with the minutes and distance.
 * The line's SVG path has `data-testid="cell-route"` and `data-minutes`; the popup body `data-testid="cell-popup"`.
 */
import * as L from 'leaflet';
import { el, testId } from '../util/dom.js';
import { formatMeters } from '../util/format.js';
import { formatMinutesPrecise } from '../util/coverage.js';
import { minutesColor } from '../util/colors.js';

const PANE = 'cellRoute';
const ROUTE_COLOR = '#1f2933';

/**
 * @param {L.Map} map
 * @returns {{layer: L.Layer, update(route: object, cellCenter?: L.LatLng): boolean, clear(): void,
 *   refreshLanguage(): void}}
 */
export function createCellRouteLayer(map) {
  if (!map.getPane(PANE)) {
    const pane = map.createPane(PANE);
    pane.style.zIndex = '430';
    pane.style.pointerEvents = 'none';
  }
  const group = L.featureGroup().addTo(map);

  function clear() {
    group.clearLayers();
  }

  /**
   * Draws `{line: LineString, minutes}` (util/coverage.js readCellRoute); returns false when it holds no line. The
   * dot marks the end of the line nearer to `cellCenter` (the first position when none is given).
   */
  function update(answer, cellCenter) {
    clear();
    const line = answer?.line;
    if (line?.type !== 'LineString' || !Array.isArray(line.coordinates) || line.coordinates.length < 2) {
      return false;
    }
    const latlngs = L.GeoJSON.coordsToLatLngs(line.coordinates, 0);
    const common = { pane: PANE, interactive: false, lineCap: 'round', lineJoin: 'round' };
    group.addLayer(L.polyline(latlngs, { ...common, color: '#ffffff', weight: 8, opacity: 0.9 }));
    const path = L.polyline(latlngs, { ...common, color: ROUTE_COLOR, weight: 4, opacity: 1, className: 'cell-route' });
    path.on('add', () => {
      const element = path.getElement();
      element?.setAttribute('data-testid', 'cell-route');
      element?.setAttribute('data-minutes', Number.isFinite(answer.minutes) ? String(answer.minutes) : '');
    });
    group.addLayer(path);
    const first = latlngs[0];
    const last = latlngs[latlngs.length - 1];
    const cellEnd = cellCenter && map.distance(cellCenter, last) < map.distance(cellCenter, first) ? last : first;
    group.addLayer(L.circleMarker(cellEnd, {
      ...common,
      radius: 5,
      color: ROUTE_COLOR,
      weight: 2,
      fillColor: minutesColor(answer.minutes),
      fillOpacity: 1,
    }));
    return true;
  }

  return {
    layer: group,
    update,
    clear,
    refreshLanguage() {
      // the popup is rebuilt by buildCellPopup
    },
  };
}

/**
 * The popup body of a clicked cell. `info` is one of
 * `{state: 'loading'}`, `{state: 'route', minutes, meters, stationId, stationName, streetNames}`,
 * `{state: 'unreachable'}`, `{state: 'off_network'}`, `{state: 'error', message}`;
 * `cell` the cell's properties (h3, minutes, weight). `onShowStation(id)` runs when the station link is used.
 */
export function buildCellPopup(info, cell, { t, lang }, onShowStation) {
  const root = testId(el('div', 'cell-popup'), 'cell-popup');
  root.dataset.state = info.state;
  if (Number.isFinite(info.minutes)) {
    root.dataset.minutes = String(info.minutes);
  }
  root.appendChild(el('h3', 'cell-popup-title', t('cell.title')));
  const facts = el('dl', 'cell-facts');
  const fact = (label, value, className) => {
    const row = el('div', `cell-fact ${className ?? ''}`);
    row.append(el('dt', null, label), el('dd', null, value));
    facts.appendChild(row);
    return row;
  };
  if (info.state === 'loading') {
    root.appendChild(el('p', 'cell-status', t('cell.loading')));
  } else if (info.state === 'unreachable') {
    root.appendChild(el('p', 'cell-status', t('cell.unreachable')));
  } else if (info.state === 'off_network') {
    root.appendChild(el('p', 'cell-status', t('cell.offNetwork')));
  } else if (info.state === 'error') {
    root.appendChild(el('p', 'cell-status is-error', info.message));
  } else {
    const minutesRow = fact(t('cell.minutes'), formatMinutesPrecise(info.minutes, t), 'cell-minutes');
    const swatch = el('span', 'cell-swatch');
    swatch.style.background = minutesColor(info.minutes);
    minutesRow.querySelector('dd').prepend(swatch);
    fact(t('cell.distance'), formatMeters(info.meters, t), 'cell-distance');
    const stationRow = fact(t('cell.station'), '', 'cell-station');
    const link = el('a', 'cell-station-link', info.stationName || String(info.stationId));
    link.href = `#station=${encodeURIComponent(info.stationId)}`;
    link.dataset.stationId = String(info.stationId);
    link.addEventListener('click', (event) => {
      if (onShowStation) {
        event.preventDefault();
        onShowStation(info.stationId);
      }
    });
    stationRow.querySelector('dd').appendChild(link);
    if (info.streetNames?.length > 0) {
      fact(t('cell.via'), info.streetNames.slice(0, 4).join(t('cell.viaSeparator')), 'cell-via');
    }
  }
  if (Number.isFinite(cell?.weight)) {
    fact(t('cell.demand'), new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(cell.weight), 'cell-demand');
  }
  if (facts.childElementCount > 0) {
    root.appendChild(facts);
  }
  if (cell?.h3) {
    root.appendChild(el('div', 'cell-id', `H3 ${cell.h3}`));
  }
  return root;
}
