/**
 * Start-up of the rider page (find.html): where am I (browser geolocation, a tap on the map, or ?lat=&lon=), how do
 * I travel, what do I need — then the nearest open stations from /api/nearest with minutes, distance, open state,
 * services, the route on the map, and one-tap hand-off to the navigation apps. The last answer is kept for offline
 * use (offline.js, and the service worker find-sw.js caches the page itself).
 */
import { createApiClient, ApiError } from '../api/client.js';
import { createTranslator, loadLang, otherLang, saveLang, pickLabel } from '../i18n/index.js';
import { applyTranslations } from '../i18n/dom.js';
import { createBaseMapLayer } from '../layers/basemap.js';
import { el, testId, clear } from '../util/dom.js';
import { MODES, nearestParams, pageQuery, parsePageParams, toggleService } from './params.js';
import { createFindMap } from './map.js';
import { renderResults } from './results.js';
import { loadLast, receivedTime, saveLast } from './offline.js';
import { canShowEmoji, serviceIcon } from './icons.js';

const storage = safeStorage();
const api = createApiClient({ baseUrl: document.baseURI });
const initial = parsePageParams(window.location.search);
const state = {
  lang: loadLang(storage),
  config: null,
  meta: null,
  region: null,
  position: initial.position,
  mode: initial.mode,
  services: initial.services,
  answer: null,
  selectedId: null,
};
let t = createTranslator(state.lang);
let findMap = null;
let pending = null;

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

async function start() {
  translate();
  $('lang-switch').addEventListener('click', () => {
    state.lang = otherLang(state.lang);
    saveLang(storage, state.lang);
    t = createTranslator(state.lang);
    translate();
    renderFilters();
    render();
  });
  $('locate').addEventListener('click', locate);
  for (const mode of MODES) {
    $(`mode-${mode}`).addEventListener('click', () => {
      state.mode = mode;
      renderModes();
      search();
    });
  }
  renderModes();
  registerServiceWorker();

  const [config, meta] = await Promise.all([api.getConfig(), api.getMeta()]);
  state.config = config;
  state.meta = meta;
  const regions = Array.isArray(config.regions) ? config.regions : [];
  const region = regions.find((r) => r.code === config.defaultRegion) ?? regions[0] ?? null;
  state.region = region ? region.code : config.defaultRegion;
  const center = state.position
    ? [state.position.lat, state.position.lon]
    : region?.center ?? [22.6, 113.93];
  findMap = createFindMap($('find-map'), {
    center,
    zoom: state.position ? 15 : region?.zoom ?? 12,
    onPick: (lat, lon) => setPosition({ lat, lon }),
    onSelect: select,
  });
  const base = createBaseMapLayer(findMap.map, { tileUrl: config.tileUrl });
  if (base.layer) {
    base.layer.addTo(findMap.map);
  }
  renderFilters();
  if (!state.position) {
    const last = loadLast(storage);
    if (last?.answer?.origin) {
      state.position = { lat: last.answer.origin.lat, lon: last.answer.origin.lon };
      state.mode = MODES.includes(last.answer.mode) ? last.answer.mode : state.mode;
      state.services = Array.isArray(last.answer.services) ? [...last.answer.services].sort() : state.services;
      renderModes();
      renderFilters();
    }
  }
  if (state.position) {
    findMap.setOrigin(state.position, t('find.youAreHere'));
    await search();
  } else {
    setStatus('idle', t('find.pickPosition'));
  }
  document.body.dataset.ready = 'true';
}

function translate() {
  document.documentElement.lang = state.lang;
  document.title = t('find.title');
  applyTranslations(document, t);
  const sw = $('lang-switch');
  for (const span of sw.querySelectorAll('[data-lang]')) {
    span.classList.toggle('is-active', span.dataset.lang === state.lang);
  }
}

function renderModes() {
  for (const mode of MODES) {
    $(`mode-${mode}`).setAttribute('aria-pressed', String(state.mode === mode));
  }
}

function renderFilters() {
  const box = $('service-filters');
  clear(box);
  for (const s of state.meta?.services ?? []) {
    const on = state.services.includes(s.code);
    const chip = testId(el('button', 'chip'), `filter-service-${s.code}`);
    chip.type = 'button';
    chip.setAttribute('aria-pressed', String(on));
    if (canShowEmoji()) {
      chip.append(el('span', 'chip-icon', serviceIcon(s.code)));
    }
    chip.append(el('span', null, pickLabel(s, state.lang, s.code)));
    chip.addEventListener('click', () => {
      state.services = toggleService(state.services, s.code);
      renderFilters();
      search();
    });
    box.append(chip);
  }
  const count = $('service-count');
  count.textContent = state.services.length > 0 ? `(${state.services.length})` : '';
}

function locate() {
  if (!window.isSecureContext || !navigator.geolocation) {
    setStatus('error', t('find.geoInsecure'));
    return;
  }
  setStatus('loading', t('find.locating'));
  navigator.geolocation.getCurrentPosition(
    (p) => setPosition({ lat: p.coords.latitude, lon: p.coords.longitude }, true),
    (error) => setStatus('error', t(error.code === 1 ? 'find.geoDenied' : 'find.geoUnavailable')),
    { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
  );
}

function setPosition(position, fromGps = false) {
  state.position = position;
  findMap.setOrigin(position, t('find.youAreHere'));
  if (fromGps) {
    findMap.map.setView([position.lat, position.lon], Math.max(findMap.map.getZoom(), 14));
  }
  search();
}

async function search() {
  if (!state.position || !findMap) {
    return;
  }
  history.replaceState(null, '', pageQuery(state) || window.location.pathname);
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  setStatus('loading', t('find.loading'));
  let params;
  try {
    params = nearestParams({ region: state.region, position: state.position, mode: state.mode, services: state.services });
  } catch (e) {
    setStatus('error', String(e.message));
    return;
  }
  try {
    const answer = await api.getNearest(params, controller.signal);
    if (controller !== pending) {
      return;
    }
    // the service worker answers with the last saved answer, marked offline, when the network is down
    const offline = answer && answer.offline === true;
    state.answer = answer;
    state.selectedId = answer.results[0]?.id ?? null;
    if (!offline) {
      saveLast(storage, answer, Date.now());
    }
    render(offline ? answer.offlineSavedAt ?? loadLast(storage)?.receivedAt ?? Date.now() : null);
    findMap.fit(state.position, answer.results);
  } catch (error) {
    if (error?.name === 'AbortError') {
      return;
    }
    const last = loadLast(storage);
    if (error instanceof ApiError && error.isNetworkError && last) {
      state.answer = last.answer;
      state.selectedId = last.answer.results[0]?.id ?? null;
      render(last.receivedAt);
      return;
    }
    setStatus('error', t('find.error', { detail: errorText(error) }));
  }
}

/** Shows the current answer; `offlineSince` is the time (ms) of a remembered answer shown without network. */
function render(offlineSince = null) {
  const answer = state.answer;
  if (!answer || !findMap) {
    return;
  }
  renderResults($('result-list'), answer.results, {
    t,
    lang: state.lang,
    meta: state.meta,
    selectedId: state.selectedId,
    onRoute: select,
    onCopy: copyAddress,
  });
  findMap.setStations(answer.results, state.selectedId);
  findMap.showRoute(answer.results.find((r) => r.id === state.selectedId) ?? null, state.position);
  const notes = [];
  if (offlineSince !== null) {
    notes.push(t('find.offline', { time: receivedTime(offlineSince) }));
  }
  if (answer.method === 'straight_line') {
    notes.push(t('find.straightLine'));
  }
  if (answer.results.length === 0) {
    notes.push(t('find.none'));
  }
  const results = $('results');
  results.dataset.method = answer.method;
  setStatus(offlineSince !== null ? 'offline' : 'done', notes.join(' · '));
}

function select(id) {
  state.selectedId = id;
  render(null);
}

async function copyAddress(address) {
  let ok = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(address);
      ok = true;
    }
  } catch {
    ok = false;
  }
  if (!ok) {
    const area = el('textarea', 'copy-buffer', address);
    document.body.append(area);
    area.select();
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    area.remove();
  }
  showToast(t(ok ? 'find.copied' : 'find.copyFailed'));
}

function showToast(text) {
  const toast = $('toast');
  toast.textContent = text;
  toast.hidden = false;
  clearTimeout(showToast.timer);
  showToast.timer = setTimeout(() => {
    toast.hidden = true;
  }, 2500);
}

function setStatus(kind, text) {
  const results = $('results');
  results.dataset.state = kind;
  const status = $('status');
  status.textContent = text;
  status.hidden = text === '';
  status.dataset.kind = kind;
}

function errorText(error) {
  if (error instanceof ApiError) {
    return error.isNetworkError ? t('error.network') : error.detail || error.title || t('error.http', { status: error.status });
  }
  return String(error?.message ?? error);
}

function registerServiceWorker() {
  if ('serviceWorker' in navigator && window.isSecureContext) {
    navigator.serviceWorker.register('find-sw.js', { scope: './find' }).catch(() => {});
  }
}

function safeStorage() {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

start().catch((error) => {
  setStatus('error', t('find.error', { detail: errorText(error) }));
  document.body.dataset.ready = 'error';
});
