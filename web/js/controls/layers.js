/**
 * The layer switcher (top right of the map): one checkbox per registered layer, labelled in the current language.
 * Layers register themselves with `addLayer({id, labelKey, layer, checked})`, so later layers (coverage, gaps, …)
 * plug in without touching this module. `data-testid="layer-control"`, checkboxes `layer-toggle-<id>`.
 */
import * as L from 'leaflet';
import { el, testId, clear } from '../util/dom.js';
import { createCard } from './card.js';

/**
 * @param {L.Map} map
 * @param {{getContext: () => {t: Function}}} options
 */
export function createLayerControl(map, { getContext }) {
  const entries = [];
  let list = null;
  let title = null;

  const Control = L.Control.extend({
    options: { position: 'topright' },
    onAdd() {
      const card = createCard('layer-control', 'layer-control');
      const container = card.container;
      container.setAttribute('role', 'group');
      title = card.title;
      list = el('ul', 'layer-list');
      card.body.appendChild(list);
      L.DomEvent.disableClickPropagation(container);
      L.DomEvent.disableScrollPropagation(container);
      render();
      return container;
    },
  });
  const control = new Control();
  control.addTo(map);

  const sync = () => {
    for (const entry of entries) {
      if (entry.input) {
        entry.input.checked = map.hasLayer(entry.layer);
      }
    }
  };
  map.on('layeradd layerremove', sync);

  function render() {
    if (!list) {
      return;
    }
    const { t } = getContext();
    title.textContent = t('layers.title');
    clear(list);
    for (const entry of entries) {
      const item = el('li', 'layer-item');
      const label = el('label', 'layer-label');
      const input = testId(el('input'), `layer-toggle-${entry.id}`);
      input.type = 'checkbox';
      input.checked = map.hasLayer(entry.layer);
      input.addEventListener('change', () => (input.checked ? map.addLayer(entry.layer) : map.removeLayer(entry.layer)));
      label.append(input, el('span', null, t(entry.labelKey)));
      item.appendChild(label);
      list.appendChild(item);
      entry.input = input;
    }
  }

  /** Registers a layer; `checked` adds it to the map now. Re-registering an id replaces the entry. */
  function addLayer({ id, labelKey, layer, checked = false }) {
    const existing = entries.findIndex((e) => e.id === id);
    const entry = { id, labelKey, layer, input: null };
    if (existing >= 0) {
      map.removeLayer(entries[existing].layer);
      entries[existing] = entry;
    } else {
      entries.push(entry);
    }
    if (checked) {
      map.addLayer(layer);
    }
    render();
  }

  function removeLayer(id) {
    const index = entries.findIndex((e) => e.id === id);
    if (index >= 0) {
      map.removeLayer(entries[index].layer);
      entries.splice(index, 1);
      render();
    }
  }

  return { control, addLayer, removeLayer, refreshLanguage: render };
}
