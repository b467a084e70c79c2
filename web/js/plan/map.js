/**
 * The planner's map: districts coloured by the scenario's coverage share before or after, existing stations,
 * proposed sites as numbered (and, when the scenario is editable, draggable) markers, and for a comparison the
 * sites of scenario A and B in two colours; the demand cells outside every circle before, or newly covered and still
 * uncovered after (see cells.js). Right-click or double-click on the map asks to add a site.
 * Server text goes into tooltips through textContent. Coordinates WGS 84.
 */
import * as L from 'leaflet';
import { el } from '../util/dom.js';
import { kindColor } from '../util/colors.js';
import { shareColor, formatShare, formatDemand } from '../util/coverage.js';
import { CELL_COLORS, CELL_FILL_OPACITY, cellClass } from './cells.js';

/** Colours of the two scenarios of a comparison. */
/** Fill opacity of the district shares (the legend's swatches use the same). */
export const SHARE_FILL_OPACITY = 0.75;

export const COMPARE_COLORS = Object.freeze({ a: '#1967d2', b: '#e8710a' });

/**
 * @param {{getContext: () => {t: Function, lang: string, meta: object},
 *   onMove: (siteId: number, latlng: L.LatLng) => void, onAdd: (latlng: L.LatLng) => void,
 *   onSelect?: (siteId: number) => void}} options
 */
export function createPlanMap({ getContext, onMove, onAdd, onSelect = () => {} }) {
  const map = L.map('map', { attributionControl: false, zoomControl: true, minZoom: 3, maxZoom: 19, doubleClickZoom: false });
  map.setView([35, 105], 4);
  const districtLayer = L.geoJSON(null, { style: districtStyle, onEachFeature: bindDistrict }).addTo(map);
  // the cells above the district shares, below the markers
  map.createPane('planCells').style.zIndex = '450';
  const cellLayer = L.geoJSON(null, { pane: 'planCells', style: cellStyle, onEachFeature: bindCell }).addTo(map);
  map.createPane('planStations').style.zIndex = '460';
  const stationLayer = L.layerGroup().addTo(map);
  const siteLayer = L.layerGroup().addTo(map);
  const compareLayer = L.layerGroup().addTo(map);

  let mode = 'after';
  let scenario = null;
  let editable = false;
  let comparing = false;
  let areaFigures = new Map(); // district code → figures of the scenario
  let cells = null; // the scenario's cells (GET /api/scenarios/{id}/cells)
  const markers = new Map(); // siteId → marker

  function districtStyle(feature) {
    const f = areaFigures.get(feature.properties.code);
    const share = f ? (mode === 'before' ? f.fractionBefore : f.fractionAfter) : null;
    return {
      color: '#3f4b5b', weight: 1.5, opacity: 0.8, fillColor: shareColor(share), fillOpacity: f && !comparing ? SHARE_FILL_OPACITY : 0.05,
    };
  }

  function bindDistrict(feature, layer) {
    layer.bindTooltip(() => {
      const { lang } = getContext();
      const f = areaFigures.get(feature.properties.code);
      const span = el('span', null, feature.properties.name ?? feature.properties.code);
      if (f && !comparing) {
        span.textContent += ` · ${formatShare(f.fractionBefore, lang)} → ${formatShare(f.fractionAfter, lang)}`;
      }
      return span;
    }, { sticky: true });
  }

  function cellStyle(feature) {
    const c = cellClass(feature.properties, mode);
    return {
      stroke: false, fillColor: CELL_COLORS[c] ?? '#999', fillOpacity: CELL_FILL_OPACITY, className: `plan-cell plan-cell-${c}`,
    };
  }

  function bindCell(feature, layer) {
    layer.on('add', () => layer.getElement()?.setAttribute('data-h3', feature.properties.h3));
    layer.bindTooltip(() => {
      const { t, lang } = getContext();
      const p = feature.properties;
      const c = cellClass(p, mode);
      const text = c === 'new'
        ? t('plan.cells.tipNew', { weight: formatDemand(p.weight, lang), rank: p.siteRank })
        : t('plan.cells.tipGap', { weight: formatDemand(p.weight, lang) });
      return el('span', null, text);
    }, { sticky: true });
  }

  function drawCells() {
    cellLayer.clearLayers();
    if (!cells || !scenario || comparing) {
      return;
    }
    cellLayer.addData({
      type: 'FeatureCollection',
      features: (cells.features ?? []).filter((f) => cellClass(f.properties, mode) !== null),
    });
  }

  const fireAdd = (event) => {
    if (editable && mode === 'after' && !comparing) {
      onAdd(event.latlng);
    }
  };
  map.on('contextmenu', fireAdd);
  map.on('dblclick', fireAdd);

  function siteIcon() {
    return L.divIcon({
      className: `plan-site-marker${editable ? ' is-editable' : ''}`,
      html: '',
      iconSize: [26, 26],
      iconAnchor: [13, 13],
    });
  }

  function drawSites() {
    siteLayer.clearLayers();
    markers.clear();
    if (!scenario || comparing || mode !== 'after') {
      return;
    }
    for (const feature of scenario.sites?.features ?? []) {
      const props = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const marker = L.marker([lat, lon], { icon: siteIcon(), draggable: editable, keyboard: true, autoPan: true });
      marker.on('add', () => {
        const element = marker.getElement();
        element.dataset.siteId = String(props.siteId);
        element.dataset.testid = `plan-site-marker-${props.siteId}`;
        element.textContent = String(props.rank);
      });
      marker.bindTooltip(() => el('span', null, `${props.rank}. ${props.name}`), { direction: 'top', offset: [0, -12] });
      marker.on('dragend', () => onMove(props.siteId, marker.getLatLng()));
      marker.on('click', () => onSelect(props.siteId));
      marker.addTo(siteLayer);
      markers.set(props.siteId, marker);
    }
  }

  return {
    map,
    /** Shows the region's districts (a FeatureCollection). */
    setDistricts(fc) {
      districtLayer.clearLayers();
      districtLayer.addData(fc);
      const bounds = districtLayer.getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [16, 16] });
      }
    },
    /** Shows the existing stations (FeatureCollection of /api/stations). */
    setStations(fc) {
      stationLayer.clearLayers();
      const kinds = getContext().meta?.kinds ?? [];
      for (const f of fc?.features ?? []) {
        const [lon, lat] = f.geometry.coordinates;
        L.circleMarker([lat, lon], {
          radius: 4, weight: 1, color: '#fff', fillColor: kindColor(f.properties.kind, kinds), fillOpacity: 0.95,
          className: 'plan-station', pane: 'planStations',
        }).bindTooltip(() => el('span', null, f.properties.name ?? '')).addTo(stationLayer);
      }
    },
    /** Shows a scenario (null clears): district shares, its sites; `isEditable` makes the sites draggable. */
    showScenario(next, { isEditable }) {
      scenario = next;
      editable = Boolean(isEditable);
      comparing = false;
      compareLayer.clearLayers();
      areaFigures = new Map((next?.figures?.districts ?? []).filter(Boolean).map((d) => [d.code, d]));
      if (!next || (cells && cells.scenarioId !== next.id)) {
        cells = null;
      }
      districtLayer.setStyle(districtStyle);
      drawSites();
      drawCells();
    },
    /** Shows a scenario's cells (the answer of GET /api/scenarios/{id}/cells; null clears). */
    setCells(collection) {
      cells = collection;
      drawCells();
    },
    /** The cells shown (null when none). */
    cells: () => cells,
    /** 'before' (existing stations only) or 'after' (with the proposed sites). */
    setMode(next) {
      mode = next === 'before' ? 'before' : 'after';
      districtLayer.setStyle(districtStyle);
      drawSites();
      drawCells();
    },
    mode: () => mode,
    isComparing: () => comparing,
    /** Both scenarios' sites in two colours (A larger rings, B dots; a site in both shows a dot inside a ring). */
    showComparison(scenarioA, scenarioB) {
      comparing = true;
      siteLayer.clearLayers();
      cellLayer.clearLayers();
      markers.clear();
      compareLayer.clearLayers();
      districtLayer.setStyle(districtStyle);
      const draw = (s, side) => {
        for (const f of s?.sites?.features ?? []) {
          const [lon, lat] = f.geometry.coordinates;
          L.circleMarker([lat, lon], side === 'a'
            ? { radius: 10, weight: 3, color: COMPARE_COLORS.a, fillOpacity: 0.1, className: 'plan-compare-a' }
            : { radius: 5, weight: 1, color: '#fff', fillColor: COMPARE_COLORS.b, fillOpacity: 1, className: 'plan-compare-b' })
            .bindTooltip(() => el('span', null, `${side.toUpperCase()} · ${f.properties.name}`))
            .addTo(compareLayer);
        }
      };
      draw(scenarioA, 'a');
      draw(scenarioB, 'b');
      const bounds = L.featureGroup(compareLayer.getLayers()).getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [40, 40], maxZoom: 15 });
      }
    },
    /** Leaves the comparison and shows the current scenario again. */
    endComparison() {
      comparing = false;
      compareLayer.clearLayers();
      districtLayer.setStyle(districtStyle);
      drawSites();
      drawCells();
    },
    /** Pans to a site and highlights it. */
    focusSite(siteId) {
      const feature = (scenario?.sites?.features ?? []).find((f) => f.properties.siteId === siteId);
      if (!feature) {
        return;
      }
      const [lon, lat] = feature.geometry.coordinates;
      map.setView([lat, lon], Math.max(map.getZoom(), 14));
      for (const [id, marker] of markers) {
        marker.getElement()?.classList.toggle('is-highlighted', id === siteId);
      }
    },
    /** Zooms to the scenario's sites. */
    fitSites() {
      const bounds = L.featureGroup([...markers.values()]).getBounds();
      if (bounds.isValid()) {
        map.fitBounds(bounds, { padding: [40, 40], maxZoom: 14 });
      }
    },
  };
}
