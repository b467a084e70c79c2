/**
 * Side-panel blocks of the planner page, drawn from the scenario JSON: the result (status, figures before / after,
 * solve statement, coverage curve, ranked proposals with runner-ups, decision history, submit, exports) and the
 * side-by-side comparison. DOM code; server text with textContent only. Every number that a test compares carries
 * its raw value in `data-value`.
 */
import { el, testId, clear } from '../util/dom.js';
import { formatShare, formatDemand, formatDateTime } from '../util/coverage.js';
import { pickLabel } from '../i18n/index.js';
import { curveGeometry } from './curve.js';
import {
  EXPORT_FORMATS, comparisonView, decisionParts, exportPath, figureChange, formatPoints, solveStatement,
} from './scenario.js';
import { COMPARE_COLORS } from './map.js';

const SVG = 'http://www.w3.org/2000/svg';

function valued(element, value) {
  element.dataset.value = value === null || value === undefined ? '' : String(value);
  return element;
}

function svg(tag, attributes = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attributes)) {
    node.setAttribute(k, String(v));
  }
  return node;
}

/** Label of a candidate kind in the page's language (the server sends the Chinese one as `kindZh`). */
function kindText(props, t, lang) {
  const key = `plan.kind.${props.kind}`;
  const translated = t(key);
  return lang === 'en' || translated !== key ? translated : pickLabel({ zh: props.kindZh }, lang, props.kind);
}

/** Figures before → after as a small table: coverage share and covered demand. */
export function figuresTable(figures, { t, lang }, prefix) {
  const f = figureChange(figures);
  const table = testId(el('table', 'plan-figures'), `${prefix}-figures`);
  const head = el('tr');
  for (const key of ['plan.fig.measure', 'plan.fig.before', 'plan.fig.after', 'plan.fig.change']) {
    head.appendChild(el('th', null, t(key)));
  }
  table.appendChild(head);
  const share = el('tr');
  share.append(
    el('td', null, t('plan.fig.share')),
    valued(testId(el('td', null, formatShare(f.fractionBefore, lang)), `${prefix}-share-before`), f.fractionBefore),
    valued(testId(el('td', 'plan-strong', formatShare(f.fractionAfter, lang)), `${prefix}-share-after`), f.fractionAfter),
    el('td', null, t('plan.fig.points', { points: formatPoints(f.fractionChange) })),
  );
  const covered = el('tr');
  covered.append(
    el('td', null, t('plan.fig.covered')),
    valued(testId(el('td', null, formatDemand(f.coveredBefore, lang)), `${prefix}-covered-before`), f.coveredBefore),
    valued(testId(el('td', 'plan-strong', formatDemand(f.coveredAfter, lang)), `${prefix}-covered-after`), f.coveredAfter),
    el('td', null, f.newlyCovered === null ? '—' : `+${formatDemand(f.newlyCovered, lang)}`),
  );
  table.append(share, covered);
  return table;
}

/** The coverage curve 1 … N as an inline SVG with the flattening point marked. */
export function curveChart(curve, before, { t, lang }) {
  const width = 300;
  const height = 140;
  const left = 40;
  const bottom = 20;
  const g = curveGeometry(curve?.points ?? [], {
    width: width - left, height: height - bottom, pad: 8, before, flattensAfter: curve?.flattensAfter ?? null,
  });
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'plan-curve', role: 'img' });
  chart.dataset.testid = 'plan-curve';
  chart.dataset.points = String(curve?.points?.length ?? 0);
  chart.setAttribute('aria-label', t('plan.curve.title'));
  const plot = svg('g', { transform: `translate(${left} 0)` });
  for (const tick of g.yTicks) {
    plot.appendChild(svg('line', { x1: 0, x2: width - left, y1: tick.y, y2: tick.y, class: 'plan-curve-grid' }));
    const label = svg('text', { x: -4, y: tick.y + 3, 'text-anchor': 'end', class: 'plan-curve-label' });
    label.textContent = formatShare(tick.share, lang, 0);
    plot.appendChild(label);
  }
  for (const tick of g.xTicks) {
    const label = svg('text', { x: tick.x, y: height - bottom + 14, 'text-anchor': 'middle', class: 'plan-curve-label' });
    label.textContent = String(tick.k);
    plot.appendChild(label);
  }
  plot.appendChild(svg('path', { d: g.path, class: 'plan-curve-line' }));
  for (const dot of g.dots) {
    const c = svg('circle', { cx: dot.x, cy: dot.y, r: 2.5, class: 'plan-curve-dot' });
    const title = svg('title');
    title.textContent = t('plan.curve.point', { k: dot.k, share: formatShare(dot.share, lang) });
    c.appendChild(title);
    plot.appendChild(c);
  }
  if (g.flatten) {
    const mark = svg('circle', { cx: g.flatten.x, cy: g.flatten.y, r: 6, class: 'plan-curve-flat' });
    mark.dataset.testid = 'plan-curve-flat';
    mark.dataset.k = String(g.flatten.k);
    plot.appendChild(mark);
  }
  chart.appendChild(plot);
  const box = el('div', 'plan-curve-box');
  box.appendChild(chart);
  box.appendChild(testId(el('div', 'plan-sub', Number.isInteger(curve?.flattensAfter)
    ? t('plan.curve.flattens', { k: curve.flattensAfter, percent: curve.flattenPercent })
    : t('plan.curve.noFlat', { percent: curve?.flattenPercent ?? '—' })), 'plan-curve-note'));
  return box;
}

/**
 * The whole result block of one scenario.
 * @param {HTMLElement} container
 * @param {object} s the scenario JSON
 * @param {{t: Function, lang: string, region: string, baseUri: string}} context
 * @param {{editable: boolean, canSubmit: boolean, canDelete: boolean, busy: boolean, onFocus: (siteId) => void,
 *   onRemove: (siteId) => void, onSubmit: (comment: string) => void, onDelete: () => void}} options
 */
export function renderResult(container, s, context, options) {
  const { t, lang } = context;
  clear(container);
  container.hidden = false;
  container.dataset.scenarioId = String(s.id);
  container.appendChild(testId(el('h2', 'panel-title plan-name', s.name), 'plan-result-name'));
  const status = testId(el('div', 'plan-status'), 'plan-status');
  status.dataset.status = s.status ?? '';
  status.append(
    el('span', `plan-badge plan-badge-${s.status}`, t(`plan.status.${s.status}`)),
    el('span', 'plan-sub', ` ${t(`review.group.${s.group}`)} · ${s.minutes} ${t('unit.min')} · ${t(`plan.problem.${s.problem}`)}`),
  );
  container.appendChild(status);
  if (!options.editable) {
    container.appendChild(testId(el('p', 'plan-readonly', t('plan.readOnly')), 'plan-readonly'));
  }

  container.appendChild(el('h3', null, t('plan.fig.title')));
  container.appendChild(figuresTable(s.figures, context, 'plan'));

  const st = solveStatement(s.solve);
  const solve = testId(el('dl', 'plan-solve'), 'plan-solve');
  solve.dataset.status = s.solve?.status ?? '';
  const add = (key, value, id) => {
    const dd = el('dd', null, value);
    if (id) {
      testId(dd, id);
    }
    solve.append(el('dt', null, t(key)), dd);
  };
  add('plan.solve.status', t(st.statusKey), 'plan-solve-status');
  const unitKey = `plan.unit.${st.objectiveUnit}`;
  const unit = t(unitKey) === unitKey ? st.objectiveUnit : t(unitKey);
  add('plan.solve.objective', st.objective === null ? '—' : `${formatDemand(st.objective, lang)} ${unit}`.trim(), 'plan-solve-objective');
  add('plan.solve.bound', st.bound === null ? '—' : formatDemand(st.bound, lang));
  add('plan.solve.gap', st.gap === null ? '—' : formatShare(st.gap, lang, 2), 'plan-solve-gap');
  add('plan.solve.solver', st.solver || '—');
  add('plan.solve.time', st.seconds === null ? '—' : t('plan.solve.seconds', { s: st.seconds.toFixed(1) }));
  container.appendChild(el('h3', null, t('plan.solve.title')));
  container.appendChild(solve);
  if (st.message) {
    container.appendChild(el('p', 'plan-sub', st.message));
  }
  if (s.editCount > 0) {
    container.appendChild(el('p', 'plan-sub', t('plan.solve.edited', { n: s.editCount })));
  }

  container.appendChild(inputsBlock(s, context));

  container.appendChild(el('h3', null, t('plan.curve.title')));
  container.appendChild(curveChart(s.curve, s.figures?.fractionBefore ?? null, context));

  container.appendChild(el('h3', null, t('plan.sites.title', { n: s.sites?.features?.length ?? 0 })));
  if (options.editable) {
    container.appendChild(el('p', 'plan-sub', t('plan.sites.hint')));
  }
  const list = testId(el('ol', 'plan-sites'), 'plan-sites');
  for (const feature of s.sites?.features ?? []) {
    list.appendChild(siteItem(feature.properties, context, options));
  }
  container.appendChild(list);

  const decisions = Array.isArray(s.decisions) ? s.decisions : null;
  if (decisions) {
    container.appendChild(el('h3', null, t('plan.decisions')));
    const ul = testId(el('ul', 'plan-decisions'), 'plan-decisions');
    if (decisions.length === 0) {
      ul.appendChild(el('li', 'plan-sub', t('plan.decisionsNone')));
    }
    for (const d of decisions) {
      const p = decisionParts(d);
      const text = [p.at ? formatDateTime(p.at, lang) : null, p.action ? t(`plan.status.${p.action}`) : null, p.actor, p.area]
        .filter(Boolean).join(' · ');
      const li = el('li', null, text);
      if (p.comment) {
        li.appendChild(el('div', 'plan-sub', p.comment));
      }
      ul.appendChild(li);
    }
    container.appendChild(ul);
  }
  if (options.canSubmit) {
    const box = el('div', 'plan-submit-box');
    const comment = testId(el('input', 'plan-input'), 'plan-submit-comment');
    comment.type = 'text';
    comment.placeholder = t('plan.submitComment');
    const button = testId(el('button', 'button button-primary', t('plan.submit')), 'plan-submit-approval');
    button.type = 'button';
    button.disabled = options.busy;
    button.addEventListener('click', () => options.onSubmit(comment.value.trim()));
    box.append(comment, button);
    container.appendChild(box);
  }
  if (options.canDelete) {
    // a draft that was never submitted; the page asks for confirmation before it calls the server
    const button = testId(el('button', 'button button-secondary plan-delete', t('plan.delete')), 'plan-delete');
    button.type = 'button';
    button.disabled = options.busy;
    button.addEventListener('click', () => options.onDelete());
    container.appendChild(button);
  }

  const exports = el('div', 'plan-exports');
  exports.appendChild(el('span', 'form-label', t('plan.export')));
  for (const format of EXPORT_FORMATS) {
    const link = testId(el('a', 'button button-secondary', format === 'geojson' ? 'GeoJSON' : format.toUpperCase()), `plan-export-${format}`);
    link.href = new URL(exportPath(s.id, context.region, format), context.baseUri).toString();
    link.setAttribute('download', '');
    exports.appendChild(link);
  }
  container.appendChild(exports);
}

/** The inputs the scenario keeps (network version, demand layer, candidates, stations) and its parameters. */
function inputsBlock(s, { t, lang }) {
  const box = testId(el('details', 'plan-inputs'), 'plan-inputs');
  box.appendChild(el('summary', null, t('plan.inputs.title')));
  const list = el('dl', 'plan-solve');
  const add = (key, value) => {
    if (value !== null && value !== undefined && value !== '') {
      list.append(el('dt', null, t(key)), el('dd', null, String(value)));
    }
  };
  const inputs = s.inputs ?? {};
  const request = s.request ?? {};
  add('plan.inputs.network', inputs.networkVersionId === null || inputs.networkVersionId === undefined ? null
    : `#${inputs.networkVersionId}${inputs.networkSha256 ? ` (${String(inputs.networkSha256).slice(0, 12)})` : ''}`);
  add('plan.inputs.mode', inputs.travelMode);
  add('plan.inputs.demand', inputs.demandLayerId === null || inputs.demandLayerId === undefined ? null : `#${inputs.demandLayerId}`);
  add('plan.inputs.candidates', inputs.candidateCount);
  add('plan.inputs.stations', inputs.stationCount);
  add('plan.form.p', request.p);
  add('plan.form.target', typeof request.targetCoverage === 'number' ? formatShare(request.targetCoverage, lang) : null);
  add('plan.form.sources', (request.candidates?.sources ?? []).map((x) => t(`plan.source.${x}`)).join('、'));
  add('plan.form.kinds', (request.candidates?.kinds ?? []).map((x) => t(`plan.kind.${x}`)).join('、'));
  add('plan.form.budget', request.budgetWanYuan);
  add('plan.form.cost', request.defaultCostWanYuan);
  add('plan.form.solver', request.solver ? t(`plan.solver.${request.solver}`) : null);
  add('plan.form.timeLimit', request.solver === 'greedy' ? null : request.timeLimitSeconds);
  add('plan.inputs.createdBy', [s.createdBy, formatDateTime(s.createdAt, lang)].filter(Boolean).join(' · '));
  box.appendChild(list);
  return box;
}

function siteItem(p, context, options) {
  const { t, lang } = context;
  const li = testId(el('li', 'plan-site'), `plan-site-${p.siteId}`);
  li.dataset.siteId = String(p.siteId);
  const head = el('div', 'plan-site-head');
  const name = testId(el('button', 'plan-link', `${p.rank}. ${p.name}`), 'plan-site-name');
  name.type = 'button';
  name.addEventListener('click', () => options.onFocus(p.siteId));
  head.append(name, el('span', 'plan-sub', ` ${kindText(p, t, lang)}${p.origin && p.origin !== 'solver' ? ` · ${t(`plan.origin.${p.origin}`)}` : ''}`));
  if (options.editable) {
    const remove = testId(el('button', 'plan-remove', '×'), 'plan-site-remove');
    remove.type = 'button';
    remove.title = t('plan.sites.remove');
    remove.setAttribute('aria-label', t('plan.sites.remove'));
    remove.disabled = options.busy;
    remove.addEventListener('click', () => options.onRemove(p.siteId));
    head.appendChild(remove);
  }
  li.appendChild(head);
  const facts = el('div', 'plan-site-facts');
  facts.append(
    valued(testId(el('span', null, t('plan.sites.new', { demand: formatDemand(p.newDemand, lang) })), 'plan-site-new'), p.newDemand),
    valued(el('span', null, t('plan.sites.gain', { demand: p.marginalGain === null ? '—' : formatDemand(p.marginalGain, lang) })), p.marginalGain),
    valued(el('span', null, t('plan.sites.overlap', { share: formatShare(p.overlapShare, lang, 0) })), p.overlapShare),
  );
  li.appendChild(facts);
  const runner = el('details', 'plan-runner');
  runner.appendChild(el('summary', null, t('plan.sites.runnerUp')));
  runner.appendChild(testId(el('div', 'plan-sub', p.runnerUpName
    ? t('plan.sites.runnerUpText', {
      name: p.runnerUpName, id: p.runnerUpCandidateId ?? '', objective: formatDemand(p.runnerUpObjective, lang),
    })
    : t('plan.sites.noRunnerUp')), 'plan-site-runner'));
  li.appendChild(runner);
  return li;
}

/** The comparison block: figures of A and B, B − A, and the sites only in A, only in B and in both. */
export function renderComparison(container, comparison, context, { onClose }) {
  const { t, lang } = context;
  const v = comparisonView(comparison);
  clear(container);
  container.hidden = false;
  const title = el('div', 'plan-compare-title');
  const close = testId(el('button', 'button button-secondary', t('plan.compareClose')), 'plan-compare-close');
  close.type = 'button';
  close.addEventListener('click', onClose);
  title.append(el('h2', 'panel-title', t('plan.compareTitle')), close);
  container.appendChild(title);
  if (!v.comparable || v.notes.length > 0) {
    const notes = el('ul', 'plan-sub');
    for (const n of v.notes) {
      notes.appendChild(el('li', null, n));
    }
    container.appendChild(notes);
  }
  const table = testId(el('table', 'plan-figures'), 'plan-compare-table');
  const head = el('tr');
  const swatch = (side) => {
    const th = el('th', null, side === 'a' ? `A · ${v.nameA}` : `B · ${v.nameB}`);
    th.style.color = COMPARE_COLORS[side];
    return th;
  };
  head.append(el('th', null, t('plan.fig.measure')), swatch('a'), swatch('b'), el('th', null, t('plan.compareDiff')));
  table.appendChild(head);
  const row = (key, a, b, diff, id) => {
    const tr = el('tr');
    tr.append(el('td', null, t(key)), valued(testId(el('td', null, a.text), `${id}-a`), a.value),
      valued(testId(el('td', null, b.text), `${id}-b`), b.value), valued(testId(el('td', null, diff.text), `${id}-diff`), diff.value));
    table.appendChild(tr);
  };
  row('plan.fig.shareAfter', { text: formatShare(v.a.fractionAfter, lang), value: v.a.fractionAfter },
    { text: formatShare(v.b.fractionAfter, lang), value: v.b.fractionAfter },
    { text: t('plan.fig.points', { points: formatPoints(v.difference.fractionAfter) }), value: v.difference.fractionAfter }, 'plan-compare-share');
  row('plan.fig.coveredAfter', { text: formatDemand(v.a.coveredAfter, lang), value: v.a.coveredAfter },
    { text: formatDemand(v.b.coveredAfter, lang), value: v.b.coveredAfter },
    { text: formatDemand(v.difference.coveredAfter, lang), value: v.difference.coveredAfter }, 'plan-compare-covered');
  row('plan.fig.sites', { text: String(comparison.a?.newSites ?? '—'), value: comparison.a?.newSites },
    { text: String(comparison.b?.newSites ?? '—'), value: comparison.b?.newSites },
    { text: v.difference.sites === null ? '—' : String(v.difference.sites), value: v.difference.sites }, 'plan-compare-sites');
  container.appendChild(table);
  const lists = [['plan.onlyInA', v.onlyInA, 'plan-only-a'], ['plan.onlyInB', v.onlyInB, 'plan-only-b'], ['plan.inBoth', v.inBoth, 'plan-in-both']];
  for (const [key, names, id] of lists) {
    container.appendChild(el('h3', null, t(key, { n: names.length })));
    const ul = testId(el('ul', 'plan-names'), id);
    for (const name of names) {
      ul.appendChild(el('li', null, name));
    }
    if (names.length === 0) {
      ul.appendChild(el('li', 'plan-sub', '—'));
    }
    container.appendChild(ul);
  }
}
