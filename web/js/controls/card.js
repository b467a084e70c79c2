/**
 * The white card used by the map controls (layers, legend): a title that folds the body away. Cards start folded
 * on narrow screens (≤ 800 px) so the map stays visible on a phone.
 */
import { el } from '../util/dom.js';

const NARROW = '(max-width: 800px)';

/**
 * @param {string} className extra class of the card
 * @param {string} id data-testid of the card
 * @returns {{container: HTMLElement, title: HTMLElement, body: HTMLElement}} set `title.textContent` to name it
 */
export function createCard(className, id) {
  const container = el('section', `map-card ${className}`);
  container.dataset.testid = id;
  const heading = el('h2', 'map-card-title');
  const toggle = el('button', 'map-card-toggle');
  toggle.type = 'button';
  const title = el('span', 'map-card-title-text');
  toggle.append(title, el('span', 'map-card-chevron'));
  heading.appendChild(toggle);
  const body = el('div', 'map-card-body');
  container.append(heading, body);

  const setCollapsed = (collapsed) => {
    container.classList.toggle('is-collapsed', collapsed);
    toggle.setAttribute('aria-expanded', String(!collapsed));
    body.hidden = collapsed;
  };
  toggle.addEventListener('click', () => setCollapsed(!container.classList.contains('is-collapsed')));
  setCollapsed(typeof window.matchMedia === 'function' && window.matchMedia(NARROW).matches);
  return { container, title, body };
}
