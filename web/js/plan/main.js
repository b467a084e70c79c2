/**
 * Start-up and behaviour of the planner page (plan.html): the new-scenario form, a long solve followed as a job
 * with progress and cancel, the result (figures, solve statement, curve, ranked proposals), what-if edits on the map
 * (drag = move, right-click / double-click = add, × = remove; figures from the server's answer), saved scenarios,
 * the comparison of two, exports, and submitting for approval. For logged-in staff; editing for planners and admins.
 */
import { createApiClient, ApiError } from '../api/client.js';
import { createAuth, canImport } from '../api/auth.js';
import { createStore } from '../state/store.js';
import { createTranslator, loadLang } from '../i18n/index.js';
import { applyTranslations } from '../i18n/dom.js';
import { createLangSwitch } from '../controls/lang-switch.js';
import { createRegionSelect } from '../controls/region-select.js';
import { createLoginBox } from '../controls/login-box.js';
import { el, clear } from '../util/dom.js';
import { SHARE_CLASSES, formatShare, formatDemand } from '../util/coverage.js';
import { createScenarioForm } from './form.js';
import { createPlanMap, COMPARE_COLORS, SHARE_FILL_OPACITY } from './map.js';
import { CELL_COLORS, CELL_FILL_OPACITY, cellTally } from './cells.js';
import { renderResult, renderComparison } from './panels.js';
import {
  FormError, buildScenarioRequest, isDeletable, isEditable, isJobFinished, jobPercent, roundCoordinate,
} from './scenario.js';
import { followJob, hasSolverFigures, scenarioIdOf, solverText } from './job.js';

const storage = safeLocalStorage();
const store = createStore({ lang: loadLang(storage), region: null, meta: null });
let t = createTranslator(store.get('lang'));
const api = createApiClient({ baseUrl: document.baseURI });
const auth = createAuth({ api });
const getContext = () => ({
  t, lang: store.get('lang'), meta: store.get('meta'), region: store.get('region'), baseUri: document.baseURI,
});

const $ = (id) => document.querySelector(`[data-testid="${id}"]`);

const state = {
  scenario: null,
  list: [],
  job: null, // the job being followed
  jobToken: 0, // bumps when a newer solve or region makes the followed job irrelevant
  busy: false, // an edit is on its way
  comparison: null,
  cellsToken: 0, // bumps with each cell request; older answers are dropped
};

let planMap;
let form;

function errorText(error) {
  if (error instanceof FormError) {
    return t('plan.formError', { field: t(`plan.field.${error.field}`), detail: error.message });
  }
  if (error instanceof ApiError) {
    return error.isNetworkError ? t('error.network') : error.detail || error.title || t('error.http', { status: error.status });
  }
  return String(error?.message ?? error);
}

function showError(error) {
  const box = $('plan-error');
  box.hidden = error === null;
  box.textContent = error === null ? '' : errorText(error);
}

const regionParams = (extra = {}) => ({ region: store.get('region'), ...extra });
const getScenario = (id) => api.sendJson('GET', `api/scenarios/${encodeURIComponent(id)}`, undefined, regionParams());

async function start() {
  applyTranslations(document, t);
  document.title = `${t('plan.title')} · ${t('app.title')}`;
  createLangSwitch($('lang-switch'), { store, storage });
  const loginBox = createLoginBox($('auth-box'), { auth, getContext });

  const [config, meta] = await Promise.all([api.getConfig(), api.getMeta(), auth.refresh().catch(() => null)]);
  const regions = Array.isArray(config.regions) ? config.regions : [];
  const params = new URLSearchParams(location.search);
  const requested = params.get('region');
  store.set({ meta, region: regions.some((r) => r.code === requested) ? requested : config.defaultRegion ?? regions[0]?.code });
  createRegionSelect($('region-select'), document.querySelector('.region-picker'), { regions, store });

  planMap = createPlanMap({ getContext, onMove: moveSite, onAdd: addSite, onSelect: (id) => planMap.focusSite(id) });
  form = createScenarioForm($('plan-form'), { onSubmit: submitScenario });
  applyTranslations(document, t);
  for (const button of document.querySelectorAll('.plan-toggle button')) {
    button.addEventListener('click', () => setMode(button.dataset.mode));
  }
  $('plan-cancel').addEventListener('click', cancelJob);
  $('plan-scenario-select').addEventListener('change', (event) => {
    if (event.target.value) {
      openScenario(Number(event.target.value));
    }
  });
  $('plan-compare').addEventListener('click', compare);

  store.on('lang', (lang) => {
    t = createTranslator(lang);
    applyTranslations(document, t);
    document.title = `${t('plan.title')} · ${t('app.title')}`;
    loginBox.refreshLanguage();
    fillScenarioSelects();
    renderLegend();
    renderAll();
  });
  store.on('region', () => loadRegion(null));
  auth.onChange(() => loadRegion(state.scenario?.id ?? null));

  setMode('after');
  await loadRegion(params.get('scenario'));
}

function allowed() {
  const me = auth.current();
  return me.authenticated;
}

async function loadRegion(openId) {
  state.jobToken++;
  state.scenario = null;
  state.comparison = null;
  const signedIn = allowed();
  $('plan-login-needed').hidden = signedIn;
  for (const section of document.querySelectorAll('.plan-panel > .panel-section')) {
    section.hidden = !signedIn || section.classList.contains('plan-result') || section.classList.contains('plan-comparison');
  }
  $('plan-job').hidden = true;
  form.setBusy(!canImport(auth.current()));
  const region = store.get('region');
  const [districts, stations] = await Promise.all([
    api.getDistricts(region, 'district').catch(() => ({ type: 'FeatureCollection', features: [] })),
    api.getStations({ region }).catch(() => ({ type: 'FeatureCollection', features: [] })),
  ]);
  planMap.setDistricts(districts);
  planMap.setStations(stations);
  planMap.showScenario(null, { isEditable: false });
  renderLegend();
  if (!signedIn) {
    return;
  }
  await refreshList();
  if (openId) {
    await openScenario(Number(openId));
  }
}

async function refreshList() {
  try {
    state.list = await api.sendJson('GET', 'api/scenarios', undefined, regionParams());
  } catch (error) {
    state.list = [];
    showError(error);
  }
  fillScenarioSelects();
}

function fillScenarioSelects() {
  const { lang } = getContext();
  for (const id of ['plan-scenario-select', 'plan-compare-a', 'plan-compare-b']) {
    const select = $(id);
    const previous = select.value;
    clear(select);
    const none = el('option', null, t('plan.choose'));
    none.value = '';
    select.appendChild(none);
    for (const s of state.list) {
      const option = el('option', null,
        `${s.name} · ${formatShare(s.coveredFractionAfter, lang)} · ${t(`plan.status.${s.status}`)}`);
      option.value = String(s.id);
      select.appendChild(option);
    }
    select.value = state.list.some((s) => String(s.id) === previous) ? previous : '';
  }
  if (state.scenario) {
    $('plan-scenario-select').value = String(state.scenario.id);
  }
}

// ---- solving ------------------------------------------------------------------------------------------------

async function submitScenario(values) {
  let body;
  try {
    body = buildScenarioRequest(values);
  } catch (error) {
    showError(error);
    if (error instanceof FormError) {
      form.focus(error.field);
    }
    return;
  }
  showError(null);
  form.setBusy(true);
  const token = ++state.jobToken;
  try {
    const answer = await api.sendJson('POST', 'api/scenarios', body, regionParams());
    if (answer && answer.figures) {
      // 201: solved at once
      await showScenario(answer, { fit: true });
      await refreshList();
      return;
    }
    await followSolve(answer, token);
  } catch (error) {
    showError(error);
  } finally {
    form.setBusy(!canImport(auth.current()));
  }
}

async function followSolve(job, token) {
  state.job = job;
  const box = $('plan-job');
  box.hidden = false;
  box.dataset.status = job.status;
  box.dataset.jobId = String(job.id);
  $('plan-cancel').disabled = false;
  const final = await followJob(job, {
    getJob: (id) => api.sendJson('GET', `api/jobs/${encodeURIComponent(id)}`, undefined, regionParams()),
    onUpdate: (j) => {
      state.job = j;
      box.dataset.status = j.status;
      $('plan-progress').value = jobPercent(j);
      // the search's figures, formatted here, replace the server's sentence
      $('plan-job-text').textContent = t('plan.job.state', {
        status: t(`plan.job.${j.status}`), percent: jobPercent(j), message: hasSolverFigures(j) ? '' : j.message ?? '',
      });
      const solver = $('plan-job-solver');
      solver.textContent = isJobFinished(j.status) ? '' : solverText(j, t, store.get('lang'));
      solver.hidden = solver.textContent === '';
      solver.dataset.incumbent = Number.isFinite(j.incumbent) ? String(j.incumbent) : '';
      solver.dataset.bound = Number.isFinite(j.bound) ? String(j.bound) : '';
    },
    isStopped: () => token !== state.jobToken,
  });
  if (token !== state.jobToken) {
    return;
  }
  $('plan-cancel').disabled = true;
  if (final.status === 'done') {
    const id = scenarioIdOf(final);
    box.hidden = true;
    if (id !== null) {
      await showScenario(await getScenario(id), { fit: true });
      await refreshList();
    }
  } else if (final.status === 'cancelled') {
    $('plan-job-text').textContent = t('plan.job.wasCancelled');
  } else {
    $('plan-job-text').textContent = t('plan.job.wasFailed', { message: final.message ?? '' });
  }
}

async function cancelJob() {
  const job = state.job;
  if (!job) {
    return;
  }
  $('plan-cancel').disabled = true;
  try {
    await api.sendJson('POST', `api/jobs/${encodeURIComponent(job.id)}/cancel`, undefined, regionParams());
  } catch (error) {
    showError(error);
    $('plan-cancel').disabled = false;
  }
}

// ---- one scenario ---------------------------------------------------------------------------------------------

async function openScenario(id) {
  try {
    showError(null);
    await showScenario(await getScenario(id), { fit: true });
  } catch (error) {
    showError(error);
  }
}

function editable() {
  return Boolean(state.scenario) && isEditable(state.scenario.status) && canImport(auth.current());
}

async function showScenario(scenario, { fit = false } = {}) {
  state.scenario = scenario;
  $('plan-deleted').hidden = true;
  state.comparison = null;
  $('plan-comparison').hidden = true;
  $('plan-scenario-select').value = String(scenario.id);
  $('plan-new').open = false; // the form folds away so that the result is in view
  renderAll();
  if (fit) {
    planMap.fitSites();
  }
  loadCells();
}

/** Fetches the current scenario's cells (the stored state after any edit) and shows them; the newest request wins. */
async function loadCells() {
  const s = state.scenario;
  const token = ++state.cellsToken;
  if (!s) {
    planMap.setCells(null);
    renderLegend();
    return;
  }
  try {
    const cells = await api.sendJson('GET', `api/scenarios/${encodeURIComponent(s.id)}/cells`, undefined, regionParams());
    if (token === state.cellsToken && state.scenario?.id === cells.scenarioId) {
      planMap.setCells(cells);
      renderLegend();
    }
  } catch (error) {
    if (token === state.cellsToken) {
      showError(error);
    }
  }
}

function renderAll() {
  const s = state.scenario;
  if (!planMap) {
    return;
  }
  if (s) {
    renderResult($('plan-result'), s, getContext(), {
      editable: editable(),
      // the approval workflow: offered while the scenario may still change
      canSubmit: editable(),
      canDelete: isDeletable(s) && canImport(auth.current()),
      busy: state.busy,
      onFocus: (id) => planMap.focusSite(id),
      onRemove: removeSite,
      onSubmit: submitForApproval,
      onDelete: deleteScenario,
    });
    if (!state.comparison) {
      planMap.showScenario(s, { isEditable: editable() });
    }
  }
  if (state.comparison) {
    renderComparison($('plan-comparison'), state.comparison.body, getContext(), { onClose: endComparison });
  }
  renderHint();
}

/** One what-if edit at a time; the figures come from the server's answer. */
async function edit(request) {
  if (state.busy || !state.scenario) {
    return;
  }
  state.busy = true;
  document.body.classList.add('plan-busy');
  showError(null);
  try {
    const answer = await request(state.scenario.id);
    state.scenario = answer;
  } catch (error) {
    showError(error);
  } finally {
    state.busy = false;
    document.body.classList.remove('plan-busy');
    renderAll();
    loadCells();
    refreshList();
  }
}

function moveSite(siteId, latlng) {
  return edit((id) => api.sendJson('PUT', `api/scenarios/${id}/sites/${siteId}`,
    { lat: roundCoordinate(latlng.lat), lon: roundCoordinate(latlng.lng) }, regionParams()));
}

function addSite(latlng) {
  return edit((id) => api.sendJson('POST', `api/scenarios/${id}/sites`,
    { lat: roundCoordinate(latlng.lat), lon: roundCoordinate(latlng.lng) }, regionParams()));
}

function removeSite(siteId) {
  return edit((id) => api.sendJson('DELETE', `api/scenarios/${id}/sites/${siteId}`, undefined, regionParams()));
}

async function submitForApproval(comment) {
  const body = comment ? { comment } : {};
  await edit((id) => api.sendJson('POST', `api/scenarios/${id}/submit`, body, regionParams()));
}

/**
 * Deletes the open scenario after the planner confirms (a draft never submitted; the server refuses anything else
 * with 409, shown as an error): the result closes, the map clears and the saved list is read again.
 */
async function deleteScenario() {
  const s = state.scenario;
  if (state.busy || !s || !window.confirm(t('plan.delete.confirm', { name: s.name }))) {
    return;
  }
  state.busy = true;
  document.body.classList.add('plan-busy');
  showError(null);
  try {
    await api.sendJson('DELETE', `api/scenarios/${encodeURIComponent(s.id)}`, undefined, regionParams());
    if (state.scenario?.id === s.id) {
      state.scenario = null;
      state.cellsToken++;
      if (state.comparison) {
        endComparison();
      }
      clear($('plan-result')).hidden = true;
      planMap.showScenario(null, { isEditable: false });
      planMap.setCells(null);
      renderHint();
      renderLegend();
    }
    $('plan-deleted').textContent = t('plan.delete.done', { name: s.name });
    $('plan-deleted').hidden = false;
  } catch (error) {
    showError(error);
  } finally {
    state.busy = false;
    document.body.classList.remove('plan-busy');
    if (state.scenario) {
      renderAll();
    }
    await refreshList();
  }
}

// ---- map mode, comparison, legend ------------------------------------------------------------------------------

function setMode(mode) {
  planMap.setMode(mode);
  for (const button of document.querySelectorAll('.plan-toggle button')) {
    button.classList.toggle('is-active', button.dataset.mode === planMap.mode());
    button.setAttribute('aria-pressed', String(button.dataset.mode === planMap.mode()));
  }
  renderHint();
  renderLegend();
}

function renderHint() {
  const hint = $('plan-map-hint');
  let key = null;
  if (state.comparison) {
    key = 'plan.map.hintCompare';
  } else if (state.scenario && editable()) {
    key = planMap.mode() === 'after' ? 'plan.map.hintEdit' : 'plan.map.hintBefore';
  } else if (state.scenario) {
    key = 'plan.readOnly';
  }
  hint.hidden = key === null;
  hint.textContent = key === null ? '' : t(key);
}

async function compare() {
  const a = $('plan-compare-a').value;
  const b = $('plan-compare-b').value;
  if (!a || !b) {
    showError(new Error(t('plan.compareChoose')));
    return;
  }
  showError(null);
  try {
    const [body, scenarioA, scenarioB] = await Promise.all([
      api.sendJson('GET', 'api/scenarios/compare', undefined, regionParams({ a, b })),
      getScenario(a),
      getScenario(b),
    ]);
    state.comparison = { body, scenarioA, scenarioB };
    planMap.showComparison(scenarioA, scenarioB);
    renderAll();
    renderLegend();
    $('plan-comparison').scrollIntoView({ block: 'nearest' });
  } catch (error) {
    showError(error);
  }
}

function endComparison() {
  state.comparison = null;
  $('plan-comparison').hidden = true;
  planMap.endComparison();
  renderAll();
  renderLegend();
}

function renderLegend() {
  const box = clear($('plan-legend'));
  box.appendChild(el('div', 'plan-legend-title',
    t('plan.legend.share', { when: t(planMap?.mode() === 'before' ? 'plan.map.before' : 'plan.map.after') })));
  SHARE_CLASSES.forEach((c, i) => {
    const next = SHARE_CLASSES[i + 1];
    const row = el('div', 'plan-legend-row');
    const swatch = el('span', 'plan-legend-swatch');
    swatch.style.background = c.color;
    swatch.style.opacity = String(SHARE_FILL_OPACITY);
    row.append(swatch, el('span', null, next ? `${formatShare(c.minShare, store.get('lang'), 0)} – ${formatShare(next.minShare, store.get('lang'), 0)}`
      : `≥ ${formatShare(c.minShare, store.get('lang'), 0)}`));
    box.appendChild(row);
  });
  const symbol = (className, key, color) => {
    const row = el('div', 'plan-legend-row');
    const mark = el('span', className);
    if (color) {
      mark.style.borderColor = color;
      mark.style.background = className.includes('dot') ? color : 'transparent';
    }
    row.append(mark, el('span', null, t(key)));
    box.appendChild(row);
  };
  renderCellLegend(box);
  symbol('plan-legend-station', 'plan.legend.station');
  symbol('plan-legend-site', 'plan.legend.site');
  if (state.comparison) {
    // the two scenarios' marks only while a comparison is on the map
    symbol('plan-legend-ring', 'plan.legend.a', COMPARE_COLORS.a);
    symbol('plan-legend-dot', 'plan.legend.b', COMPARE_COLORS.b);
  }
}

/**
 * The cell rows of the legend: before, the cells outside every circle; after, those newly covered and those still
 * outside; each with the number of cells and their demand (also in data-cells / data-weight).
 */
function renderCellLegend(box) {
  const cells = planMap?.cells();
  box.dataset.cellsScenario = cells ? String(cells.scenarioId) : '';
  box.dataset.cellsEditCount = cells ? String(cells.editCount) : '';
  if (!cells || state.comparison) {
    return;
  }
  const lang = store.get('lang');
  const mode = planMap.mode();
  const tally = cellTally(cells, mode);
  const rows = mode === 'before' ? [['gap', 'plan.cells.gapBefore']] : [['new', 'plan.cells.new'], ['gap', 'plan.cells.gapAfter']];
  for (const [key, label] of rows) {
    const row = el('div', 'plan-legend-row');
    row.dataset.testid = `plan-legend-${key}`;
    row.dataset.cells = String(tally[key].cells);
    row.dataset.weight = String(tally[key].weight);
    const swatch = el('span', 'plan-legend-swatch');
    swatch.style.background = CELL_COLORS[key];
    swatch.style.opacity = String(CELL_FILL_OPACITY);
    row.append(swatch, el('span', null, t(label, { cells: tally[key].cells, weight: formatDemand(tally[key].weight, lang) })));
    box.appendChild(row);
  }
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
  showError(error);
});
