/**
 * The coverage layers of the map page and their side-panel section, wired together: cells coloured by minutes to the
 * nearest station, gap areas, the coverage choropleth, service circles, the route of a clicked cell and isochrones
 * on right-click. Owns the loading (abortable, debounced, cached per region / worker group / run) so that main.js
 * only calls `setUpCoverage` and forwards language, region and station changes.
 *
 * Decisions (see web/README.md): cells are fetched by bounding box (the view plus a quarter on each side) from zoom
 * CELLS_MIN_ZOOM on, after the map stops moving, and not drawn below it, where the choropleth is the overview;
 * service circles of all stations are fetched only while their layer is on, for the stations in view, four at a
 * time, and cached.
 *
 * `body[data-coverage-ready="true"]` is set once the first summary, gaps and cells have been answered (or failed).
 */
import * as L from 'leaflet';
import { ApiError } from './api/client.js';
import { createCoverageCellLayer, CELLS_MIN_ZOOM } from './layers/coverage-cells.js';
import { createGapLayer, renderGapLegend } from './layers/coverage-gaps.js';
import { createCoverageChoroplethLayer, renderChoroplethLegend } from './layers/coverage-choropleth.js';
import { createServiceCircleLayer, renderServiceCircleLegend } from './layers/service-circles.js';
import { createCellRouteLayer, buildCellPopup } from './layers/cell-route.js';
import { createIsochroneLayer } from './layers/isochrone.js';
import { createCoveragePanel } from './controls/coverage-panel.js';
import { renderMinutesSection } from './controls/legend.js';
import { el, testId } from './util/dom.js';
import { MINUTE_CLASSES } from './util/colors.js';
import {
  DEFAULT_GROUP, DEFAULT_LIMIT_MINUTES, cellKind, formatDemand, groupMode, isWorkerGroup, needsFetch, padBBox,
  readCellRoute, readSummary, runLimited, serviceCircleKey,
} from './util/coverage.js';

const CELL_RELOAD_DELAY_MS = 200;
const CELL_FETCH_PAD = 0.25;
const GAP_LIMIT = 20;
const CIRCLE_CONCURRENCY = 4;
const MAX_CIRCLES_IN_VIEW = 300;
const ISOCHRONE_MINUTES = [5, 10, 15];
const GROUP_STORAGE_KEY = 'outpost.coverageGroup';

/**
 * @param {object} options
 * @param {L.Map} options.map
 * @param {object} options.api the client of api/client.js
 * @param {() => {t: Function, lang: string, region: string}} options.getContext
 * @param {object} options.layerControl controls/layers.js
 * @param {object} options.legend controls/legend.js
 * @param {object} options.notices controls/notice.js
 * @param {(error) => string} options.errorText readable text of a failed call
 * @param {Storage} [options.storage] remembers the chosen worker group
 * @param {() => object[]} options.getStationFeatures the station features currently on the map
 * @param {(id: string) => void} options.focusStation zooms to a station and opens its popup
 * @param {HTMLElement} options.panel the side-panel element the coverage section is built in
 * @returns {{refreshLanguage(): void, regionChanged(): void, stationsChanged(): void,
 *   stationPopupFooter(feature: object): HTMLElement}}
 */
export function setUpCoverage({
  map, api, getContext, layerControl, legend, notices, errorText, storage, getStationFeatures, focusStation,
  panel: panelElement,
}) {
  let group = chooseGroup(storage);
  let level = 'district';
  let run = 0; // bumped by every recompute, so answers cached for the previous run are not reused
  let latestSummary = null; // the district-level summary of the current key, for the limit minutes
  const region = () => getContext().region;
  const dataKey = () => `${region()}|${group}|${run}`;
  const limitMinutes = () => latestSummary?.limitMinutes ?? DEFAULT_LIMIT_MINUTES;

  const cells = createCoverageCellLayer(map, { onCellClick: showCell });
  const gaps = createGapLayer(map, { getContext, onGapClick: selectGap });
  const choropleth = createCoverageChoroplethLayer(map, { getContext });
  const circles = createServiceCircleLayer(map);
  const route = createCellRouteLayer(map);
  const isochrones = createIsochroneLayer(map);

  layerControl.addLayer({ id: 'coverage-cells', labelKey: 'layers.coverageCells', layer: cells.layer, checked: true });
  layerControl.addLayer({ id: 'coverage-gaps', labelKey: 'layers.coverageGaps', layer: gaps.layer, checked: true });
  layerControl.addLayer({
    id: 'coverage-areas', labelKey: 'layers.coverageAreas', layer: choropleth.layer, checked: false,
  });
  layerControl.addLayer({ id: 'service-circles', labelKey: 'layers.serviceCircles', layer: circles.layer, checked: false });

  legend.addSection('coverage-cells', (context) => (map.hasLayer(cells.layer) ? renderCellLegend(context) : null));
  legend.addSection('coverage-gaps', (context) => (map.hasLayer(gaps.layer) ? renderGapLegend(context) : null));
  const circlesShown = () => map.hasLayer(circles.layer) || circles.focusedStation() !== null;
  legend.addSection('service-circles', (context) =>
    (circlesShown() ? renderServiceCircleLegend(context, limitMinutes()) : null));
  legend.addSection('coverage-areas', (context) =>
    (map.hasLayer(choropleth.layer) ? renderChoroplethLegend(context, limitMinutes(), level) : null));

  const panel = createCoveragePanel(panelElement, {
    getContext,
    group,
    level,
    onGroupChange: (code) => {
      group = code;
      try {
        storage?.setItem(GROUP_STORAGE_KEY, code);
      } catch {
        // storage refused (private mode): the choice lasts for this page only
      }
      reloadAll();
    },
    onLevelChange: (code) => {
      level = code;
      if (!map.hasLayer(choropleth.layer)) {
        map.addLayer(choropleth.layer); // choosing a level means wanting to see it; loads through the 'add' event
      } else {
        loadChoropleth();
      }
      legend.refresh();
    },
    onRun: recompute,
    onGapSelect: selectGap,
  });

  // ---------------------------------------------------------------- summaries (cached per key and level)
  const summaries = new Map();
  let missingDetail = null; // the server's words when it has no figures (404), e.g. no road network loaded
  /** The summary of the current key at `level` (readSummary form), null when the server has none (404). */
  function summaryFor(areaLevel) {
    const key = `${dataKey()}|${areaLevel}`;
    if (!summaries.has(key)) {
      const promise = api.getCoverageSummary({ region: region(), group, level: areaLevel })
        .then(readSummary)
        .catch((error) => {
          if (hasNoFigures(error)) {
            missingDetail = error.detail || null;
            return null;
          }
          summaries.delete(key);
          throw error;
        });
      summaries.set(key, promise);
    }
    return summaries.get(key);
  }

  async function loadSummary() {
    const key = dataKey();
    panel.setSummary({ status: 'loading' });
    try {
      const summary = await summaryFor('district');
      if (key !== dataKey()) {
        return;
      }
      latestSummary = summary;
      panel.setSummary(summary ? { status: 'ready', summary } : { status: 'none', message: missingDetail });
      legend.refresh();
    } catch (error) {
      if (key === dataKey()) {
        panel.setSummary({ status: 'error', message: errorText(error) });
      }
    }
  }

  // ---------------------------------------------------------------- gaps
  let gapRequest = null;
  async function loadGaps() {
    gapRequest?.abort();
    const request = new AbortController();
    gapRequest = request;
    gaps.clear();
    panel.setGaps({ status: 'loading' });
    try {
      const fc = await api.getCoverageGaps({ region: region(), group, limit: GAP_LIMIT }, request.signal);
      if (request.signal.aborted) {
        return;
      }
      const ranked = gaps.update(fc);
      panel.setGaps({ status: 'ready', features: ranked });
    } catch (error) {
      if (error?.name === 'AbortError' || request.signal.aborted) {
        return;
      }
      panel.setGaps(hasNoFigures(error)
        ? { status: 'none', message: error.detail }
        : { status: 'error', message: errorText(error) });
    }
  }

  function selectGap(rank) {
    if (!map.hasLayer(gaps.layer)) {
      map.addLayer(gaps.layer);
    }
    gaps.select(rank, true);
    panel.selectGap(rank);
  }

  // ---------------------------------------------------------------- cells (by bbox, from CELLS_MIN_ZOOM on)
  let fetchedCells = null; // {key, bbox, fc, state}
  let cellRequest = null;
  let cellTimer = null;
  const scheduleCells = () => {
    clearTimeout(cellTimer);
    cellTimer = setTimeout(loadCells, CELL_RELOAD_DELAY_MS);
  };

  async function loadCells() {
    clearTimeout(cellTimer);
    if (!map.hasLayer(cells.layer)) {
      cellRequest?.abort();
      cells.setState('off');
      return;
    }
    if (map.getZoom() < CELLS_MIN_ZOOM) {
      cellRequest?.abort();
      cells.clear();
      cells.setState('zoomed-out');
      legend.refresh();
      return;
    }
    const view = viewBBox(map);
    const key = dataKey();
    if (!needsFetch(fetchedCells, key, view)) {
      if (fetchedCells.fc && cells.count() === 0) {
        cells.update(fetchedCells.fc); // back from a zoom below the limit: nothing to fetch
      }
      cells.setState(fetchedCells.state);
      legend.refresh();
      return;
    }
    cellRequest?.abort();
    const request = new AbortController();
    cellRequest = request;
    cells.setState('loading');
    const bbox = padBBox(view, CELL_FETCH_PAD);
    try {
      const fc = await api.getCoverageCells({ region: region(), group, bbox }, request.signal);
      if (request.signal.aborted) {
        return;
      }
      fetchedCells = { key, bbox, fc, state: 'ready' };
      cells.update(fc);
      cells.setState('ready');
    } catch (error) {
      if (error?.name === 'AbortError' || request.signal.aborted) {
        return;
      }
      if (hasNoFigures(error)) {
        fetchedCells = { key, bbox, fc: null, state: 'none' };
        cells.clear();
        cells.setState('none');
      } else {
        cells.setState('error');
        notices.showError(errorText(error));
      }
    }
    legend.refresh();
  }

  // ---------------------------------------------------------------- choropleth
  const districtShapes = new Map(); // region|level → Promise<FeatureCollection>
  function districtsFor(areaLevel) {
    const key = `${region()}|${areaLevel}`;
    if (!districtShapes.has(key)) {
      districtShapes.set(key, api.getDistricts(region(), areaLevel).catch((error) => {
        districtShapes.delete(key);
        throw error;
      }));
    }
    return districtShapes.get(key);
  }

  let choroplethToken = 0;
  async function loadChoropleth() {
    if (!map.hasLayer(choropleth.layer)) {
      return;
    }
    const token = ++choroplethToken;
    try {
      const [areas, summary] = await Promise.all([districtsFor(level), summaryFor(level)]);
      if (token !== choroplethToken) {
        return;
      }
      if (summary) {
        choropleth.update({ areas, summary });
      } else {
        choropleth.clear();
      }
    } catch (error) {
      if (token === choroplethToken) {
        choropleth.clear();
        notices.showError(errorText(error));
      }
    }
    legend.refresh();
  }

  // ---------------------------------------------------------------- service circles (cached promises)
  const circleCache = new Map();
  function circleFor(stationId) {
    const minutes = limitMinutes();
    const mode = groupMode(group);
    const key = serviceCircleKey({ region: region(), stationId, mode, minutes });
    if (!circleCache.has(key)) {
      circleCache.set(key, api.getServiceArea({ region: region(), stationId, minutes, mode }).catch((error) => {
        circleCache.delete(key);
        throw error;
      }));
    }
    return circleCache.get(key);
  }

  let circleKey = null;
  let circleRun = null;
  let circleEntries = new Map(); // station id → feature shown in the all-stations layer
  let circleFailures = new Set(); // station ids whose circle failed for circleKey: not asked again on every move
  async function loadAllCircles() {
    circleRun?.abort();
    if (!map.hasLayer(circles.layer)) {
      return;
    }
    const key = `${region()}|${groupMode(group)}|${limitMinutes()}`;
    if (key !== circleKey) {
      circles.clear();
      circleEntries = new Map();
      circleFailures = new Set();
      circleKey = key;
    }
    const view = map.getBounds().pad(0.1);
    const center = map.getCenter();
    const wanted = (getStationFeatures() ?? [])
      .filter((f) => f?.geometry?.type === 'Point')
      .map((f) => ({
        id: String(f.id ?? f.properties?.id),
        latlng: L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]),
      }))
      .filter((s) => view.contains(s.latlng))
      .sort((a, b) => center.distanceTo(a.latlng) - center.distanceTo(b.latlng))
      .slice(0, MAX_CIRCLES_IN_VIEW);
    // drop the circles of stations now out of view or filtered out (their answers stay cached)
    const wantedIds = new Set(wanted.map((s) => s.id));
    const before = circleEntries.size;
    circleEntries = new Map([...circleEntries].filter(([id]) => wantedIds.has(id)));
    if (circleEntries.size !== before) {
      circles.update([...circleEntries].map(([stationId, feature]) => ({ stationId, feature })));
    }
    const request = new AbortController();
    circleRun = request;
    const missing = wanted.filter((s) => !circleEntries.has(s.id) && !circleFailures.has(s.id));
    const results = await runLimited(missing, CIRCLE_CONCURRENCY, async (s) => {
      let feature;
      try {
        feature = await circleFor(s.id);
      } catch (error) {
        if (key === circleKey) {
          circleFailures.add(s.id);
        }
        throw error;
      }
      if (!request.signal.aborted && key === circleKey) {
        circleEntries.set(s.id, feature);
        circles.add(s.id, feature);
      }
    }, request.signal);
    const failed = results.filter((r) => r.status === 'rejected' && r.reason?.name !== 'AbortError');
    if (failed.length > 0 && !request.signal.aborted) {
      notices.showError(getContext().t('circle.someFailed', { n: failed.length, detail: errorText(failed[0].reason) }));
    }
  }

  /** The service-circle block appended to station popups (see layers/stations.js `popupFooter`). */
  function stationPopupFooter(feature) {
    const { t } = getContext();
    const id = String(feature.id ?? feature.properties?.id);
    const box = el('div', 'sp-coverage');
    const button = testId(el('button', 'button button-secondary sp-circle-button'), 'service-circle-button');
    button.type = 'button';
    const status = el('span', 'sp-circle-status');
    const label = () => {
      button.textContent = t(circles.focusedStation() === id ? 'circle.hide' : 'circle.show', { minutes: limitMinutes() });
    };
    label();
    button.addEventListener('click', async () => {
      if (circles.focusedStation() === id) {
        circles.clearFocus();
        label();
        status.textContent = '';
        legend.refresh();
        return;
      }
      button.disabled = true;
      status.className = 'sp-circle-status';
      status.textContent = t('circle.loading');
      try {
        const circle = await circleFor(id);
        const bounds = circles.showFocus(id, circle);
        if (bounds && !map.getBounds().contains(bounds)) {
          map.fitBounds(bounds, { padding: [30, 30], maxZoom: map.getZoom() });
        }
        const props = circle?.properties ?? {};
        const within = props.demandWithin ?? props.demand;
        const lang = getContext().lang;
        status.textContent = [
          Number.isFinite(within) ? t('circle.demand', { demand: formatDemand(within, lang) }) : null,
          Number.isFinite(props.catchmentDemand)
            ? t('circle.catchment', { demand: formatDemand(props.catchmentDemand, lang) })
            : null,
        ].filter(Boolean).join(' · ');
      } catch (error) {
        status.className = 'sp-circle-status is-error';
        status.textContent = errorText(error);
      }
      button.disabled = false;
      label();
      legend.refresh();
    });
    box.append(button, status);
    return box;
  }

  // ---------------------------------------------------------------- a clicked cell: route to its nearest station
  let cellPopup = null;
  let cellView = null; // {info, props}
  let routeRequest = null;

  function renderCellPopup() {
    return buildCellPopup(cellView.info, cellView.props, getContext(), (id) => {
      map.closePopup(cellPopup);
      focusStation(id);
    });
  }

  async function showCell(feature, center) {
    routeRequest?.abort();
    route.clear();
    const props = feature.properties ?? {};
    cells.select(props.h3);
    const kind = cellKind(props);
    cellView = { info: { state: kind === 'timed' ? 'loading' : kind }, props };
    if (!cellPopup) {
      cellPopup = L.popup({ className: 'cell-popup-wrapper', maxWidth: 300, minWidth: 200, autoPanPadding: [24, 24] });
      cellPopup.setContent(renderCellPopup);
      cellPopup.on('remove', () => {
        routeRequest?.abort();
        route.clear();
        cells.select(null);
      });
    }
    cellPopup.setLatLng(center);
    if (map.hasLayer(cellPopup)) {
      cellPopup.update();
    } else {
      cellPopup.openOn(map);
    }
    if (kind !== 'timed') {
      return;
    }
    const request = new AbortController();
    routeRequest = request;
    try {
      const answer = readCellRoute(await api.getCellRoute({ region: region(), group, h3: props.h3 }, request.signal));
      if (request.signal.aborted) {
        return;
      }
      const stationId = answer.stationId ?? props.stationId;
      const minutes = answer.minutes ?? props.minutes;
      route.update({ ...answer, minutes }, center);
      cellView = {
        props,
        info: {
          state: 'route',
          minutes,
          meters: answer.meters,
          stationId,
          stationName: answer.stationName ?? (await stationName(stationId)),
          streetNames: answer.streetNames,
        },
      };
    } catch (error) {
      if (error?.name === 'AbortError' || request.signal.aborted) {
        return;
      }
      cellView = { props, info: { state: 'error', message: errorText(error) } };
    }
    if (!request.signal.aborted && map.hasLayer(cellPopup)) {
      cellPopup.update();
    }
  }

  async function stationName(id) {
    const known = (getStationFeatures() ?? []).find((f) => String(f.id ?? f.properties?.id) === String(id));
    if (known) {
      return known.properties?.name ?? null;
    }
    try {
      return (await api.getStation(id, region()))?.properties?.name ?? null;
    } catch {
      return null; // the popup falls back to the id
    }
  }

  // ---------------------------------------------------------------- isochrones on right-click
  let isochronePopup = null;
  let isochroneRequest = null;
  map.on('contextmenu', async (event) => {
    isochroneRequest?.abort();
    const request = new AbortController();
    isochroneRequest = request;
    const { t } = getContext();
    const mode = groupMode(group);
    const text = el('div', 'isochrone-popup');
    testId(text, 'isochrone-popup');
    text.textContent = t('isochrone.loading');
    isochronePopup = L.popup({ className: 'isochrone-popup-wrapper', maxWidth: 260 })
      .setLatLng(event.latlng)
      .setContent(text)
      .openOn(map);
    isochronePopup.on('remove', () => {
      request.abort();
      isochrones.clear();
    });
    try {
      const fc = await api.getIsochrone({
        lat: Number(event.latlng.lat.toFixed(6)),
        lon: Number(event.latlng.lng.toFixed(6)),
        mode,
        minutes: ISOCHRONE_MINUTES,
        direction: 'from',
      }, request.signal);
      if (request.signal.aborted) {
        return;
      }
      isochrones.update(fc);
      text.textContent = t('isochrone.shown', {
        mode: t(`mode.${mode}`),
        minutes: ISOCHRONE_MINUTES.join(' / '),
      });
    } catch (error) {
      if (error?.name !== 'AbortError' && !request.signal.aborted) {
        text.textContent = errorText(error);
      }
    }
  });

  // ---------------------------------------------------------------- recompute
  async function recompute() {
    const { t } = getContext();
    panel.setRun({ status: 'running' });
    try {
      await api.runCoverage({ region: region(), group });
      run++;
      panel.setRun({ status: 'done' });
      reloadAll();
    } catch (error) {
      const needsLogin = error instanceof ApiError && (error.status === 401 || error.status === 403);
      panel.setRun({ status: 'error', message: needsLogin ? t('coverage.needLogin') : errorText(error) });
    }
  }

  // ---------------------------------------------------------------- (re)loading everything
  let firstLoad = true;
  function reloadAll() {
    if (cellPopup && map.hasLayer(cellPopup)) {
      map.closePopup(cellPopup);
    }
    route.clear();
    circles.clearFocus();
    cells.clear(); // cells of another group, region or run must not stay on screen if the new ones fail to load
    latestSummary = null;
    const summaryDone = loadSummary();
    const loads = [
      summaryDone,
      loadGaps(),
      loadCells(),
      summaryDone.then(() => Promise.all([loadChoropleth(), loadAllCircles()])),
    ];
    if (firstLoad) {
      firstLoad = false;
      Promise.allSettled(loads).then(() => {
        document.body.dataset.coverageReady = 'true'; // browser tests wait for this
      });
    }
    legend.refresh();
  }

  // cells and choropleth are two views of the same figures, the detail and the overview: one at a time
  cells.layer.on('add', () => {
    map.removeLayer(choropleth.layer);
    loadCells();
    legend.refresh();
  });
  cells.layer.on('remove', () => {
    cellRequest?.abort();
    cells.setState('off');
    legend.refresh();
  });
  gaps.layer.on('add remove', () => legend.refresh());
  choropleth.layer.on('add', () => {
    map.removeLayer(cells.layer);
    loadChoropleth();
    legend.refresh();
  });
  choropleth.layer.on('remove', () => legend.refresh());
  circles.layer.on('add', () => {
    loadAllCircles();
    legend.refresh();
  });
  circles.layer.on('remove', () => {
    circleRun?.abort();
    legend.refresh();
  });
  map.on('moveend', () => {
    scheduleCells();
    if (map.hasLayer(circles.layer)) {
      loadAllCircles();
    }
  });

  function renderCellLegend(context) {
    const { t } = context;
    const section = renderMinutesSection(context, t('legend.cells', { group: t(`group.${group}`) }));
    const swatches = section.querySelectorAll('.legend-swatch');
    swatches[swatches.length - 1]?.classList.add('is-hatched');
    const limitIndex = MINUTE_CLASSES.findIndex((c) => c.maxMinutes === limitMinutes());
    section.querySelectorAll('.legend-row')[limitIndex]?.classList.add('is-limit');
    const offNetwork = el('div', 'legend-row');
    offNetwork.append(el('span', 'legend-swatch is-off-network'), el('span', 'legend-text', t('legend.offNetwork')));
    section.appendChild(offNetwork);
    const state = cells.state();
    if (state === 'zoomed-out' || state === 'none') {
      section.appendChild(el('p', 'legend-hint', state === 'zoomed-out'
        ? t('legend.cellsZoomIn', { zoom: CELLS_MIN_ZOOM })
        : t('coverage.none')));
    }
    return section;
  }

  reloadAll();

  return {
    refreshLanguage() {
      panel.refreshLanguage();
      if (cellPopup && map.hasLayer(cellPopup)) {
        cellPopup.update();
      }
      [cells, gaps, choropleth, circles, route, isochrones].forEach((layer) => layer.refreshLanguage());
    },
    regionChanged() {
      circleEntries = new Map();
      circles.clear();
      circleKey = null;
      fetchedCells = null;
      cells.clear();
      reloadAll();
    },
    stationsChanged() {
      if (map.hasLayer(circles.layer)) {
        loadAllCircles();
      }
    },
    stationPopupFooter,
    /** The worker group shown ("rider", "ride_hailing", "truck"). */
    group: () => group,
  };
}

/** The group of `?group=` when valid, else the remembered one, else DEFAULT_GROUP. */
function chooseGroup(storage) {
  const requested = new URLSearchParams(location.search).get('group');
  if (isWorkerGroup(requested)) {
    return requested;
  }
  try {
    const stored = storage?.getItem(GROUP_STORAGE_KEY);
    if (isWorkerGroup(stored)) {
      return stored;
    }
  } catch {
    // unreadable storage: the default
  }
  return DEFAULT_GROUP;
}

/** 404 from a coverage endpoint: the server has no figures for this region and group (e.g. no road network loaded). */
function hasNoFigures(error) {
  return error instanceof ApiError && error.status === 404;
}

/** The map view as [minLon, minLat, maxLon, maxLat], longitudes clamped to ±180. */
function viewBBox(map) {
  const bounds = map.getBounds();
  return [
    Math.max(-180, bounds.getWest()),
    Math.max(-90, bounds.getSouth()),
    Math.min(180, bounds.getEast()),
    Math.min(90, bounds.getNorth()),
  ];
}
