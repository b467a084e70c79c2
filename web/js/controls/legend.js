/**
 * The legend (bottom right of the map), made of sections that layers add and remove: `addSection(id, render)`
 * where `render(context)` returns a DOM node (or null to hide the section). `data-testid="legend"`.
 * Also exports the section renderers of the base layers (station kinds, boundaries) and of the minute scale.
 */
import * as L from 'leaflet';
import { el, clear } from '../util/dom.js';
import { createCard } from './card.js';
import { kindColor, MINUTE_CLASSES, UNREACHABLE_COLOR } from '../util/colors.js';
import { pickLabel } from '../i18n/index.js';

/**
 * @param {L.Map} map
 * @param {{getContext: () => object}} options context handed to every section renderer ({t, lang, meta, …})
 */
export function createLegend(map, { getContext }) {
  const sections = [];
  let body = null;
  let title = null;

  const Control = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd() {
      const card = createCard('legend', 'legend');
      const container = card.container;
      title = card.title;
      body = el('div', 'legend-body');
      card.body.appendChild(body);
      L.DomEvent.disableClickPropagation(container);
      L.DomEvent.disableScrollPropagation(container);
      refresh();
      return container;
    },
  });
  const control = new Control();
  control.addTo(map);

  function refresh() {
    if (!body) {
      return;
    }
    const context = getContext();
    title.textContent = context.t('legend.title');
    clear(body);
    for (const section of sections) {
      const node = section.render(context);
      if (node) {
        node.classList.add('legend-section');
        node.dataset.section = section.id;
        body.appendChild(node);
      }
    }
  }

  /** Adds (or replaces) a section; sections are shown in the order they were first added. */
  function addSection(id, render) {
    const existing = sections.find((s) => s.id === id);
    if (existing) {
      existing.render = render;
    } else {
      sections.push({ id, render });
    }
    refresh();
  }

  function removeSection(id) {
    const index = sections.findIndex((s) => s.id === id);
    if (index >= 0) {
      sections.splice(index, 1);
      refresh();
    }
  }

  return { control, addSection, removeSection, refresh };
}

function sectionWithTitle(titleText) {
  const section = el('div');
  section.appendChild(el('h3', 'legend-subtitle', titleText));
  return section;
}

function row(swatch, text) {
  const item = el('div', 'legend-row');
  item.append(swatch, el('span', 'legend-text', text));
  return item;
}

/** Station kinds with their colours, the closed-now marker and the cluster symbol. */
export function renderKindsSection({ t, lang, meta }) {
  const kinds = meta?.kinds ?? [];
  if (kinds.length === 0) {
    return null;
  }
  const section = sectionWithTitle(t('legend.kinds'));
  for (const kind of kinds) {
    const dot = el('span', 'legend-dot');
    dot.style.setProperty('--kind-color', kindColor(kind.code, kinds));
    const item = row(dot, pickLabel(kind, lang, kind.code));
    item.dataset.kind = kind.code;
    section.appendChild(item);
  }
  const closed = el('span', 'legend-dot is-closed');
  closed.style.setProperty('--kind-color', kindColor(kinds[0].code, kinds));
  section.appendChild(row(closed, t('legend.closed')));
  const cluster = el('span', 'legend-cluster', '12');
  cluster.style.background = `conic-gradient(${kinds.slice(0, 4).map((k, i, all) =>
    `${kindColor(k.code, kinds)} ${(i * 100) / all.length}% ${((i + 1) * 100) / all.length}%`).join(', ')})`;
  section.appendChild(row(cluster, t('legend.cluster')));
  return section;
}

/** Boundary line styles of the district levels currently on the map. */
export function renderBoundariesSection({ t }, levels) {
  if (levels.length === 0) {
    return null;
  }
  const section = el('div');
  for (const level of levels) {
    section.appendChild(row(el('span', `legend-line legend-line-${level}`), t(`legend.${level}`)));
  }
  return section;
}

/** The travel-time scale of util/colors.js (for the coverage layers): "≤ 5 min" … "> 30 min", unreachable. */
export function renderMinutesSection({ t }, titleText) {
  const section = sectionWithTitle(titleText);
  let previous = 0;
  for (const c of MINUTE_CLASSES) {
    const swatch = el('span', 'legend-swatch');
    swatch.style.background = c.color;
    const text = Number.isFinite(c.maxMinutes) ? `≤ ${c.maxMinutes} ${t('unit.min')}` : `> ${previous} ${t('unit.min')}`;
    section.appendChild(row(swatch, text));
    previous = c.maxMinutes;
  }
  const grey = el('span', 'legend-swatch');
  grey.style.background = UNREACHABLE_COLOR;
  section.appendChild(row(grey, t('unit.unreachable')));
  return section;
}
