/**
 * "显示 123 个站点" at the bottom left of the map; `data-testid="station-count"` with the number in `data-count`
 * (empty while loading, "error" after a failed load).
 */
import * as L from 'leaflet';
import { el, testId } from '../util/dom.js';
import { formatInteger } from '../util/format.js';

export function createStationCount(map, { getContext }) {
  let box = null;
  let state = { kind: 'loading', count: 0 };
  const Control = L.Control.extend({
    options: { position: 'bottomleft' },
    onAdd() {
      box = testId(el('div', 'map-card station-count'), 'station-count');
      box.setAttribute('aria-live', 'polite');
      render();
      return box;
    },
  });
  new Control().addTo(map);

  function render() {
    if (!box) {
      return;
    }
    const { t, lang } = getContext();
    box.classList.toggle('is-loading', state.kind === 'loading');
    box.classList.toggle('is-error', state.kind === 'error');
    if (state.kind === 'count') {
      box.textContent = t('count.stations', { n: formatInteger(state.count, lang) });
      box.dataset.count = String(state.count);
    } else {
      box.textContent = t(state.kind === 'loading' ? 'count.loading' : 'count.error');
      box.dataset.count = state.kind === 'loading' ? '' : 'error';
    }
  }

  return {
    setCount(count) { state = { kind: 'count', count }; render(); },
    setLoading() { state = { kind: 'loading', count: 0 }; render(); },
    setError() { state = { kind: 'error', count: 0 }; render(); },
    refreshLanguage: render,
  };
}
