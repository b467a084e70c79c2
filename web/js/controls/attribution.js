/**
 * Attribution (bottom right): "Leaflet | <tile attribution>". Leaflet's own control writes HTML; this one shows
 * the server's attribution as plain text (tags dropped, entities decoded), so the config cannot inject markup.
 */
import * as L from 'leaflet';
import { el, htmlToText, testId } from '../util/dom.js';

export function createAttribution(map) {
  let textNode = null;
  let pending = '';
  const Control = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd() {
      const container = testId(el('div', 'leaflet-control-attribution attribution'), 'attribution');
      const link = el('a', null, 'Leaflet');
      link.href = 'https://leafletjs.com';
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
      textNode = el('span', 'attribution-text');
      container.append(link, textNode);
      setText(pending);
      return container;
    },
  });
  const control = new Control();
  control.addTo(map);

  /** Shows `html` (e.g. `&copy; <a>OpenStreetMap</a> contributors`) as text; empty hides the separator. */
  function setText(html) {
    pending = html ?? '';
    if (textNode) {
      const text = htmlToText(pending);
      textNode.textContent = text === '' ? '' : ` | ${text}`;
    }
  }
  return { control, setText };
}
