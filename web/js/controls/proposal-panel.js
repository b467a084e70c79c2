/**
 * The leaders' proposals on the review page (待审批方案): the submitted proposals of the chosen area (or of all the
 * leader's areas), one opened with its sites on the map, the before/after figures of its area and its history, and
 * the decision — approve (批准) with an optional comment, or send back (退回) with a required one. Server text goes in
 * with textContent. Test ids: `proposals`, `proposal-list`, `proposal-item` (with `data-id`), `proposal-detail`,
 * `proposal-status`, `proposal-before`, `proposal-after`, `proposal-sites`, `proposal-history`, `proposal-comment`,
 * `proposal-approve`, `proposal-return`, `proposal-error`, `proposal-message`.
 */
import * as L from 'leaflet';
import { el, clear, testId } from '../util/dom.js';
import { formatShare } from '../util/review.js';
import {
  MAX_COMMENT_LENGTH, areaFigures, commentLength, commentProblem, siteLatLngs, stepKey,
} from '../util/proposals.js';

/**
 * @param {HTMLElement} container an empty section of the side panel
 * @param {{api: object, map: L.Map, getContext: () => {t: Function, lang: string},
 *   errorText: (error) => string, onDecided: (proposal) => void}} options `api` from api/client.js
 * @returns {{load: (region: string, area: string|null) => Promise<void>, hide: () => void, refreshLanguage: () => void}}
 */
export function createProposalPanel(container, { api, map, getContext, errorText, onDecided }) {
  const sitesLayer = L.layerGroup().addTo(map);
  const state = {
    region: null,
    area: null,
    list: null, // summaries, or null while loading
    listError: null,
    opened: null, // the opened scenario (GET /api/scenarios/{id})
    comment: '',
    busy: false,
    error: null, // text of a failed decision
    message: null, // text after a decision
  };

  async function load(region, area) {
    Object.assign(state, { region, area, list: null, listError: null });
    container.hidden = false;
    render();
    try {
      const answer = await api.sendJson('GET', 'api/proposals', undefined, { region, area: area ?? undefined });
      if (state.region !== region || state.area !== area) {
        return;
      }
      state.list = Array.isArray(answer?.proposals) ? answer.proposals : [];
    } catch (error) {
      state.list = [];
      state.listError = errorText(error);
    }
    render();
  }

  function hide() {
    container.hidden = true;
    sitesLayer.clearLayers();
    state.opened = null;
  }

  async function open(id) {
    Object.assign(state, { error: null, message: null, comment: '' });
    try {
      state.opened = await api.sendJson('GET', `api/scenarios/${encodeURIComponent(id)}`, undefined, { region: state.region });
    } catch (error) {
      state.opened = null;
      state.error = errorText(error);
    }
    drawSites();
    render();
  }

  function drawSites() {
    sitesLayer.clearLayers();
    const points = siteLatLngs(state.opened);
    const features = state.opened?.sites?.features ?? [];
    points.forEach((latLng, i) => {
      const name = features[i]?.properties?.name ?? '';
      L.circleMarker(latLng, { radius: 8, color: '#ffffff', weight: 2, fillColor: '#f08a24', fillOpacity: 0.95 })
        .bindTooltip(() => escapeText(name))
        .addTo(sitesLayer);
    });
    if (points.length > 0) {
      map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 15 });
    }
  }

  async function decide(action) {
    const { t } = getContext();
    const problem = commentProblem(state.comment, action === 'return');
    if (problem) {
      state.error = t(problem, { max: MAX_COMMENT_LENGTH });
      render();
      return;
    }
    const id = state.opened.id;
    Object.assign(state, { busy: true, error: null, message: null });
    render();
    try {
      const comment = state.comment.trim();
      const answer = await api.sendJson('POST', `api/proposals/${encodeURIComponent(id)}/${action}`,
        comment === '' ? {} : { comment }, { region: state.region });
      state.opened = answer;
      state.comment = '';
      const last = (answer.decisions ?? [])[answer.decisions.length - 1];
      state.message = action === 'approve'
        ? t('proposals.approvedMessage', { n: last?.stationIds?.length ?? 0 })
        : t('proposals.returnedMessage');
      await load(state.region, state.area);
      onDecided?.(answer);
    } catch (error) {
      state.error = t('proposals.decideFailed', { detail: errorText(error) });
    } finally {
      state.busy = false;
      render();
    }
  }

  function render() {
    const { t, lang } = getContext();
    clear(container);
    container.appendChild(el('h3', null, t('proposals.title')));
    if (state.list === null) {
      container.appendChild(el('p', 'review-sub', t('proposals.loading')));
    } else if (state.listError) {
      container.appendChild(el('p', 'review-miss', t('proposals.failed', { detail: state.listError })));
    } else if (state.list.length === 0) {
      container.appendChild(testId(el('p', 'review-sub', t('proposals.none')), 'proposal-none'));
    } else {
      const list = testId(el('ul', 'review-list proposal-list'), 'proposal-list');
      for (const p of state.list) {
        const item = el('li');
        const button = testId(el('button', null, p.name), 'proposal-item');
        button.type = 'button';
        button.dataset.id = String(p.id);
        button.addEventListener('click', () => open(p.id));
        item.append(button, el('div', 'review-sub', t('proposals.item', {
          area: p.areaName ?? p.area ?? '–', user: p.submittedBy ?? '–', sites: p.newSites, at: when(p.submittedAt, lang),
        })));
        list.appendChild(item);
      }
      container.appendChild(list);
    }
    if (state.opened) {
      container.appendChild(detail(t, lang));
    } else if (state.error) {
      container.appendChild(testId(el('p', 'review-miss', state.error), 'proposal-error'));
    }
  }

  function detail(t, lang) {
    const s = state.opened;
    const box = testId(el('div', 'proposal-detail'), 'proposal-detail');
    box.dataset.id = String(s.id);
    box.appendChild(el('h4', null, s.name));
    const status = testId(el('span', `proposal-status proposal-status-${s.status}`, t(`proposals.status.${s.status}`)),
      'proposal-status');
    status.dataset.status = s.status;
    const line = el('div', 'review-sub', `${t('proposals.area', { area: s.areaName ?? s.area ?? '–' })} · `);
    line.appendChild(status);
    box.appendChild(line);

    const f = areaFigures(s, s.area);
    if (f) {
      const figures = el('div', 'proposal-figures');
      figures.appendChild(el('span', null, `${t('proposals.coverage', { minutes: s.minutes })} `));
      figures.appendChild(testId(el('strong', null, formatShare(f.before)), 'proposal-before'));
      figures.appendChild(el('span', null, ' → '));
      figures.appendChild(testId(el('strong', null, formatShare(f.after)), 'proposal-after'));
      box.appendChild(figures);
    }

    const sites = s.sites?.features ?? [];
    box.appendChild(el('div', 'proposal-subtitle', t('proposals.sites', { n: sites.length })));
    const siteList = testId(el('ol', 'review-list'), 'proposal-sites');
    siteList.dataset.count = String(sites.length);
    for (const site of sites) {
      const item = el('li', null, site.properties?.name ?? '');
      const c = site.geometry?.coordinates;
      if (Array.isArray(c)) {
        item.addEventListener('click', () => map.setView([c[1], c[0]], 16));
      }
      siteList.appendChild(item);
    }
    box.appendChild(siteList);

    box.appendChild(el('div', 'proposal-subtitle', t('proposals.history')));
    const history = testId(el('ol', 'review-list proposal-history'), 'proposal-history');
    for (const d of s.decisions ?? []) {
      const item = el('li');
      item.dataset.step = d.step;
      item.appendChild(el('strong', null, t(stepKey(d.step))));
      item.appendChild(el('span', 'review-sub', ` ${t('proposals.by', { actor: d.actor, at: when(d.at, lang) })}`));
      if (d.comment) {
        item.appendChild(el('div', 'proposal-comment-text', d.comment));
      }
      history.appendChild(item);
    }
    box.appendChild(history);

    if (s.status === 'submitted') {
      const label = el('label', 'review-field');
      label.appendChild(el('span', null, t('proposals.comment')));
      const area = testId(el('textarea', 'proposal-comment'), 'proposal-comment');
      area.rows = 3;
      area.placeholder = t('proposals.commentPlaceholder', { max: MAX_COMMENT_LENGTH });
      area.value = state.comment;
      const counter = el('span', 'review-sub', t('proposals.count', { n: commentLength(state.comment), max: MAX_COMMENT_LENGTH }));
      area.addEventListener('input', () => {
        state.comment = area.value;
        counter.textContent = t('proposals.count', { n: commentLength(state.comment), max: MAX_COMMENT_LENGTH });
        counter.className = commentLength(state.comment) > MAX_COMMENT_LENGTH ? 'review-miss' : 'review-sub';
      });
      label.append(area, counter);
      box.appendChild(label);
      const buttons = el('div', 'review-downloads');
      const approve = testId(el('button', 'button button-primary', t('proposals.approve')), 'proposal-approve');
      approve.type = 'button';
      approve.disabled = state.busy;
      approve.addEventListener('click', () => decide('approve'));
      const back = testId(el('button', 'button button-secondary', t('proposals.return')), 'proposal-return');
      back.type = 'button';
      back.disabled = state.busy;
      back.addEventListener('click', () => decide('return'));
      buttons.append(approve, back);
      box.appendChild(buttons);
    }
    if (state.error) {
      const error = testId(el('p', 'review-miss', state.error), 'proposal-error');
      error.setAttribute('role', 'alert');
      box.appendChild(error);
    }
    if (state.message) {
      box.appendChild(testId(el('p', 'review-ok', state.message), 'proposal-message'));
    }
    return box;
  }

  return { load, hide, refreshLanguage: render };
}

function when(at, lang) {
  if (!at) {
    return '–';
  }
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at) : d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { hour12: false });
}

function escapeText(text) {
  const span = document.createElement('span');
  span.textContent = String(text ?? '');
  return span.innerHTML;
}
