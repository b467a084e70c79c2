/**
 * The result list of the rider page: per station its rank, name, minutes, distance, open state, service icons,
 * address, a route button, a copy-address button and hand-off links to Amap, Baidu, Tencent and Apple Maps. DOM
 * code; server text goes in with textContent, links only from the server's https:// hand-off URLs.
 */
import { el, testId, clear } from '../util/dom.js';
import { formatMeters, formatMinutes } from '../util/format.js';
import { pickLabel } from '../i18n/index.js';
import { openStateText } from './params.js';
import { canShowEmoji, serviceIcon } from './icons.js';

const PROVIDERS = [
  ['amap', 'find.amap'],
  ['baidu', 'find.baidu'],
  ['tencent', 'find.tencent'],
  ['apple', 'find.apple'],
];

/**
 * @param {HTMLOListElement} list
 * @param {object[]} results the `results` of /api/nearest
 * @param {{t, lang, meta, selectedId, onRoute: (id) => void, onCopy: (address: string) => void}} ctx
 */
export function renderResults(list, results, { t, lang, meta, selectedId, onRoute, onCopy }) {
  clear(list);
  const labels = new Map((meta?.services ?? []).map((s) => [s.code, s]));
  const emoji = canShowEmoji();
  for (const r of results) {
    const item = testId(el('li', 'result'), 'result');
    item.dataset.id = String(r.id);
    item.dataset.rank = String(r.rank);
    item.dataset.services = (r.services ?? []).join(',');
    item.dataset.selected = String(r.id === selectedId);

    const head = el('div', 'result-head');
    head.append(el('span', 'rank', String(r.rank)), testId(el('h3', 'result-name', r.name), 'result-name'));
    item.append(head);

    const facts = el('div', 'result-facts');
    const minutes = testId(el('strong', 'minutes', formatMinutes(r.minutes, t)), 'minutes');
    minutes.dataset.seconds = String(r.travelTimeSeconds);
    facts.append(minutes, el('span', 'sep', '·'), testId(el('span', 'distance', formatMeters(r.meters, t)), 'distance'));
    const state = testId(el('span', `badge badge-${r.openState}`, openStateText(r, t)), 'open-state');
    state.dataset.state = r.openState;
    facts.append(state);
    item.append(facts);
    if (r.openOnArrival === false) {
      item.append(el('p', 'warning', t('find.closedOnArrival')));
    }

    const icons = testId(el('p', 'svc-icons'), 'service-icons');
    for (const code of r.services ?? []) {
      const label = pickLabel(labels.get(code), lang, code);
      const icon = emoji ? el('span', 'svc', serviceIcon(code)) : el('span', 'svc svc-text', label);
      icon.title = label;
      if (emoji) {
        icon.setAttribute('role', 'img');
        icon.setAttribute('aria-label', label);
      }
      icon.dataset.service = code;
      icons.append(icon);
    }
    item.append(icons);
    if (r.address) {
      item.append(testId(el('p', 'address', r.address), 'address'));
    }

    const actions = el('div', 'actions');
    const route = testId(el('button', 'button', t(r.id === selectedId ? 'find.routeShown' : 'find.route')), 'show-route');
    route.type = 'button';
    route.addEventListener('click', () => onRoute(r.id));
    actions.append(route);
    if (r.address) {
      const copy = testId(el('button', 'button', t('find.copy')), 'copy-address');
      copy.type = 'button';
      copy.addEventListener('click', () => onCopy(r.address));
      actions.append(copy);
    }
    item.append(actions);

    const nav = testId(el('nav', 'handoff'), 'handoff');
    nav.setAttribute('aria-label', t('find.navigate'));
    for (const [key, labelKey] of PROVIDERS) {
      const href = r.handoff?.[key];
      if (typeof href === 'string' && href.startsWith('https://')) {
        const a = el('a', 'handoff-link', t(labelKey));
        a.href = href;
        a.rel = 'noopener noreferrer';
        a.dataset.provider = key;
        nav.append(a);
      }
    }
    item.append(nav);
    list.append(item);
  }
}
