/**
 * Start-up of the map page: load config and meta, build the map, create the layers and controls, and connect them
 * through the store. No feature logic lives here; each layer and control is its own module.
 *
 * Adding a layer later (coverage hexes, service circles, gaps, choropleth): write `layers/x.js` exporting
 * `createXLayer(map, {getContext}) → {layer, update(data), clear(), refreshLanguage()}`, then in `start()` register it
 * with `layerControl.addLayer({id, labelKey, layer})`, load its data where the others are loaded (`loadLayerData`),
 * and add a legend section if it needs one (`legend.addSection(id, render)`).
 */
import * as L from 'leaflet';
import { createApiClient, ApiError } from './api/client.js';
import { createStore } from './state/store.js';
import { initialFilters } from './state/filters.js';
import { createTranslator, loadLang } from './i18n/index.js';
import { applyTranslations } from './i18n/dom.js';
import { hasNoKindSelected, stationQueryParams } from './util/query.js';
import { createBaseMapLayer } from './layers/basemap.js';
import { createStationLayer, buildStationPopup } from './layers/stations.js';
import { createDistrictLayer } from './layers/districts.js';
import { createLayerControl } from './controls/layers.js';
import { createLegend, renderKindsSection, renderBoundariesSection } from './controls/legend.js';
import { createAttribution } from './controls/attribution.js';
import { createMapNotices } from './controls/notice.js';
import { createStationCount } from './controls/station-count.js';
import { createFilterPanel } from './controls/filters.js';
import { createImportForm } from './controls/import-form.js';
import { createRegionSelect } from './controls/region-select.js';
import { createLangSwitch } from './controls/lang-switch.js';
import { createAuth, canImport } from './api/auth.js';
import { createLoginBox } from './controls/login-box.js';
import { setUpCoverage } from './coverage.js';

const STATION_RELOAD_DELAY_MS = 150;
const SUBDISTRICT_LABEL_MIN_ZOOM = 13;
// the clustering plugin needs a maximum zoom even when there is no tile layer to supply one
const MAX_ZOOM = 19;

const storage = safeLocalStorage();
const store = createStore({ lang: loadLang(storage), region: null, filters: null, meta: null, config: null });
let t = createTranslator(store.get('lang'));

/** Context handed to layers and controls: current translator, language, meta and region. */
const getContext = () => ({ t, lang: store.get('lang'), meta: store.get('meta'), region: store.get('region') });

const api = createApiClient({ baseUrl: document.baseURI });
// accounts: who is logged in; the API client sends the session's CSRF token with every write
const auth = createAuth({ api });

/** Human-readable text of a failed call, in the current language (the server's detail when it sent one). */
function errorText(error) {
  if (error instanceof ApiError) {
    if (error.isNetworkError) {
      return t('error.network');
    }
    return error.detail || error.title || t('error.http', { status: error.status });
  }
  return String(error?.message ?? error);
}

async function start() {
  applyTranslations(document, t);
  document.title = t('app.title');
  createLangSwitch(document.querySelector('[data-testid="lang-switch"]'), { store, storage });
  setUpPanelToggle();

  // accounts: the login box in the header; the import form only for planners and admins
  const loginBox = createLoginBox(document.querySelector('[data-testid="auth-box"]'), { auth, getContext });
  const importSection = document.querySelector('[data-testid="import-section"]');
  auth.onChange((me) => { importSection.hidden = !canImport(me); });
  // the link to user administration (admin.html) only for admins
  const adminLink = document.querySelector('[data-testid="admin-link"]');
  auth.onChange((me) => { adminLink.hidden = !(me.authenticated && me.role === 'admin'); });
  // planner page link: staff only
  const planLink = document.querySelector('[data-testid="plan-link"]');
  auth.onChange((me) => { planLink.hidden = !me.authenticated; });

  const [config, meta] = await Promise.all([api.getConfig(), api.getMeta(), auth.refresh().catch(() => null)]);
  const regions = Array.isArray(config.regions) ? config.regions : [];
  store.set({ config, meta, region: chooseRegion(config, regions), filters: initialFilters(meta) });

  const map = L.map('map', { attributionControl: false, zoomControl: true, minZoom: 3, maxZoom: MAX_ZOOM });
  showRegion(map, findRegion(regions, store.get('region')), false);
  const notices = createMapNotices(map.getContainer(), { getContext });

  // base map: optional; the container background keeps the map readable without it
  const baseMap = createBaseMapLayer(map, {
    tileUrl: config.tileUrl,
    onStatus: (status) => {
      map.getContainer().dataset.basemap = status;
      notices.showNotice(status === 'failed' ? t('tiles.failed') : null);
    },
  });
  const attribution = createAttribution(map);
  attribution.setText(baseMap.layer ? config.tileAttribution : '');

  let coverage = null; // set up below, once the layer control and legend exist
  const stations = createStationLayer(map, {
    getContext,
    popupFooter: (feature) => coverage?.stationPopupFooter(feature) ?? null,
  });
  const districts = createDistrictLayer(map, { level: 'district', getContext });
  const subdistricts = createDistrictLayer(map, { level: 'subdistrict', getContext });

  const layerControl = createLayerControl(map, { getContext });
  if (baseMap.layer) {
    map.addLayer(baseMap.layer); // first, so it is the bottom layer; listed last in the control
  }
  layerControl.addLayer({ id: 'stations', labelKey: 'layers.stations', layer: stations.layer, checked: true });
  layerControl.addLayer({ id: 'districts', labelKey: 'layers.districts', layer: districts.layer, checked: true });
  layerControl.addLayer({ id: 'subdistricts', labelKey: 'layers.subdistricts', layer: subdistricts.layer, checked: false });
  if (baseMap.layer) {
    layerControl.addLayer({ id: 'basemap', labelKey: 'layers.base', layer: baseMap.layer, checked: true });
  }

  const legend = createLegend(map, { getContext });
  legend.addSection('kinds', renderKindsSection);
  const boundaryLevels = () => [districts, subdistricts].filter((d) => map.hasLayer(d.layer)).map((d) => d.level);
  legend.addSection('boundaries', (context) => renderBoundariesSection(context, boundaryLevels()));

  const count = createStationCount(map, { getContext });
  const filterPanel = createFilterPanel(document.getElementById('filters'), { store, getContext });

  // stations: reloaded (debounced, stale requests aborted) whenever the filters or the region change
  let stationRequest = null;
  let stationTimer = null;
  let pendingFocus = parseStationHash();
  const reloadStations = () => {
    clearTimeout(stationTimer);
    stationTimer = setTimeout(loadStations, STATION_RELOAD_DELAY_MS);
  };
  async function loadStations() {
    stationRequest?.abort();
    const request = new AbortController();
    stationRequest = request;
    const filters = store.get('filters');
    const allKinds = (store.get('meta')?.kinds ?? []).map((k) => k.code);
    if (hasNoKindSelected({ kinds: filters.kinds, allKinds })) {
      stations.clear();
      count.setCount(0);
      return;
    }
    count.setLoading();
    try {
      const params = stationQueryParams({ region: store.get('region'), allKinds, ...filters });
      const featureCollection = await api.getStations(params, request.signal);
      if (request.signal.aborted) {
        return;
      }
      count.setCount(stations.update(featureCollection));
      coverage?.stationsChanged();
      if (pendingFocus !== null) {
        focusStation(pendingFocus);
        pendingFocus = null;
      }
    } catch (error) {
      if (error?.name === 'AbortError') {
        return;
      }
      count.setError();
      notices.showError(errorText(error));
    }
  }

  async function focusStation(id) {
    if (stations.focus(id)) {
      return;
    }
    try {
      const feature = await api.getStation(id, store.get('region'));
      const [lon, lat] = feature.geometry.coordinates;
      map.setView([lat, lon], Math.max(map.getZoom(), 16));
      L.popup({ className: 'station-popup-wrapper', maxWidth: 320, minWidth: 240 })
        .setLatLng([lat, lon])
        .setContent(() => buildStationPopup(feature, getContext(), (f) => coverage?.stationPopupFooter(f) ?? null))
        .openOn(map);
    } catch (error) {
      notices.showError(errorText(error));
    }
  }

  // districts: loaded when their layer is first shown, again after a region change or an import
  const boundaryLayers = [districts, subdistricts];
  const loadedRegion = new Map();
  async function loadDistricts(layer, force = false) {
    const region = store.get('region');
    if (!map.hasLayer(layer.layer) || (!force && loadedRegion.get(layer) === region)) {
      return;
    }
    loadedRegion.set(layer, region);
    try {
      layer.update(await api.getDistricts(region, layer.level));
    } catch (error) {
      loadedRegion.delete(layer);
      notices.showError(errorText(error));
    }
  }
  for (const layer of boundaryLayers) {
    layer.layer.on('add', () => {
      loadDistricts(layer);
      legend.refresh();
    });
    layer.layer.on('remove', () => legend.refresh());
  }

  const updateZoomClass = () => {
    map.getContainer().classList.toggle('hide-subdistrict-labels', map.getZoom() < SUBDISTRICT_LABEL_MIN_ZOOM);
  };
  map.on('zoomend', updateZoomClass);
  updateZoomClass();

  const importForm = createImportForm(document.getElementById('import'), {
    api,
    getContext,
    onImported: (target) => {
      if (target === 'stations') {
        reloadStations();
      } else {
        boundaryLayers.forEach((layer) => loadDistricts(layer, true));
      }
    },
  });

  const updateExportLinks = () => {
    document.querySelector('[data-testid="export-geojson"]').href = api.exportUrl('geojson', store.get('region'));
    document.querySelector('[data-testid="export-csv"]').href = api.exportUrl('csv', store.get('region'));
  };
  updateExportLinks();

  createRegionSelect(document.querySelector('[data-testid="region-select"]'), document.querySelector('.region-picker'), {
    regions,
    store,
  });

  // coverage layers (cells, gaps, choropleth, service circles, routes) and their side-panel section: coverage.js
  coverage = setUpCoverage({
    map,
    api,
    getContext,
    layerControl,
    legend,
    notices,
    errorText,
    storage,
    getStationFeatures: () => stations.features(),
    focusStation,
    panel: document.getElementById('coverage'),
  });

  store.on('filters', reloadStations);
  store.on('region', (region) => {
    showRegion(map, findRegion(regions, region), true);
    updateExportLinks();
    stations.clear();
    boundaryLayers.forEach((layer) => layer.clear());
    loadStations();
    boundaryLayers.forEach((layer) => loadDistricts(layer));
    coverage.regionChanged();
  });
  store.on('lang', (lang) => {
    t = createTranslator(lang);
    applyTranslations(document, t);
    document.title = t('app.title');
    layerControl.refreshLanguage();
    legend.refresh();
    count.refreshLanguage();
    filterPanel.refreshLanguage();
    importForm.refreshLanguage();
    loginBox.refreshLanguage();
    stations.refreshLanguage();
    boundaryLayers.forEach((layer) => layer.refreshLanguage());
    coverage.refreshLanguage();
    const basemapStatus = map.getContainer().dataset.basemap;
    notices.showNotice(basemapStatus === 'failed' ? t('tiles.failed') : null);
  });
  window.addEventListener('hashchange', () => {
    const id = parseStationHash();
    if (id !== null) {
      focusStation(id);
    }
  });
  document.querySelector('[data-testid="panel-toggle"]').addEventListener('click', () => {
    setTimeout(() => map.invalidateSize({ pan: false }), 260);
  });

  await Promise.all([loadStations(), ...boundaryLayers.map((layer) => loadDistricts(layer))]);
  document.querySelector('.map-loading').hidden = true;
  document.body.dataset.ready = 'true'; // browser tests wait for this
}

/** The region of `?region=` when the config knows it, else the config's default, else the first listed. */
function chooseRegion(config, regions) {
  const requested = new URLSearchParams(location.search).get('region');
  if (requested && regions.some((r) => r.code === requested)) {
    return requested;
  }
  if (config.defaultRegion && regions.some((r) => r.code === config.defaultRegion)) {
    return config.defaultRegion;
  }
  return regions[0]?.code ?? config.defaultRegion ?? null;
}

function findRegion(regions, code) {
  return regions.find((r) => r.code === code) ?? null;
}

/** Moves the map to a region: its center and zoom, else its bbox, else a view of China. */
function showRegion(map, region, animate) {
  const bbox = region?.bbox;
  if (Array.isArray(region?.center) && region.center.length === 2 && Number.isFinite(region.zoom)) {
    map.setView(region.center, region.zoom, { animate });
  } else if (Array.isArray(bbox) && bbox.length === 4) {
    map.fitBounds([[bbox[1], bbox[0]], [bbox[3], bbox[2]]], { animate });
  } else {
    map.setView([35, 105], 4, { animate });
  }
  if (Array.isArray(bbox) && bbox.length === 4) {
    const pad = Math.max(bbox[2] - bbox[0], bbox[3] - bbox[1]);
    map.setMaxBounds([[bbox[1] - pad, bbox[0] - pad], [bbox[3] + pad, bbox[2] + pad]]);
  }
}

/** The station id of `#station=<id>` in the address, or null. */
function parseStationHash() {
  const match = /(?:^#|&)station=([^&]+)/.exec(location.hash);
  return match ? decodeURIComponent(match[1]) : null;
}

function setUpPanelToggle() {
  const button = document.querySelector('[data-testid="panel-toggle"]');
  const panel = document.getElementById('side-panel');
  const narrow = window.matchMedia('(max-width: 800px)');
  const set = (open) => {
    document.body.classList.toggle('panel-closed', !open);
    button.setAttribute('aria-expanded', String(open));
    panel.inert = !open;
  };
  set(!narrow.matches);
  narrow.addEventListener('change', () => set(!narrow.matches));
  button.addEventListener('click', () => set(document.body.classList.contains('panel-closed')));
}

function safeLocalStorage() {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

start().catch((error) => {
  console.error(error);
  const box = document.querySelector('.map-loading');
  const text = box.querySelector('.map-loading-text');
  delete text.dataset.i18n;
  text.textContent = t('app.loadFailed', { detail: errorText(error) });
  box.classList.add('is-error');
  box.dataset.testid = 'load-error';
});
