/**
 * Start-up and behaviour of the area review page (review.html): a choropleth of the 15-minute share per district,
 * drill-down district → subdistrict → cells by clicking or choosing in the panel, the review's figures, trend
 * sparkline, little-used stations and largest gaps in the side panel, and PDF / XLSX downloads. Server text is
 * inserted with textContent only.
 */
import * as L from 'leaflet';
import { createApiClient, ApiError } from './api/client.js';
import { createStore } from './state/store.js';
import { createTranslator, loadLang } from './i18n/index.js';
import { applyTranslations } from './i18n/dom.js';
import { createLangSwitch } from './controls/lang-switch.js';
import { createRegionSelect } from './controls/region-select.js';
import { createLoginBox } from './controls/login-box.js';
import { createProposalPanel } from './controls/proposal-panel.js';
import { createAuth } from './api/auth.js';
import { el, clear, testId } from './util/dom.js';
import { buildQuery } from './util/query.js';
import { minutesColor, UNREACHABLE_COLOR } from './util/colors.js';
import {
  SHARE_CLASSES, NO_DATA_COLOR, formatShare, headlineShare, reportUrl, shareColor, sparklinePath,
} from './util/review.js';

const storage = safeLocalStorage();
const store = createStore({ lang: loadLang(storage), region: null, group: 'rider' });
let t = createTranslator(store.get('lang'));
const api = createApiClient({ baseUrl: document.baseURI });
// accounts: the review is for logged-in staff; the client sends the session's CSRF token with the decisions
const auth = createAuth({ api });
const getContext = () => ({ t, lang: store.get('lang') });
let proposalPanel = null;

/** GET a JSON document of the review API; failures become ApiError like the rest of the page's calls. */
async function getJson(path, params) {
  let response;
  try {
    response = await fetch(new URL(`${path}${buildQuery(params)}`, document.baseURI), { headers: { Accept: 'application/json' } });
  } catch (error) {
    throw new ApiError(0, 'network', error?.message ?? String(error));
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    throw new ApiError(response.status, body?.title ?? response.statusText, body?.detail ?? '', body);
  }
  return body;
}

function errorText(error) {
  if (error instanceof ApiError) {
    return error.isNetworkError ? t('error.network') : error.detail || error.title || t('error.http', { status: error.status });
  }
  return String(error?.message ?? error);
}

const state = {
  districts: null, // GeoJSON of districts
  subdistricts: null, // GeoJSON of subdistricts
  headlines: new Map(), // code → headline figures (districts and subdistricts)
  level: 'district', // what the choropleth shows: 'district' or 'subdistrict'
  parent: null, // district whose subdistricts are shown
  selected: null, // code of the reviewed area
  review: null,
};

let map;
let areaLayer;
let cellLayer;
let gapLayer;

async function start() {
  applyTranslations(document, t);
  document.title = `${t('review.title')} · ${t('app.title')}`;
  createLangSwitch(document.querySelector('[data-testid="lang-switch"]'), { store, storage });
  const loginBox = createLoginBox(document.querySelector('[data-testid="auth-box"]'), { auth, getContext });
  const [config] = await Promise.all([api.getConfig(), auth.refresh().catch(() => null)]);
  const regions = Array.isArray(config.regions) ? config.regions : [];
  const params = new URLSearchParams(location.search);
  const requested = params.get('region');
  const region = regions.some((r) => r.code === requested) ? requested : config.defaultRegion ?? regions[0]?.code;
  store.set({ region });
  createRegionSelect(document.querySelector('[data-testid="region-select"]'),
    document.querySelector('.region-picker'), { regions, store });

  map = L.map('map', { attributionControl: false, zoomControl: true, minZoom: 3, maxZoom: 19 });
  map.setView([35, 105], 4);
  cellLayer = L.geoJSON(null, { interactive: false }).addTo(map);
  areaLayer = L.geoJSON(null, { style: areaStyle, onEachFeature: bindArea }).addTo(map);
  gapLayer = L.geoJSON(null, { interactive: false, style: () => ({ color: '#8e0f24', weight: 2, fill: false, dashArray: '4 3' }) }).addTo(map);
  proposalPanel = createProposalPanel(document.querySelector('[data-testid="proposals"]'), {
    api, map, getContext, errorText, onDecided: () => refreshAfterDecision(),
  });

  const groupSelect = document.querySelector('[data-testid="review-group-select"]');
  groupSelect.addEventListener('change', () => store.set({ group: groupSelect.value }));
  document.querySelector('[data-testid="review-area-select"]').addEventListener('change', (event) => {
    if (event.target.value) {
      selectArea(event.target.value);
    }
  });
  document.querySelector('[data-testid="review-up"]').addEventListener('click', goUp);

  store.on('lang', (lang) => {
    t = createTranslator(lang);
    applyTranslations(document, t);
    document.title = `${t('review.title')} · ${t('app.title')}`;
    fillAreaSelect();
    renderLegend();
    renderReview();
    loginBox.refreshLanguage?.();
    proposalPanel.refreshLanguage();
  });
  store.on('group', async () => {
    await loadHeadlines();
    if (state.selected) {
      await selectArea(state.selected, { fit: false });
    }
  });
  store.on('region', () => loadRegion(null));

  renderLegend();
  // after a login (or logout) on this page, load what the user may now see, starting at their own area
  auth.onChange(() => loadRegion(params.get('area') ?? ownArea()).catch(showFailure));
  await loadRegion(params.get('area') ?? ownArea());
}

/** The one district-level area the logged-in user answers for in the current region, or null. */
function ownArea() {
  const region = store.get('region');
  const mine = auth.current().areas.filter((a) => a.region === region && a.district);
  return mine.length === 1 ? mine[0].district : null;
}

/** Whether the logged-in user decides on proposals (leaders and admins). */
function decides() {
  const role = auth.current().role;
  return role === 'leader' || role === 'admin';
}

/**
 * The area whose proposals the panel lists for a chosen area: a subdistrict's district when the user answers for it
 * (proposals are usually submitted for districts), else the area itself.
 */
function proposalArea(code, sub) {
  if (!sub) {
    return code;
  }
  const parent = sub.properties.parentCode;
  const me = auth.current();
  const region = store.get('region');
  const coversParent = me.role === 'admin'
    || me.areas.some((a) => a.region === region && (a.district === null || a.district === parent));
  return coversParent && parent ? parent : code;
}

function loadProposals(area) {
  if (decides()) {
    proposalPanel.load(store.get('region'), area);
  } else {
    proposalPanel.hide();
  }
}

/** After an approval or return: the area's figures and choropleth again (the register changed). */
async function refreshAfterDecision() {
  await loadHeadlines();
  if (state.selected) {
    const sub = state.subdistricts?.features.find((f) => f.properties.code === state.selected) ?? null;
    await reloadReview(state.selected, { sub });
  }
}

function showFailure(error) {
  const body = document.getElementById('review-body');
  clear(body).appendChild(el('p', 'review-miss', t('review.failed', { detail: errorText(error) })));
}

async function loadRegion(area) {
  const region = store.get('region');
  Object.assign(state, { level: 'district', parent: null, selected: null, review: null, headlines: new Map() });
  cellLayer.clearLayers();
  gapLayer.clearLayers();
  renderReview();
  if (!auth.current().authenticated) {
    proposalPanel.hide();
    clear(document.getElementById('review-body')).appendChild(
      testId(el('p', 'review-miss', t('proposals.loginFirst')), 'review-login-first'));
    return;
  }
  [state.districts, state.subdistricts] = await Promise.all([
    api.getDistricts(region, 'district'),
    api.getDistricts(region, 'subdistrict'),
  ]);
  await loadHeadlines();
  fillAreaSelect();
  showLevel('district', null);
  if (area) {
    await selectArea(area);
  } else {
    loadProposals(null);
  }
}

async function loadHeadlines() {
  const region = store.get('region');
  const [districts, subdistricts] = await Promise.all([
    getJson('api/review/areas', { region, level: 'district' }),
    getJson('api/review/areas', { region, level: 'subdistrict' }),
  ]);
  state.headlines = new Map([...districts, ...subdistricts].map((h) => [h.code, h]));
  areaLayer.setStyle(areaStyle);
}

function areaStyle(feature) {
  const h = state.headlines.get(feature.properties.code);
  const selected = feature.properties.code === state.selected;
  return {
    color: selected ? '#202124' : '#5f6368',
    weight: selected ? 3 : 1,
    fillColor: shareColor(headlineShare(h, store.get('group'))),
    fillOpacity: state.level === 'subdistrict' && selected && cellLayer.getLayers().length > 0 ? 0.05 : 0.55,
  };
}

function bindArea(feature, layer) {
  layer.on('click', () => selectArea(feature.properties.code));
  layer.bindTooltip(() => {
    const h = state.headlines.get(feature.properties.code);
    return `${escapeText(feature.properties.name)} · ${formatShare(headlineShare(h, store.get('group')))}`;
  }, { sticky: true });
}

/** Shows the districts, or the subdistricts of one district, on the choropleth. */
function showLevel(level, parent) {
  state.level = level;
  state.parent = parent;
  const source = level === 'district' ? state.districts : state.subdistricts;
  const features = (source?.features ?? []).filter((f) => level === 'district' || f.properties.parentCode === parent);
  areaLayer.clearLayers();
  areaLayer.addData({ type: 'FeatureCollection', features });
  if (features.length > 0) {
    map.fitBounds(areaLayer.getBounds(), { padding: [20, 20] });
  }
  document.querySelector('[data-testid="review-up"]').hidden = level === 'district' && !state.selected;
}

async function selectArea(code, { fit = true } = {}) {
  const district = state.districts?.features.find((f) => f.properties.code === code);
  const sub = state.subdistricts?.features.find((f) => f.properties.code === code);
  state.selected = code;
  document.querySelector('[data-testid="review-area-select"]').value = code;
  if (district && fit) {
    showLevel('subdistrict', code);
  } else if (sub && fit && state.parent !== sub.properties.parentCode) {
    showLevel('subdistrict', sub.properties.parentCode);
  }
  loadProposals(proposalArea(code, sub));
  await reloadReview(code, { sub, fit });
}

/** Loads and shows the review of an area (and, for a subdistrict, its cells). */
async function reloadReview(code, { sub = null, fit = false } = {}) {
  const body = document.getElementById('review-body');
  clear(body).appendChild(el('p', 'review-sub', t('review.loading')));
  try {
    const region = store.get('region');
    const group = store.get('group');
    state.review = await getJson('api/review', { region, area: code, group });
    if (state.selected !== code) {
      return;
    }
    gapLayer.clearLayers();
    for (const gap of state.review.gaps) {
      gapLayer.addData(gap.area);
    }
    cellLayer.clearLayers();
    if (sub) {
      // drill-down to cells: the group's hexagons in the subdistrict's box, coloured by minutes
      const [minLon, minLat, maxLon, maxLat] = state.review.bbox;
      const cells = await getJson('api/coverage/cells', { region, group, bbox: [minLon, minLat, maxLon, maxLat].join(',') })
        .catch(() => ({ features: [] }));
      cellLayer.addData(cells);
      cellLayer.setStyle((f) => ({
        stroke: false,
        fillOpacity: 0.65,
        fillColor: f.properties.minutes === null ? UNREACHABLE_COLOR : minutesColor(f.properties.minutes),
      }));
      if (fit) {
        map.fitBounds([[minLat, minLon], [maxLat, maxLon]], { padding: [20, 20] });
      }
    }
    areaLayer.setStyle(areaStyle);
    renderReview();
  } catch (error) {
    clear(body).appendChild(el('p', 'review-miss', t('review.failed', { detail: errorText(error) })));
  }
}

function goUp() {
  const selected = state.selected;
  const sub = state.subdistricts?.features.find((f) => f.properties.code === selected);
  cellLayer.clearLayers();
  gapLayer.clearLayers();
  if (sub) {
    selectArea(sub.properties.parentCode, { fit: false });
    showLevel('subdistrict', sub.properties.parentCode);
  } else {
    state.selected = null;
    state.review = null;
    showLevel('district', null);
    document.querySelector('[data-testid="review-area-select"]').value = '';
    renderReview();
    loadProposals(null);
  }
}

function fillAreaSelect() {
  const select = document.querySelector('[data-testid="review-area-select"]');
  clear(select);
  const none = el('option', null, t('review.choosePrompt'));
  none.value = '';
  select.appendChild(none);
  for (const d of state.districts?.features ?? []) {
    const group = el('optgroup');
    group.label = d.properties.name;
    const option = el('option', null, d.properties.name);
    option.value = d.properties.code;
    group.appendChild(option);
    for (const s of state.subdistricts?.features ?? []) {
      if (s.properties.parentCode === d.properties.code) {
        const o = el('option', null, `— ${s.properties.name}`);
        o.value = s.properties.code;
        group.appendChild(o);
      }
    }
    select.appendChild(group);
  }
  select.value = state.selected ?? '';
}

function renderLegend() {
  const box = clear(document.querySelector('[data-testid="review-legend"]'));
  box.appendChild(el('div', null, t('review.legend')));
  let lower = 0;
  for (const c of SHARE_CLASSES) {
    const row = el('div', 'review-legend-row');
    const swatch = el('span', 'review-legend-swatch');
    swatch.style.background = c.color;
    row.append(swatch, el('span', null,
      c.below === Infinity ? `≥ ${formatShare(lower)}` : `${formatShare(lower)} – ${formatShare(c.below)}`));
    box.appendChild(row);
    lower = c.below;
  }
  const row = el('div', 'review-legend-row');
  const swatch = el('span', 'review-legend-swatch');
  swatch.style.background = NO_DATA_COLOR;
  row.append(swatch, el('span', null, t('review.noData')));
  box.appendChild(row);
}

function renderReview() {
  const body = clear(document.getElementById('review-body'));
  const r = state.review;
  if (!r) {
    body.appendChild(el('p', 'review-sub', t('review.hint')));
    return;
  }
  const group = r.groups.find((g) => g.group === r.focusGroup);
  const area = r.area;
  body.appendChild(testId(el('div', 'review-area-name', area.name), 'review-area-name'));
  body.appendChild(el('div', 'review-sub', `${r.regionName} · ${area.levelLabel} · ${area.code}`));

  const headline = el('div', 'review-headline');
  const share = group?.available ? group.figures.coveredShare['15'] : null;
  headline.appendChild(testId(el('span', 'review-covered15', formatShare(share)), 'review-covered15'));
  headline.appendChild(el('span', null, t('review.covered15', { group: t(`review.group.${r.focusGroup}`) })));
  body.appendChild(headline);
  if (!group?.available) {
    body.appendChild(el('p', 'review-miss', t('review.noFigures', { detail: group?.unavailableReason ?? '' })));
  } else if (area.targets.coverage15min !== null) {
    body.appendChild(el('div', group.meetsTarget ? 'review-ok' : 'review-miss',
      t(group.meetsTarget ? 'review.meets' : 'review.misses', { target: formatShare(area.targets.coverage15min) })));
  }
  const open = area.stations.open;
  body.appendChild(el('div', area.meetsStationTarget === false ? 'review-miss' : null,
    area.targets.minStations === null
      ? t('review.stationsNoTarget', { open })
      : t('review.stations', { open, target: area.targets.minStations })));

  body.appendChild(el('h3', null, t('review.groupsTitle')));
  const table = el('table', 'review-table');
  const head = el('tr');
  for (const key of ['review.col.group', 'review.col.5', 'review.col.10', 'review.col.15']) {
    head.appendChild(el('th', null, t(key)));
  }
  table.appendChild(head);
  for (const g of r.groups) {
    const row = el('tr');
    row.appendChild(el('td', null, t(`review.group.${g.group}`)));
    for (const m of ['5', '10', '15']) {
      row.appendChild(el('td', null, g.available ? formatShare(g.figures.coveredShare[m]) : '–'));
    }
    table.appendChild(row);
  }
  body.appendChild(table);

  body.appendChild(el('h3', null, t('review.trend')));
  const trend = group?.trend ?? [];
  if (trend.length === 0) {
    body.appendChild(el('p', 'review-sub', t('review.trendEmpty')));
  } else {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    svg.setAttribute('class', 'review-sparkline');
    svg.setAttribute('viewBox', '0 0 240 48');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.dataset.testid = 'review-sparkline';
    if (area.targets.coverage15min !== null) {
      const y = 48 - 3 - area.targets.coverage15min * 42;
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      line.setAttribute('x1', '0');
      line.setAttribute('x2', '240');
      line.setAttribute('y1', String(y));
      line.setAttribute('y2', String(y));
      svg.appendChild(line);
    }
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', sparklinePath(trend.map((p) => p.share15), 240, 48, 3));
    svg.appendChild(path);
    body.appendChild(svg);
    body.appendChild(el('div', 'review-sub',
      `${trend[0].date} ${formatShare(trend[0].share15)} → ${trend[trend.length - 1].date} ${formatShare(trend[trend.length - 1].share15)}`));
  }

  body.appendChild(el('h3', null, t('review.littleUsed')));
  if (!r.usage.recorded) {
    body.appendChild(el('p', 'review-sub', t('review.noUse')));
  } else {
    const little = r.usage.stations.filter((s) => s.littleUsed);
    if (little.length === 0) {
      body.appendChild(el('p', 'review-sub', t('review.noneLittleUsed')));
    } else {
      const list = testId(el('ul', 'review-list'), 'review-little-used');
      for (const s of little) {
        const item = el('li');
        const button = el('button', null, s.name);
        button.type = 'button';
        button.addEventListener('click', () => map.setView([s.lat, s.lon], 16));
        item.append(button, el('span', 'review-sub', ` ${t('review.visitsPerDay', { n: s.visitsPerDay })}`
          + (s.overlapShare === null ? '' : ` · ${t('review.overlap', { share: formatShare(s.overlapShare) })}`)));
        list.appendChild(item);
      }
      body.appendChild(list);
    }
  }

  body.appendChild(el('h3', null, t('review.gaps')));
  if (r.gaps.length === 0) {
    body.appendChild(el('p', 'review-sub', t('review.noGaps')));
  } else {
    const list = testId(el('ol', 'review-list'), 'review-gaps');
    for (const g of r.gaps) {
      const item = el('li');
      const button = el('button', null, t('review.gapItem', {
        demand: Math.round(g.demandInArea), cells: g.cellsInArea, minutes: g.minMinutes === null ? '–' : g.minMinutes.toFixed(1),
      }));
      button.type = 'button';
      button.addEventListener('click', () => map.setView([g.centre.coordinates[1], g.centre.coordinates[0]], 15));
      item.appendChild(button);
      if (g.proposedSites.length > 0) {
        item.appendChild(el('div', 'review-sub', t('review.proposed', {
          sites: g.proposedSites.map((s) => s.siteName ?? s.scenarioName).join('、'),
        })));
      }
      list.appendChild(item);
    }
    body.appendChild(list);
  }

  const downloads = el('div', 'review-downloads');
  for (const format of ['pdf', 'xlsx']) {
    const link = testId(el('a', 'button button-secondary', t(`review.download.${format}`)), `review-download-${format}`);
    link.href = reportUrl(format, { region: r.region, area: area.code, group: r.focusGroup });
    link.setAttribute('download', '');
    downloads.appendChild(link);
  }
  body.appendChild(downloads);
}

function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = String(text ?? '');
  return span.innerHTML;
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
  const body = document.getElementById('review-body');
  clear(body).appendChild(el('p', 'review-miss', t('review.failed', { detail: errorText(error) })));
});
