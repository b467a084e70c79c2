/**
 * The filter section of the side panel: station kinds (checkboxes with the kind colour), required services, and
 * "open now". Reads and writes `filters` in the store (see state/filters.js); labels come from /api/meta.
 * Test ids: `filter-kind-<code>`, `filter-service-<code>`, `filter-open-now`, `filter-kinds-all`, `filter-kinds-none`.
 */
import { el, testId, clear } from '../util/dom.js';
import { kindColor } from '../util/colors.js';
import { pickLabel } from '../i18n/index.js';
import { toggleCode, withKinds, withOpenNow } from '../state/filters.js';

/**
 * @param {HTMLElement} container an empty element in the side panel
 * @param {{store: object, getContext: () => {t: Function, lang: string, meta: object}}} options
 */
export function createFilterPanel(container, { store, getContext }) {
  const inputs = { kinds: new Map(), services: new Map(), openNow: null };

  function setFilters(next) {
    store.set({ filters: next });
  }

  function render() {
    const { t, lang, meta } = getContext();
    const kinds = meta?.kinds ?? [];
    const services = meta?.services ?? [];
    const allKindCodes = kinds.map((k) => k.code);
    const allServiceCodes = services.map((s) => s.code);
    clear(container);
    inputs.kinds.clear();
    inputs.services.clear();

    const kindsGroup = el('fieldset', 'filter-group');
    const kindsLegend = el('legend', 'filter-legend');
    kindsLegend.appendChild(el('span', null, t('filters.kinds')));
    const bulk = el('span', 'filter-bulk');
    const all = testId(el('button', 'link-button', t('filters.selectAll')), 'filter-kinds-all');
    all.type = 'button';
    all.addEventListener('click', () => setFilters(withKinds(store.get('filters'), allKindCodes)));
    const none = testId(el('button', 'link-button', t('filters.selectNone')), 'filter-kinds-none');
    none.type = 'button';
    none.addEventListener('click', () => setFilters(withKinds(store.get('filters'), [])));
    bulk.append(all, el('span', 'filter-bulk-sep', '·'), none);
    kindsLegend.appendChild(bulk);
    kindsGroup.appendChild(kindsLegend);
    for (const kind of kinds) {
      const { label, input } = checkbox(`filter-kind-${kind.code}`, 'filter-option');
      const dot = el('span', 'legend-dot');
      dot.style.setProperty('--kind-color', kindColor(kind.code, kinds));
      label.append(dot, el('span', 'filter-text', pickLabel(kind, lang, kind.code)));
      input.addEventListener('change', () =>
        setFilters(toggleCode(store.get('filters'), 'kinds', kind.code, input.checked, allKindCodes)));
      inputs.kinds.set(kind.code, input);
      kindsGroup.appendChild(label);
    }
    container.appendChild(kindsGroup);

    if (services.length > 0) {
      const servicesGroup = el('fieldset', 'filter-group');
      const legend = el('legend', 'filter-legend');
      legend.appendChild(el('span', null, t('filters.services')));
      servicesGroup.appendChild(legend);
      servicesGroup.appendChild(el('p', 'filter-hint', t('filters.servicesHint')));
      const chips = el('div', 'filter-chips');
      for (const service of services) {
        const { label, input } = checkbox(`filter-service-${service.code}`, 'chip-toggle');
        label.appendChild(el('span', null, pickLabel(service, lang, service.code)));
        input.addEventListener('change', () =>
          setFilters(toggleCode(store.get('filters'), 'services', service.code, input.checked, allServiceCodes)));
        inputs.services.set(service.code, input);
        chips.appendChild(label);
      }
      servicesGroup.appendChild(chips);
      container.appendChild(servicesGroup);
    }

    const { label, input } = checkbox('filter-open-now', 'switch');
    label.append(el('span', 'switch-track'), el('span', 'filter-text', t('filters.openNow')));
    input.addEventListener('change', () => setFilters(withOpenNow(store.get('filters'), input.checked)));
    inputs.openNow = input;
    container.appendChild(label);
    sync();
  }

  /** Sets the checkboxes from the store without rebuilding (keeps keyboard focus). */
  function sync() {
    const filters = store.get('filters');
    if (!filters) {
      return;
    }
    for (const [code, input] of inputs.kinds) {
      input.checked = filters.kinds.includes(code);
    }
    for (const [code, input] of inputs.services) {
      input.checked = filters.services.includes(code);
    }
    if (inputs.openNow) {
      inputs.openNow.checked = filters.openNow;
    }
  }

  store.on('filters', sync);
  render();
  return { render, refreshLanguage: render };
}

function checkbox(id, className) {
  const label = el('label', className);
  const input = testId(el('input'), id);
  input.type = 'checkbox';
  label.appendChild(input);
  return { label, input };
}
