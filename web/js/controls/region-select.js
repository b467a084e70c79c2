/**
 * The region selector in the header: shown only when /api/config lists more than one region.
 * Region names come from the server and are set with textContent. `data-testid="region-select"`.
 */
import { el, clear } from '../util/dom.js';

/**
 * @param {HTMLSelectElement} select
 * @param {HTMLElement} wrapper hidden when there is only one region
 * @param {{regions: Array<{code: string, name: string}>, store: object}} options writes `region` in the store
 */
export function createRegionSelect(select, wrapper, { regions, store }) {
  clear(select);
  for (const region of regions) {
    const option = el('option', null, region.name || region.code);
    option.value = region.code;
    select.appendChild(option);
  }
  select.value = store.get('region');
  wrapper.hidden = regions.length < 2;
  select.addEventListener('change', () => store.set({ region: select.value }));
  store.on('region', (code) => { select.value = code; });
}
